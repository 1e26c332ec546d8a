import type { EntityManager } from "typeorm";
import { BadUserInputError, requiredText } from "@onewindow/platform";
import { HALL_QUEUE } from "../messages";
import { CentreSetting } from "./centre-setting.entity";

/** The longest recall window a centre may set: a missed number lasts the working day at most. */
export const MAX_RECALL_WINDOW_MINUTES = 240;

/** The centre of `code`, or BAD_USER_INPUT on `field` for a code the hall does not know. */
export async function requireCentre(tx: EntityManager, code: string, field = "centre"): Promise<CentreSetting> {
  const text = requiredText(code, field, 20).toUpperCase();
  const centre = await tx.findOneBy(CentreSetting, { code: text });
  if (!centre) throw new BadUserInputError(HALL_QUEUE.unknownCentre.with({ centre: text }), field);
  return centre;
}
