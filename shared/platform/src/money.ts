import { BadUserInputError } from "./errors";
import { PLATFORM } from "./messages";

/**
 * Converts a yuan amount from the API into integer fen. Rejects negatives, more than two
 * decimals and amounts past what a bigint column and a JS number hold exactly.
 */
export function yuanToFen(yuan: number, field: string): number {
  if (!Number.isFinite(yuan)) throw new BadUserInputError(PLATFORM.amountNotNumber, field);
  if (yuan < 0) throw new BadUserInputError(PLATFORM.amountNegative.with({ amount: yuan }), field);
  const fen = Math.round(yuan * 100);
  if (Math.abs(fen - yuan * 100) > 1e-6)
    throw new BadUserInputError(PLATFORM.amountDecimals.with({ amount: yuan }), field);
  if (fen > 1e15) throw new BadUserInputError(PLATFORM.amountTooLarge.with({ amount: yuan }), field);
  return fen;
}

/** Integer fen to yuan (two decimals). */
export function fenToYuan(fen: number | string): number {
  return Math.round(Number(fen)) / 100;
}

/** A TypeORM column transformer: bigint fen columns come back from PostgreSQL as strings. */
export const bigintTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
