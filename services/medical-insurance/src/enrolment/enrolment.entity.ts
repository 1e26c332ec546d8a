import { Authorized, Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { bigintTransformer, DateScalar, fenToYuan } from "@onewindow/platform";
import { INSURANCE_RECORD_READERS } from "../access";
import { Employer, employerStub } from "../employer/employer.stub";
import { EnrolmentStatus, MedicalInsuranceScheme } from "./enrolment.enums";

/**
 * One enrolment of a person in a scheme. Enrolling again ends the current row and starts a
 * new one, so the table is the person's enrolment history; at most one row per person is
 * ACTIVE (a partial unique index enforces it).
 */
@Entity("enrolment")
@Index("enrolment_person_status", ["idNumber", "status"])
@Index("enrolment_one_active", ["idNumber"], { unique: true, where: "status = 'ACTIVE'" })
@Index("enrolment_employer_status", ["creditCode", "status"])
@Authorized(INSURANCE_RECORD_READERS)
@ObjectType("MedicalInsurance", { description: "A person's enrolment in basic medical insurance." })
export class Enrolment {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Enrolment record id." })
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "varchar", length: 12 })
  @Field(() => MedicalInsuranceScheme, { description: "The scheme the person is enrolled in." })
  scheme: MedicalInsuranceScheme;

  @Column({ type: "varchar", length: 8 })
  @Field(() => EnrolmentStatus, { description: "ACTIVE for the current enrolment, ENDED for history." })
  status: EnrolmentStatus;

  /** The employer paying the employer share; only for EMPLOYEE enrolments. */
  @Column({ type: "varchar", length: 18, name: "credit_code", nullable: true })
  creditCode: string | null;

  @Column({ type: "date" })
  @Field(() => DateScalar, { description: "First day of cover under this enrolment." })
  since: string;

  @Column({ type: "date", name: "ended_on", nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: "Day a later enrolment replaced this one; null while active.",
  })
  endedOn: string | null;

  /** Monthly contribution base (EMPLOYEE only); null for the other schemes. */
  @Column({ type: "bigint", name: "contribution_base_fen", nullable: true, transformer: bigintTransformer })
  contributionBaseFen: number | null;

  @Column({ type: "bigint", name: "monthly_contribution_fen", transformer: bigintTransformer })
  monthlyContributionFen: number;

  @Column({ type: "bigint", name: "employer_monthly_contribution_fen", transformer: bigintTransformer })
  employerMonthlyContributionFen: number;

  @Column({ type: "bigint", name: "personal_account_balance_fen", default: 0, transformer: bigintTransformer })
  personalAccountBalanceFen: number;

  /** When the enrolment was recorded (ISO 8601), for audit. */
  @Column({ type: "varchar", length: 32, name: "enrolled_at" })
  enrolledAt: string;

  @Field(() => Employer, {
    nullable: true,
    description: "The employer paying the employer share; only for the EMPLOYEE scheme.",
  })
  get employer(): Employer | null {
    return this.creditCode ? employerStub(this.creditCode) : null;
  }

  @Field(() => Float, { description: "The person's own monthly contribution, yuan." })
  get monthlyContribution(): number {
    return fenToYuan(this.monthlyContributionFen);
  }

  @Field(() => Float, {
    description: "The employer's monthly contribution for this person, yuan (0 outside the EMPLOYEE scheme).",
  })
  get employerMonthlyContribution(): number {
    return fenToYuan(this.employerMonthlyContributionFen);
  }

  @Field(() => Float, { nullable: true, description: "Monthly contribution base, yuan; only for the EMPLOYEE scheme." })
  get contributionBase(): number | null {
    return this.contributionBaseFen === null ? null : fenToYuan(this.contributionBaseFen);
  }

  @Field(() => Float, { description: "Balance of the person's medical insurance personal account, yuan." })
  get personalAccountBalance(): number {
    return fenToYuan(this.personalAccountBalanceFen);
  }
}
