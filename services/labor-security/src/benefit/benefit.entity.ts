import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { bigintTransformer, DateScalar, fenToYuan } from "@onewindow/platform";
import { BENEFIT_PAYMENT_READERS, LABOR_RECORD_READERS } from "../access";

/**
 * The monthly amount of unemployment benefit in an area, set by provincial notice (条例 第十八条).
 * Seeded by migration; changed only by the audited `updateUnemploymentBenefitLevel`. Public: it
 * is a published standard.
 */
@Entity("unemployment_benefit_level")
@ObjectType({ description: "The monthly amount of unemployment benefit (失业保险金标准) in an area, with its source." })
export class UnemploymentBenefitLevel {
  @PrimaryColumn({ type: "varchar", length: 20 })
  @Field({ description: "Area code (HANGZHOU)." })
  code: string;

  @Column({ type: "varchar", length: 40 })
  @Field({ description: "Area name." })
  name: string;

  @Column({ type: "bigint", name: "monthly_amount_fen", transformer: bigintTransformer })
  monthlyAmountFen: number;

  @Field(() => Number, { description: "Monthly amount, yuan." })
  get monthlyAmount(): number {
    return fenToYuan(this.monthlyAmountFen);
  }

  @Column({ type: "varchar", length: 500 })
  @Field({ description: "The law or notice that sets the amount." })
  source: string;

  @Column({ type: "varchar", length: 32, name: "updated_at" })
  @Field({ description: "When the row was last set (ISO 8601)." })
  updatedAt: string;
}

/** A claim of unemployment benefit on one unemployment registration (one claim per registration). */
@Entity("unemployment_benefit_claim")
@Index(["idNumber"])
export class UnemploymentBenefitClaim {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Index({ unique: true })
  @Column({ type: "integer", name: "registration_id" })
  registrationId: number;

  @Column({ type: "date", name: "claimed_on" })
  claimedOn: string;

  @Column({ type: "integer", name: "insured_months" })
  insuredMonths: number;

  /** True when the insured time was derived from employment periods (no insured time recorded). */
  @Column({ type: "boolean", name: "insured_derived" })
  insuredDerived: boolean;

  @Column({ type: "integer", name: "entitlement_months" })
  entitlementMonths: number;

  @Column({ type: "varchar", length: 20, name: "level_code" })
  levelCode: string;

  @Column({ type: "date", name: "stopped_on", nullable: true })
  stoppedOn: string | null;

  @Column({ type: "varchar", length: 200, name: "stop_reason", nullable: true })
  stopReason: string | null;
}

/** One month of benefit paid: unique per person and month, so a run repeated pays nothing twice. */
@Entity("unemployment_benefit_payment")
@Index(["idNumber", "month"], { unique: true })
@Index(["month", "id"])
@Authorized(BENEFIT_PAYMENT_READERS)
@ObjectType({ description: "One month of unemployment benefit paid (失业保险金发放)." })
export class BenefitPayment {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Payment id." })
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  @Field(() => ID, { description: "The recipient's ID number." })
  idNumber: string;

  @Column({ type: "integer", name: "claim_id" })
  claimId: number;

  @Column({ type: "varchar", length: 7 })
  @Field({ description: "The month paid for, YYYY-MM." })
  month: string;

  @Column({ type: "bigint", name: "amount_fen", transformer: bigintTransformer })
  amountFen: number;

  @Field(() => Number, { description: "Amount paid, yuan." })
  get amount(): number {
    return fenToYuan(this.amountFen);
  }

  @Column({ type: "varchar", length: 32, name: "paid_at" })
  @Field({ description: "When the run paid it (ISO 8601)." })
  paidAt: string;
}

/** A person's unemployment benefit as the records decide it (not stored: computed on reading). */
@Authorized(LABOR_RECORD_READERS)
@ObjectType({
  description: "Unemployment benefit (失业保险金): eligibility with its reasons, entitlement and payments.",
})
export class UnemploymentBenefit {
  @Field({ description: "True when every condition of 条例 第十四条 is met today (or a claim is being paid)." })
  eligible: boolean;

  @Field(() => [String], { description: "Each condition and whether it is met, in Chinese, as a clerk reads it." })
  reasons: string[];

  @Field(() => Int, { description: "Cumulative insured time in whole months." })
  insuredMonths: number;

  @Field({
    description: "True when the insured time is derived from the employment periods on record (none was recorded).",
  })
  insuredDerived: boolean;

  @Field(() => Int, { description: "Longest period of benefit, months (条例 第十七条: 12, 18 or 24; 0 under a year)." })
  entitlementMonths: number;

  @Field(() => Number, { description: "Monthly amount, yuan (the area's level)." })
  monthlyAmount: number;

  @Field({ description: "Source of the monthly amount." })
  amountSource: string;

  @Field({ description: "True when a claim was made on the current or latest registration." })
  claimed: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Day of the claim." })
  claimedOn: string | null;

  @Field(() => Int, { description: "Months paid on the claim." })
  monthsPaid: number;

  @Field(() => Int, { description: "Months of the entitlement left." })
  monthsLeft: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day payments stopped (a new job started); null: not stopped.",
  })
  stoppedOn: string | null;

  @Field(() => String, { nullable: true, description: "Why payments stopped." })
  stopReason: string | null;
}

/** What one monthly run did. */
@ObjectType({ description: "The result of a monthly benefit payment run (counts only)." })
export class BenefitRunResult {
  @Field({ description: "The month paid for, YYYY-MM." })
  month: string;

  @Field(() => Int, { description: "Payments made by this run." })
  paid: number;

  @Field(() => Int, { description: "Claims already paid for this month (by an earlier run): not paid again." })
  alreadyPaid: number;

  @Field(() => Int, { description: "Claims stopped by this run because a new job started by this month." })
  stopped: number;

  @Field(() => Number, { description: "Amount paid by this run, yuan." })
  amount: number;
}
