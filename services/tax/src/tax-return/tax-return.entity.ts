import { Authorized, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { TAX_RECORD_READERS } from "../access";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar, bigintTransformer, fenToYuan } from "@onewindow/platform";
import { FiledAtColumn, SupersededAtColumn, SupersedesIdColumn } from "../filing.columns";
import { comprehensiveIncomeFen } from "../income-tax.policy";
import { AdditionalDeductionCategory } from "./tax-return.enums";

/** One special additional deduction of a return, as accepted against its cap. */
@Authorized(TAX_RECORD_READERS)
@ObjectType({
  description:
    "A special additional deduction (or the personal pension) of a return, with the cap it was checked against.",
})
export class AdditionalDeductionLine {
  @Field(() => AdditionalDeductionCategory, { description: "The category." })
  category: AdditionalDeductionCategory;

  @Field(() => Float, { description: "Deducted, yuan." })
  amount: number;

  @Field(() => Float, { description: "The cap for this line by the year's limits, yuan." })
  cap: number;

  @Field(() => Int, {
    nullable: true,
    description: "Months counted, for the monthly categories; null for the yearly ones.",
  })
  months: number | null;

  @Field({ description: "How the cap was reached, with the notice that sets it (Chinese)." })
  basis: string;
}

/** The stored form of a line: fen. */
export interface StoredDeductionLine {
  category: AdditionalDeductionCategory;
  amountFen: number;
  capFen: number;
  months: number | null;
  basis: string;
}

/** What a return keeps of its checked lines (the check's other figures are not stored). */
export function storedDeductionLines(lines: readonly StoredDeductionLine[]): StoredDeductionLine[] {
  return lines.map(({ category, amountFen, capFen, months, basis }) => ({
    category,
    amountFen,
    capFen,
    months,
    basis,
  }));
}

/** Reads and writes the JSON text of a return's lines. */
const linesTransformer = {
  to: (lines: StoredDeductionLine[] | null | undefined) => (lines && lines.length ? JSON.stringify(lines) : null),
  from: (text: string | null) => (text ? (JSON.parse(text) as StoredDeductionLine[]) : []),
};

/**
 * One annual reconciliation return of one person. An amendment is a new row; the row it
 * replaces keeps its figures and gets `supersededAt`, so the history stays readable.
 */
@Entity("tax_return")
@Index(["idNumber", "year", "supersededAt"])
@Index(["idNumber", "year"], { unique: true, where: "superseded_at IS NULL" })
@Authorized(TAX_RECORD_READERS)
@ObjectType({ description: "An annual individual income tax reconciliation return (综合所得年度汇算), as filed." })
export class TaxReturn {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Return id." })
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  @Field(() => ID, { description: "The taxpayer's resident ID number." })
  idNumber: string;

  @Column({ type: "integer" })
  @Field(() => Int, { description: "The tax year reconciled." })
  year: number;

  @Column({ type: "bigint", name: "wage_income_fen", transformer: bigintTransformer })
  wageIncomeFen: number;

  @Column({ type: "bigint", name: "labour_remuneration_fen", transformer: bigintTransformer, default: 0 })
  labourRemunerationFen: number;

  @Column({ type: "bigint", name: "author_remuneration_fen", transformer: bigintTransformer, default: 0 })
  authorRemunerationFen: number;

  @Column({ type: "bigint", name: "royalties_fen", transformer: bigintTransformer, default: 0 })
  royaltiesFen: number;

  @Column({ type: "bigint", name: "pension_income_fen", transformer: bigintTransformer })
  pensionIncomeFen: number;

  @Column({ type: "bigint", name: "special_deductions_fen", transformer: bigintTransformer })
  specialDeductionsFen: number;

  @Column({ type: "bigint", name: "additional_deductions_fen", transformer: bigintTransformer })
  additionalDeductionsFen: number;

  @Column({ type: "bigint", name: "taxable_income_fen", transformer: bigintTransformer })
  taxableIncomeFen: number;

  @Column({ type: "bigint", name: "tax_due_fen", transformer: bigintTransformer })
  taxDueFen: number;

  @Column({ type: "bigint", name: "tax_withheld_fen", transformer: bigintTransformer })
  taxWithheldFen: number;

  /** The itemised special additional deductions (their total is `additionalDeductionsFen`). */
  @Column({ type: "text", name: "additional_deduction_lines", nullable: true, transformer: linesTransformer })
  additionalDeductionLines: StoredDeductionLine[];

