import { Authorized, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { LABOR_RECORD_READERS } from "../access";
import { AssistanceCategory } from "../citizen/citizen.enums";
import { ReferralStatus } from "./referral.enums";

/** The street centre sent a job seeker to a posting (送岗位), and what came of it. */
@Entity("referral")
@Index("referral_posting_status", ["postingId", "status"])
@ObjectType({ description: "A referral of a job seeker to a job posting by the street centre, and its outcome." })
export class Referral {
  @PrimaryGeneratedColumn()
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => ID, { description: "Referral id." })
  id: number;

  @Index("referral_person")
  @Column({ type: "varchar", length: 18, name: "id_number" })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => ID, { description: "The job seeker's resident ID number." })
  idNumber: string;

  @Column({ type: "integer", name: "posting_id" })
  postingId: number;

  @Column({ type: "varchar", length: 18, name: "credit_code" })
  creditCode: string;

  @Column({ type: "varchar", length: 12 })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => ReferralStatus, { description: "REFERRED until the outcome is recorded." })
  status: ReferralStatus;

  @Column({ type: "varchar", length: 500, nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => String, { nullable: true, description: "The clerk's note on the referral." })
  note: string | null;

  @Index("referral_referred_on")
  @Column({ type: "date", name: "referred_on" })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => DateScalar, { description: "Day of the referral." })
  referredOn: string;

  /** The community the person lived in when referred (statistics by community keep to that day). */
  @Column({ type: "varchar", length: 60, nullable: true })
  community: string | null;

  /** The assistance groups the person was in when referred, comma-separated (a hire ends them). */
  @Column({ type: "varchar", length: 100 })
  categories: string;

  /** The day of the open unemployment registration when referred (days to hire count from it). */
  @Column({ type: "date", name: "registered_on", nullable: true })
  registeredOn: string | null;

  @Column({ type: "date", name: "outcome_on", nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => DateScalar, { nullable: true, description: "Day the outcome was recorded." })
  outcomeOn: string | null;

  @Column({ type: "date", name: "start_date", nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => DateScalar, { nullable: true, description: "First day of work, when HIRED." })
  startDate: string | null;

  @Column({ type: "varchar", length: 500, name: "outcome_note", nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => String, { nullable: true, description: "The note on the outcome." })
  outcomeNote: string | null;
}

/** Counts of referrals and hires over a period (no person in them). */
@ObjectType({ description: "Referrals and hires over a period: counts only." })
export class ReferralCounts {
  @Field(() => AssistanceCategory, { nullable: true, description: "The assistance group counted; null: everybody." })
  category: AssistanceCategory | null;

  @Field(() => Int, { description: "Referrals made in the period." })
  referrals: number;

  @Field(() => Int, { description: "Of those, referrals that ended in a hire." })
  hires: number;

  @Field(() => Float, { description: "hires / referrals; 0 without referrals." })
  hireRate: number;

  @Field(() => Float, {
    nullable: true,
    description: "Median days from the unemployment registration to the first day of work of the hires; null: none.",
  })
  medianDaysToHire: number | null;
}

/** One calendar month of `referralStats`, by the day of referral. */
@ObjectType({ description: "Referrals made in one calendar month of the period, and their hires: counts only." })
export class ReferralMonth {
  @Field({ description: "The month, YYYY-MM (its days inside the period)." })
  month: string;

  @Field(() => ReferralCounts, { description: "Every referral made in the month." })
  all: ReferralCounts;

  @Field(() => [ReferralCounts], { description: "Per assistance group (the groups the person was in when referred)." })
  byCategory: ReferralCounts[];
}

/** `referralStats`: everybody, then each assistance group. */
@ObjectType({ description: "Referral statistics of a period and (optionally) a community." })
export class ReferralStats {
  @Field(() => DateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => String, { nullable: true, description: "The community counted; null: the whole street." })
  community: string | null;

  @Field(() => ReferralCounts, { description: "Every referral of the period." })
  all: ReferralCounts;

  @Field(() => [ReferralCounts], { description: "Per assistance group (the groups the person was in when referred)." })
  byCategory: ReferralCounts[];

  @Field(() => [ReferralMonth], {
    description:
      "Each calendar month of the period, oldest first, months without referrals included; a hire counts in the month of its referral.",
  })
  byMonth: ReferralMonth[];
}
