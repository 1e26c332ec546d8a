import { registerEnumType } from "type-graphql";

/** Whether an employer has paid over everything it withheld. */
export enum TaxStanding {
  GOOD = "GOOD",
  ARREARS = "ARREARS",
}
registerEnumType(TaxStanding, {
  name: "TaxStanding",
  description: "An employer's standing with the tax bureau, from its withholding returns in force.",
  valuesConfig: {
    GOOD: { description: "For every month, the tax paid over covers the tax withheld." },
    ARREARS: { description: "For at least one month, the employer withheld more tax than it paid over (欠税)." },
  },
});
