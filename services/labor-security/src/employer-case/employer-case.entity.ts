import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { bigintTransformer, DateScalar, fenToYuan } from "@onewindow/platform";
import { LaborInspectionKind, LaborInspectionStatus, MediationOutcome, MediationStatus } from "./employer-case.enums";

/**
 * Labor security's own record of a labor inspection case on an employer, kept from the service
 * hall's events (the hall opens and handles the case; the department keeps the employer's file).
 */
@Entity("labor_employer_inspection")
@Index("labor_employer_inspection_employer", ["creditCode", "inspectionId"])
@ObjectType("EmployerInspection", {
  description: "A labor inspection case on the employer, as the service hall reported it.",
})
export class EmployerInspection {
  @PrimaryColumn({ type: "integer", name: "inspection_id" })
  @Field(() => ID, { description: "The service hall's inspection case number." })
  inspectionId: number;

  @Column({ type: "varchar", length: 18, name: "credit_code" })
  creditCode: string;

  @Column({ type: "varchar", length: 20 })
  @Field({ description: "The centre (or building station) that took the case." })
  centre: string;

  @Column({ type: "varchar", length: 10 })
  @Field(() => LaborInspectionKind, { description: "A complaint or a routine inspection." })
  kind: LaborInspectionKind;

  @Column({ type: "varchar", length: 12 })
  @Field(() => LaborInspectionStatus, { description: "Where the case stands." })
  status: LaborInspectionStatus;

  @Column({ type: "date", name: "opened_on" })
  @Field(() => DateScalar, { description: "Day the case was opened." })
  openedOn: string;

  @Column({ type: "boolean", name: "violation_found", nullable: true })
  @Field(() => Boolean, { nullable: true, description: "Whether a violation was found; null until examined." })
  violationFound: boolean | null;

  @Column({ type: "date", name: "rectification_deadline", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "The rectification order's deadline; null without one." })
  rectificationDeadline: string | null;

  @Column({ type: "date", name: "closed_on", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Day the case was closed; null while open." })
  closedOn: string | null;

  /** The hall's revision of the case this row shows: an older event never overwrites a newer one. */
  @Column({ type: "integer" })
  revision: number;
}

/**
 * Labor security's own record of a labor dispute mediation case between a worker and the
 * employer, kept from the service hall's events. The worker's ID number is personal data.
 */
@Entity("labor_employer_dispute")
@Index("labor_employer_dispute_employer", ["creditCode", "mediationId"])
@ObjectType("EmployerDispute", {
  description: "A labor dispute mediation case between a worker and the employer, as the service hall reported it.",
})
export class EmployerDispute {
  @PrimaryColumn({ type: "integer", name: "mediation_id" })
  @Field(() => ID, { description: "The service hall's mediation case number." })
  mediationId: number;

  @Column({ type: "varchar", length: 18, name: "credit_code" })
  creditCode: string;

  @Column({ type: "varchar", length: 20 })
  @Field({ description: "The centre (or building station) that received the application." })
  centre: string;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  @Field(() => ID, { description: "The worker's resident ID number (personal data: read with a purpose, audited)." })
  idNumber: string;

  @Column({ type: "bigint", name: "claim_fen", transformer: bigintTransformer })
  claimFen: number;

  @Field(() => Number, { description: "What the worker claims, yuan." })
  get claim(): number {
    return fenToYuan(this.claimFen);
  }

  @Column({ type: "date", name: "applied_on" })
  @Field(() => DateScalar, { description: "Day the mediation application was received." })
  appliedOn: string;

  @Column({ type: "date", name: "due_on" })
  @Field(() => DateScalar, {
    description: "Last day of the 15-day mediation limit (劳动争议调解仲裁法第十四条).",
  })
  dueOn: string;

  @Column({ type: "integer" })
  @Field(() => Int, { description: "Mediation sessions held." })
  sessions: number;

  @Column({ type: "varchar", length: 8 })
  @Field(() => MediationStatus, { description: "Open or closed." })
  status: MediationStatus;

  @Column({ type: "varchar", length: 32, nullable: true })
  @Field(() => MediationOutcome, { nullable: true, description: "How it ended; null while open." })
  outcome: MediationOutcome | null;

  @Column({ type: "date", name: "closed_on", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Day it was closed; null while open." })
  closedOn: string | null;

  /** As for inspections. */
  @Column({ type: "integer" })
  revision: number;
}