  @Column({ type: "boolean", default: false })
  @Field({
    description:
      "True when the top-up is waived by the year's exemption (income at most 120,000 yuan, or a top-up at most 400 yuan: 财政部 税务总局公告2023年第32号 and its predecessors); the balance is then 0.",
  })
  exempt: boolean;

  @Column({ type: "varchar", length: 300, name: "exemption_reason", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "Why the top-up is waived, with the notice (Chinese); null when not exempt.",
  })
  exemptionReason: string | null;

  @Column({ type: "boolean", default: false })
  @Field({
    description: "True when the return was filed after 30 June of the following year, the end of the reconciliation.",
  })
  late: boolean;

  /** The return this one amends; null for a first filing. */
  @SupersedesIdColumn()
  supersedesId: number | null;

  @FiledAtColumn()
  filedAt: string;

  @SupersededAtColumn("When a later amendment replaced this return; null while it is the one in force.")
  supersededAt: string | null;

  @Field({ description: "True when this return amends an earlier one for the same year." })
  get amendment(): boolean {
    return this.supersedesId !== null;
  }

  @Field({ description: "True when this is the return in force for its year (not superseded)." })
  get current(): boolean {
    return this.supersededAt === null;
  }

  @Field(() => Float, { description: "Wages and salaries for the year, yuan." })
  get wageIncome(): number {
    return fenToYuan(this.wageIncomeFen);
  }

  @Field(() => Float, { description: "Labour remuneration (劳务报酬) for the year, gross, yuan; counted at 80 %." })
  get labourRemuneration(): number {
    return fenToYuan(this.labourRemunerationFen);
  }

  @Field(() => Float, {
    description: "Author's remuneration (稿酬) for the year, gross, yuan; counted at 56 % (80 % × 70 %).",
  })
  get authorRemuneration(): number {
    return fenToYuan(this.authorRemunerationFen);
  }

  @Field(() => Float, { description: "Royalties (特许权使用费) for the year, gross, yuan; counted at 80 %." })
  get royalties(): number {
    return fenToYuan(this.royaltiesFen);
  }

  @Field(() => Float, {
    description:
      "Comprehensive income (综合所得收入额): wages + 80 % of labour remuneration + 56 % of author's remuneration + 80 % of royalties, yuan.",
  })
  get comprehensiveIncome(): number {
    return fenToYuan(comprehensiveIncomeFen(this));
  }

  @Field(() => [AdditionalDeductionLine], {
    description: "The special additional deductions, itemised, with their caps.",
  })
  get additionalDeductionItems(): AdditionalDeductionLine[] {
    return (this.additionalDeductionLines ?? []).map((l) =>
      Object.assign(new AdditionalDeductionLine(), {
        category: l.category,
        amount: fenToYuan(l.amountFen),
        cap: fenToYuan(l.capFen),
        months: l.months,
        basis: l.basis,
      }),
    );
  }

  @Field(() => DateScalar, {
    description: "The last day of the reconciliation for the year: 30 June of the following year.",
  })
  get filingDeadline(): string {
    return `${this.year + 1}-06-30`;
  }

  @Field(() => Float, { description: "Basic pension received in the year, yuan; exempt, recorded but not taxed." })
  get pensionIncome(): number {
    return fenToYuan(this.pensionIncomeFen);
  }

  @Field(() => Float, { description: "Special deductions (social insurance and housing fund contributions), yuan." })
  get specialDeductions(): number {
    return fenToYuan(this.specialDeductionsFen);
  }

  @Field(() => Float, {
    description:
      "Special additional deductions (children's education, elderly support, housing ...) and the personal pension, in total, yuan; itemised in additionalDeductionItems.",
  })
  get additionalDeductions(): number {
    return fenToYuan(this.additionalDeductionsFen);
  }

  @Field(() => Float, {
    description: "Taxable income: comprehensive income − 60,000 − deductions, never below 0; yuan.",
  })
  get taxableIncome(): number {
    return fenToYuan(this.taxableIncomeFen);
  }

  @Field(() => Float, { description: "Tax due for the year by the annual progressive table, yuan." })
  get taxDue(): number {
    return fenToYuan(this.taxDueFen);
  }

  @Field(() => Float, { description: "Tax withheld during the year by employers, yuan." })
  get taxWithheld(): number {
    return fenToYuan(this.taxWithheldFen);
  }

  @Field(() => Float, {
    description:
      "What is settled at the reconciliation, yuan: tax due − tax withheld, positive payable and negative a refund (always paid); 0 when the top-up is exempt.",
  })
  get balance(): number {
    return fenToYuan(this.exempt ? 0 : this.taxDueFen - this.taxWithheldFen);
  }
}
