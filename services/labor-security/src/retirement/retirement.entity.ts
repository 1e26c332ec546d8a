import { Authorized, Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintTransformer, DateScalar, fenToYuan } from "@onewindow/platform";
import { LABOR_RECORD_READERS } from "../access";
import { EarlyRetirementGround } from "../retirement-age/retirement-age.enums";

/** An approved retirement (one per citizen). */
@Entity("retirement")
@Authorized(LABOR_RECORD_READERS)
@ObjectType({ description: "An approved retirement." })
export class Retirement {
  @PrimaryColumn({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "date", name: "retired_on" })
  @Field(() => DateScalar, { description: "First day of retirement." })
  retiredOn: string;

  @Column({ type: "bigint", name: "monthly_pension_fen", nullable: true, transformer: bigintTransformer })
  monthlyPensionFen: number | null;

  @Field(() => Number, { nullable: true, description: "Monthly basic pension awarded, yuan." })
  get monthlyPension(): number | null {
    return this.monthlyPensionFen === null || this.monthlyPensionFen === undefined
      ? null
      : fenToYuan(this.monthlyPensionFen);
  }

  @Column({ type: "varchar", length: 40, name: "early_retirement_ground", nullable: true })
  @Field(() => EarlyRetirementGround, {
    nullable: true,
    description: "The lawful ground for retiring before the flexible early-retirement date; null: none was needed.",
  })
  earlyRetirementGround: EarlyRetirementGround | null;

  @Column({ type: "varchar", length: 100, name: "ground_reference", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The document proving the ground (approval number, labor capacity appraisal number).",
  })
  groundReference: string | null;

  @Column({ type: "varchar", length: 32, name: "approved_at" })
  @Field({ description: "When the retirement was approved (ISO 8601)." })
  approvedAt: string;
}
