import { Authorized, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { EMPLOYER_TAX_READERS } from "../access";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { bigintTransformer, fenToYuan } from "@onewindow/platform";
import { FiledAtColumn, SupersededAtColumn, SupersedesIdColumn } from "../filing.columns";

/**
 * An employer's monthly withholding return (扣缴申报). A corrected return for the same month
 * is a new row; the old one keeps its figures and gets `supersededAt`.
 */
@Entity("withholding_return")
@Index(["creditCode", "supersededAt", "period"])
@Index(["creditCode", "period"], { unique: true, where: "superseded_at IS NULL" })
@Authorized(EMPLOYER_TAX_READERS)
@ObjectType({ description: "An employer's monthly individual income tax withholding return (扣缴申报)." })
export class WithholdingReturn {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Return id." })
  id: number;

  @Column({ type: "varchar", length: 18, name: "credit_code" })
  @Field(() => ID, { description: "The withholding employer's unified social credit code." })
  creditCode: string;

  @Column({ type: "varchar", length: 7 })
  @Field({ description: "The month the return covers, YYYY-MM." })
  period: string;

  @Column({ type: "integer" })
  @Field(() => Int, { description: "Employees paid in the month." })
  employees: number;

  @Column({ type: "bigint", name: "wages_total_fen", transformer: bigintTransformer })
  wagesTotalFen: number;

  @Column({ type: "bigint", name: "tax_withheld_fen", transformer: bigintTransformer })
  taxWithheldFen: number;

  @Column({ type: "bigint", name: "tax_paid_fen", transformer: bigintTransformer })
  taxPaidFen: number;

  /** The return this one corrects; null for a first filing. */
  @SupersedesIdColumn()
  supersedesId: number | null;

  @FiledAtColumn()
  filedAt: string;

  @SupersededAtColumn("When a corrected return replaced this one; null while it is in force.")
  supersededAt: string | null;

  @Field({ description: "True when this return corrects an earlier one for the same month." })
  get amendment(): boolean {
    return this.supersedesId !== null;
  }

  @Field({ description: "True when this is the return in force for its month." })
  get current(): boolean {
    return this.supersededAt === null;
  }

  @Field(() => Float, { description: "Wages paid in the month, yuan." })
  get wagesTotal(): number {
    return fenToYuan(this.wagesTotalFen);
  }

  @Field(() => Float, { description: "Tax withheld from employees' wages, yuan." })
  get taxWithheld(): number {
    return fenToYuan(this.taxWithheldFen);
  }

  @Field(() => Float, { description: "Tax paid over to the tax bureau, yuan." })
  get taxPaid(): number {
    return fenToYuan(this.taxPaidFen);
  }

  @Field(() => Float, { description: "Withheld but not paid over, yuan; 0 when paid in full (or overpaid)." })
  get arrears(): number {
    return fenToYuan(Math.max(0, this.taxWithheldFen - this.taxPaidFen));
  }
}
