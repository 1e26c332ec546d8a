import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { CaseStatus } from "./case.enums";

/** A case (办件): one citizen's item accepted at a window, with the deadline promised. */
@Entity("hall_case")
@Index("hall_case_person", ["idNumber", "openedAt"])
@Index("hall_case_overdue", ["status", "deadline"])
// Covers the KPI aggregate: cases completed in a period, by window and department, on time and on site.
@Index("hall_case_completed", ["completedOn", "window", "department", "deadline", "openedOn"])
// Covers a staff member's figures: their cases completed in a period, on time and on site.
@Index("hall_case_staff", ["staffNumber", "completedOn", "deadline", "openedOn"])
// One centre's KPI aggregates (ServiceCentres migration).
@Index("hall_case_centre_completed", ["centre", "completedOn", "openedOn", "window", "department"])
@Index("hall_case_centre_open", ["centre", "status", "deadline"])
@Index("hall_case_centre_due", ["centre", "deadline", "completedOn", "window", "department"])
@Directive('@key(fields: "id")')
@ObjectType("Case", {
  description: "A case (办件) accepted at a window of the service hall, with its promised deadline.",
})
export class HallCase {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Case number." })
  id: number;

  /** The citizen; served as `citizen` by the resolver, which masks it for callers who may not see the person. */
  @Column({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "varchar", length: 10, name: "item_code" })
  @Field({ description: "Code of the service item; see `item`." })
  itemCode: string;

  /** The item's line of business, copied so the KPIs group without a join. */
  @Column({ type: "varchar", length: 24 })
  @Field(() => HallDepartment, { description: "The line of business the case belongs to." })
  department: HallDepartment;

  @Column({ type: "varchar", length: 20, name: "window_code" })
  @Field({ description: "The window that accepted the case." })
  window: string;

  @Column({ type: "varchar", length: 20, name: "staff_number", nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      "Staff number of the clerk who accepted it (受理人): their figures and stars count it. Null when not accepted by a recorded staff member.",
  })
  staffNumber: string | null;

  @Column({ type: "varchar", length: 20, name: "completed_by", nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      "Staff number of the clerk who completed it; null while open, when the departments' confirmations completed it, or not a recorded staff member.",
  })
  completedBy: string | null;
  @Column({ type: "varchar", length: 20, default: "KAIXUAN" })
  @Field({
    description:
      "Code of the service centre the case belongs to: where it was accepted, or the street centre a community station escalated it to.",
  })
  centre: string;

  @Column({ type: "varchar", length: 20, name: "escalated_from", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The community station that escalated the case to this centre (站站互通); null when not escalated.",
  })
  escalatedFrom: string | null;

  @Column({ type: "date", name: "escalated_on", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Day it was escalated; null when not escalated." })
  escalatedOn: string | null;

  @Column({ type: "integer", name: "ticket_id", nullable: true })
  ticketId: number | null;

  @Column({ type: "varchar", length: 8, name: "ticket_number", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The queue number the citizen was called with; null without a ticket.",
  })
  ticketNumber: string | null;

  @Column({ type: "boolean", default: false })
  @Field({ description: "True when the citizen came by appointment (预约)." })
  appointment: boolean;

  /** The proxy (代办), if any; the field resolver masks it like the citizen's. */
  @Column({ type: "varchar", length: 18, name: "proxy_id_number", nullable: true })
  proxyIdNumber: string | null;

  @Column({ type: "varchar", length: 10 })
  @Field(() => CaseStatus, { description: "Open or completed." })
  status: CaseStatus;

  @Column({ type: "date", name: "opened_on" })
  @Field(() => DateScalar, { description: "Day the case was accepted (China Standard Time)." })
  openedOn: string;

  @Column({ type: "varchar", length: 32, name: "opened_at" })
  @Field({ description: "When the case was accepted (ISO 8601)." })
  openedAt: string;

  @Column({ type: "date" })
  @Field(() => DateScalar, {
    description:
      "Promised completion day: the item's time limit in working days after the opening day (the opening day for on-the-spot items).",
  })
  deadline: string;

  @Column({ type: "date", name: "completed_on", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Day the case was completed; null while open." })
  completedOn: string | null;

  @Column({ type: "varchar", length: 32, name: "completed_at", nullable: true })
  @Field(() => String, { nullable: true, description: "When the case was completed (ISO 8601); null while open." })
  completedAt: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True when completed on or before the deadline; null while open.",
  })
  get onTime(): boolean | null {
    return this.completedOn === null ? null : this.completedOn <= this.deadline;
  }

  @Field(() => Boolean, {
    nullable: true,
    description: "True when completed on the day it was opened (现场办结); null while open.",
  })
  get onSite(): boolean | null {
    return this.completedOn === null ? null : this.completedOn === this.openedOn;
  }
}
