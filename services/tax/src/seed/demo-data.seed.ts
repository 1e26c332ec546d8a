import type { DataSource } from "typeorm";
import { demoEmployer, demoPerson, SeededRandom, type DemoPopulation } from "@onewindow/contracts/demo";
import { bulkInsertEntities, type SeedProgress } from "@onewindow/platform";
import {
  checkAdditionalDeductions,
  limitsForYear,
  type AdditionalDeductionClaim,
} from "../additional-deductions.policy";
import { reconcileAnnualIncome } from "../income-tax.policy";
import { TaxLimit } from "../limits/tax-limit.entity";
import { TaxLimitService } from "../limits/tax-limit.service";
import { AdditionalDeductionCategory } from "../tax-return/tax-return.enums";
import { storedDeductionLines, TaxReturn } from "../tax-return/tax-return.entity";
import { WithholdingReturn } from "../withholding/withholding-return.entity";

export interface SeedTaxDemoOptions extends DemoPopulation {
  /** Called after each committed batch of each step ("tax returns", "withholding returns"). */
  onProgress?: SeedProgress;
}

/** Special additional deductions of the demo taxpayers, each within its cap for any year since 2023. */
const CLAIMS: AdditionalDeductionClaim[][] = [
  [],
  [],
  [{ category: AdditionalDeductionCategory.HOUSING_LOAN_INTEREST, amount: 12_000 }],
  [{ category: AdditionalDeductionCategory.CHILD_EDUCATION, amount: 24_000 }],
  [
    { category: AdditionalDeductionCategory.CHILD_EDUCATION, amount: 24_000 },
    { category: AdditionalDeductionCategory.ELDERLY_SUPPORT, amount: 12_000, onlyChild: false },
  ],
];

/**
 * The tax department's demo records of the demo population (`@onewindow/contracts/demo`): last year's annual reconciliation for residents with
 * wages or a pension (deductions itemised and checked against the year's limits, the exemption
 * applied as the limits table says), and a year of monthly withholding returns per employer, a
 * few in arrears.
 */
export async function seedTaxDemo(db: DataSource, options: SeedTaxDemoOptions): Promise<void> {
  const { citizens, employers, today } = options;
  const step = (name: string) => (done: number, total: number) => options.onProgress?.(done, total, name);
  const year = Number(today.slice(0, 4)) - 1;
  const filedAt = `${year + 1}-03-15T02:00:00.000Z`;
  const limits = limitsForYear(await db.getRepository(TaxLimit).find(), year);
  const exemption = TaxLimitService.exemptionOf(limits);
  await bulkInsertEntities(
    db,
    TaxReturn,
    citizens,
    (i) => {
      const p = demoPerson(i, employers, today);
      if (p.status !== "EMPLOYED" && p.status !== "RETIRED") return null;
      const rnd = new SeededRandom(i * 53 + 11);
      const wageIncomeFen = p.status === "EMPLOYED" ? p.monthlyWage * 12 * 100 : 0;
      const pensionIncomeFen = p.status === "RETIRED" ? rnd.int(2500, 6000) * 12 * 100 : 0;
      // Special deductions are the employee's own social insurance (about 10.5% of wages).
      const specialDeductionsFen = Math.round(wageIncomeFen * 0.105);
      const lines = checkAdditionalDeductions(year, p.status === "EMPLOYED" ? rnd.pick(CLAIMS) : [], limits);
      const additionalDeductionsFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
      const income = {
        wageIncomeFen,
        labourRemunerationFen: 0,
        authorRemunerationFen: 0,
        royaltiesFen: 0,
        pensionIncomeFen,
        specialDeductionsFen,
        additionalDeductionsFen,
      };
      const taxDue = reconcileAnnualIncome({ ...income, taxWithheldFen: 0 }).taxDueFen;
      // What employers withheld during the year: usually close to the tax due, sometimes more.
      const taxWithheldFen = Math.max(0, taxDue + rnd.pick([0, 0, 0, 1, -1]) * rnd.int(0, 50_000));
      const r = reconcileAnnualIncome({ ...income, taxWithheldFen }, exemption);
      return {
        idNumber: p.idNumber,
        year,
        ...income,
        additionalDeductionLines: storedDeductionLines(lines),
        taxableIncomeFen: r.taxableIncomeFen,
        taxDueFen: r.taxDueFen,
        taxWithheldFen,
        exempt: r.exempt,
        exemptionReason: r.exemptionReason,
        late: false,
        supersedesId: null,
        filedAt,
        supersededAt: null,
      } as TaxReturn;
    },
    step("tax returns"),
  );
  await bulkInsertEntities(
    db,
    WithholdingReturn,
    employers,
    (j) => {
      const rnd = new SeededRandom(j * 71 + 23);
      const creditCode = demoEmployer(j).creditCode;
      const employees = rnd.int(3, 300);
      const inArrears = rnd.chance(0.04) ? rnd.int(1, 12) : 0;
      return Array.from({ length: 12 }, (_, m) => {
        const wagesTotalFen = employees * rnd.int(4000, 12000) * 100;
        const taxWithheldFen = Math.round(wagesTotalFen * 0.015);
        return {
          creditCode,
          period: `${year}-${String(m + 1).padStart(2, "0")}`,
          employees,
          wagesTotalFen,
          taxWithheldFen,
          taxPaidFen: m + 1 === inArrears ? Math.round(taxWithheldFen * 0.6) : taxWithheldFen,
          supersedesId: null,
          filedAt: `${year}-${String(m + 1).padStart(2, "0")}-15T02:00:00.000Z`,
          supersededAt: null,
        } as WithholdingReturn;
      });
    },
    step("withholding returns"),
  );
}
