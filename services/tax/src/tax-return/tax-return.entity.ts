import { Authorized, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { TAX_RECORD_READERS } from "../access";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateTimeScalar, bigintTransformer, fenToYuan } from "@onewindow/platform";

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

  /** The return this one amends; null for a first filing. */
  @Column({ type: "integer", name: "supersedes_id", nullable: true })
  supersedesId: number | null;

  @Column({ type: "varchar", length: 32, name: "filed_at" })
  @Field(() => DateTimeScalar, { description: "When the return was filed." })
  filedAt: string;

  @Column({ type: "varchar", length: 32, name: "superseded_at", nullable: true })
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When a later amendment replaced this return; null while it is the one in force.",
  })
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

  @Field(() => Float, { description: "Basic pension received in the year, yuan; exempt, recorded but not taxed." })
  get pensionIncome(): number {
    return fenToYuan(this.pensionIncomeFen);
  }

  @Field(() => Float, { description: "Special deductions (social insurance and housing fund contributions), yuan." })
  get specialDeductions(): number {
    return fenToYuan(this.specialDeductionsFen);
  }

  @Field(() => Float, {
    description: "Special additional deductions (children's education, elderly care, housing ...), yuan.",
  })
  get additionalDeductions(): number {
    return fenToYuan(this.additionalDeductionsFen);
  }

  @Field(() => Float, { description: "Taxable income: wages − 60,000 − deductions, never below 0; yuan." })
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

  @Field(() => Float, { description: "Tax due − tax withheld, yuan: positive is payable, negative is a refund." })
  get balance(): number {
    return fenToYuan(this.taxDueFen - this.taxWithheldFen);
  }
}
