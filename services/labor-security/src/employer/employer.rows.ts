import { Employer } from "./employer.entity";

/** Employer's columns, for plain SQL on the alias `alias`, each named `<prefix><column>`. */
export function employerColumns(alias: string, prefix = ""): string {
  return ["credit_code", "name", "industry", "address", "registered_at"]
    .map((c) => `${alias}.${c} AS ${prefix}${c}`)
    .join(", ");
}

/** The employer in a row of {@link employerColumns} (null when the row has none: an outer join). */
export function employerFromRow(row: Record<string, unknown>, prefix = ""): Employer | null {
  if (row[`${prefix}credit_code`] == null) return null;
  return Object.assign(new Employer(), {
    creditCode: row[`${prefix}credit_code`] as string,
    name: row[`${prefix}name`] as string,
    industry: (row[`${prefix}industry`] as string | null) ?? null,
    address: (row[`${prefix}address`] as string | null) ?? null,
    registeredAt: row[`${prefix}registered_at`] as string,
  });
}
