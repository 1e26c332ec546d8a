import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { bigintTransformer, DateScalar, fenToYuan } from "@onewindow/platform";
import { LaborInspectionKind, LaborInspectionStatus, MediationOutcome, MediationStatus } from "./disputes.enums";

/**
 * A labor inspection case (劳动保障监察案件) taken at a centre or a building station: a complaint
 * or a routine inspection of an employer, its findings, a rectification order with a deadline
 * in working days, and its closure. The complainant, when named, is personal data: it is a
 * separate field (`complainant`) for the case's handlers only, and never leaves the hall.
 */
@Entity("hall_inspection_case")
@Index("hall_inspection_case_employer", ["creditCode", "id"])
@Index("hall_inspection_case_centre", ["centre", "status", "id"])
@ObjectType("LaborInspectionCase", {
  description: "A labor inspection case (劳动保障监察案件) on an employer, from complaint or routine to closure.",
})
export class InspectionCase {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Case number." })
  id: number;

  @Column({ type: "varchar", length: 20 })
  @Field({ description: "The centre (or building station) that took the case." })
  centre: string;

  @Column({ type: "varchar", length: 18, name: "credit_code" })
  @Field(() => ID, { description: "The employer inspected: its unified social credit code." })
  creditCode: string;

  @Column({ type: "varchar", length: 10 })
  @Field(() => LaborInspectionKind, { description: "A complaint or a routine inspection." })
  kind: LaborInspectionKind;

  @Column({ type: "varchar", length: 18, name: "complainant_id_number", nullable: true })
  complainantIdNumber: string | null;

  @Column({ type: "varchar", length: 500 })
  @Field({ description: "What the complaint says, or what the routine inspection covers." })
  subject: string;

  @Column({ type: "varchar", length: 12 })
  @Field(() => LaborInspectionStatus, { description: "Where the case stands." })
  status: LaborInspectionStatus;

  @Column({ type: "date", name: "opened_on" })
  @Field(() => DateScalar, { description: "Day the case was opened." })
  openedOn: string;

  @Column({ type: "varchar", length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: "What the inspection found; null until recorded." })
  findings: string | null;

  @Column({ type: "boolean", name: "violation_found", nullable: true })
  @Field(() => Boolean, { nullable: true, description: "Whether a violation was found; null until recorded." })
  violationFound: boolean | null;

  @Column({ type: "date", name: "findings_on", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Day the findings were recorded." })
  findingsOn: string | null;

  @Column({ type: "varchar", length: 500, name: "order_requirement", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "What the rectification order (责令改正) requires; null without one.",
  })
  orderRequirement: string | null;

  @Column({ type: "date", name: "order_issued_on", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Day the rectification order was issued." })
  orderIssuedOn: string | null;

  @Column({ type: "integer", name: "order_working_days", nullable: true })
  @Field(() => Int, { nullable: true, description: "The order's time limit, in working days." })
  orderWorkingDays: number | null;

  @Column({ type: "date", name: "rectification_deadline", nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day to rectify: the time limit counted in the hall's working days from the day after the order.",
  })
  rectificationDeadline: string | null;

  @Column({ type: "date", name: "closed_on", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Day the case was closed; null while open." })
  closedOn: string | null;

  @Column({ type: "varchar", length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: "The conclusion at closure; null while open." })
  conclusion: string | null;

  /** Counts the case's changes; its events carry it so a consumer keeps the newest. */
  @Column({ type: "integer" })
  revision: number;
}

/**
 * A labor dispute mediation case (劳动争议调解案件) between a worker and an employer, received at a
 * centre or a building station, with its sessions and outcome, within the 15-day limit.
 */
@Entity("hall_mediation_case")
@Index("hall_mediation_case_employer", ["creditCode", "id"])
@Index("hall_mediation_case_due", ["status", "dueOn", "id"])
@ObjectType("MediationCase", {
  description: "A labor dispute mediation case (劳动争议调解) between a worker and an employer.",
})
export class MediationCase {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Case number." })
  id: number;

  @Column({ type: "varchar", length: 20 })
  @Field({ description: "The centre (or building station) that received the application." })
  centre: string;

  @Column({ type: "varchar", length: 18, name: "worker_id_number" })
  workerIdNumber: string;

  @Column({ type: "varchar", length: 18, name: "credit_code" })
  @Field(() => ID, { description: "The employer party: its unified social credit code." })
  creditCode: string;

  @Column({ type: "bigint", name: "claim_fen", transformer: bigintTransformer })
  claimFen: number;

  @Field(() => Number, { description: "What the worker claims, yuan." })
  get claim(): number {
    return fenToYuan(this.claimFen);
  }

  @Column({ type: "varchar", length: 500 })
  @Field({ description: "What the dispute is about (e.g. unpaid wages, overtime, compensation)." })
  matter: string;

  @Column({ type: "date", name: "applied_on" })
  @Field(() => DateScalar, { description: "Day the mediation application was received." })
  appliedOn: string;

  @Column({ type: "date", name: "due_on" })
  @Field(() => DateScalar, {
    description:
      "Last day of the 15-day mediation limit from the application (劳动争议调解仲裁法第十四条), moved to the next working day when it falls on a day off.",
  })
  dueOn: string;

  @Column({ type: "varchar", length: 8 })
  @Field(() => MediationStatus, { description: "Open or closed." })
  status: MediationStatus;

  @Column({ type: "varchar", length: 32, nullable: true })
  @Field(() => MediationOutcome, { nullable: true, description: "How it ended; null while open." })
  outcome: MediationOutcome | null;

  @Column({ type: "date", name: "closed_on", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Day it was closed; null while open." })
  closedOn: string | null;

  @Column({ type: "varchar", length: 500, name: "closing_note", nullable: true })
  @Field(() => String, { nullable: true, description: "The agreement's terms or why it ended; null while open." })
  closingNote: string | null;

  @Column({ type: "integer", name: "session_count" })
  @Field(() => Int, { description: "Mediation sessions held." })
  sessionCount: number;

  /** Counts the case's changes; its events carry it so a consumer keeps the newest. */
  @Column({ type: "integer" })
  revision: number;
}

/** One mediation session (调解会) of a case. */
@Entity("hall_mediation_session")
@Index("hall_mediation_session_case", ["caseId", "heldOn"])
@ObjectType("MediationSession", { description: "A mediation session (调解会) held on a case." })
export class MediationSession {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Session number." })
  id: number;

  @Column({ type: "integer", name: "case_id" })
  @Field(() => ID, { description: "The mediation case." })
  caseId: number;

  @Column({ type: "date", name: "held_on" })
  @Field(() => DateScalar, { description: "Day the session was held." })
  heldOn: string;

  @Column({ type: "varchar", length: 500 })
  @Field({ description: "What happened at the session." })
  note: string;
}
