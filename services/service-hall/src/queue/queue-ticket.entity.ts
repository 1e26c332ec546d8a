import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { HOME_CENTRE } from "./centre-setting.entity";
import { QueuePriority, QueueTicketStatus } from "./queue.enums";

/** A queue number (排队号): per centre, category and day, called by a window of its centre. */
@Entity("queue_ticket")
@Index("queue_ticket_centre_number", ["day", "centre", "category", "seq"], { unique: true })
@Index("queue_ticket_centre_waiting", ["day", "centre", "status", "category", "greenChannel", "id"])
@Index("queue_ticket_called", ["calledOn", "window", "category"])
@Index("queue_ticket_holder", ["holderIdNumber", "id"])
@Index("queue_ticket_staff", ["staffNumber", "calledOn"])
@Index("queue_ticket_centre_called", ["centre", "calledOn", "window", "category", "waitSeconds"])
@ObjectType({ description: "A queue ticket (排队号) taken at the hall's ticket machine." })
export class QueueTicket {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Ticket record id." })
  id: number;

  @Column({ type: "date" })
  @Field(() => DateScalar, { description: "The day the ticket is valid for; numbering restarts every day." })
  day: string;

  @Column({ type: "varchar", length: 24 })
  @Field(() => HallDepartment, { description: "The queue category: which windows call it." })
  category: HallDepartment;

  /** Position in the day's numbering of the category at the ticket's centre, from 1. */
  @Column({ type: "integer" })
  seq: number;

  @Column({ type: "varchar", length: 8 })
  @Field({
    description:
      "The number shown and called, e.g. A012: the category's letter and the day's sequence at the ticket's centre.",
  })
  number: string;

  @Column({ type: "varchar", length: 10 })
  @Field(() => QueuePriority, { description: "Ordinary or green channel." })
  priority: QueuePriority;

  /** True for green-channel tickets; the call order sorts on it. */
  @Column({ type: "boolean", name: "green_channel" })
  greenChannel: boolean;

  @Column({ type: "varchar", length: 8 })
  @Field(() => QueueTicketStatus, { description: "Waiting, called, or skipped (过号)." })
  status: QueueTicketStatus;

  @Column({ type: "varchar", length: 20, default: HOME_CENTRE })
  @Field({ description: "Code of the service centre the ticket was taken at, e.g. KAIXUAN." })
  centre: string;

  @Column({ type: "varchar", length: 32, name: "taken_at" })
  @Field({ description: "When the ticket was taken (ISO 8601)." })
  takenAt: string;

  @Column({ type: "varchar", length: 32, name: "called_at", nullable: true })
  @Field(() => String, { nullable: true, description: "When a window called it (ISO 8601); null while waiting." })
  calledAt: string | null;

  /** The day it was called (China Standard Time): the wait KPI counts tickets by it. */
  @Column({ type: "date", name: "called_on", nullable: true })
  calledOn: string | null;

  @Column({ type: "varchar", length: 20, name: "window_code", nullable: true })
  @Field(() => String, { nullable: true, description: "The window that called it; null while waiting." })
  window: string | null;

  /**
   * The staff member who last called, recalled, skipped or transferred it (the signed-in clerk,
   * when a recorded staff member). Not a field: tickets are public, the clerk's figures are not.
   */
  @Column({ type: "varchar", length: 20, name: "staff_number", nullable: true })
  staffNumber: string | null;

  @Column({ type: "varchar", length: 32, name: "skipped_at", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "When its holder was found missing after a call (过号, ISO 8601); null unless skipped.",
  })
  skippedAt: string | null;

  @Column({ type: "varchar", length: 24, name: "transferred_from", nullable: true })
  @Field(() => HallDepartment, {
    nullable: true,
    description: "The category it was transferred from (转号); null when taken for this one.",
  })
  transferredFrom: HallDepartment | null;

  /** The appointment it was issued for at check-in; null for a walk-in. */
  @Column({ type: "integer", name: "appointment_id", nullable: true })
  appointmentId: number | null;

  @Column({ type: "varchar", length: 32, name: "appointment_at", nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      "For a ticket issued at an appointment's check-in: the slot's start (ISO 8601), from which it is called ahead of walk-ins of its category. Null for a walk-in.",
  })
  appointmentAt: string | null;

  /**
   * Whose ticket it is, when the hall knows: the appointment's person at check-in, or the
   * citizen signed in who took it for themselves. Not a column field (tickets are public): it
   * addresses the "three away" notice, and the window clerk reads it as `holder`
   * (ticket-holder.resolver.ts, audited). Null for a ticket taken at the machine unsigned.
   */
  @Column({ type: "varchar", length: 18, name: "holder_id_number", nullable: true })
  holderIdNumber: string | null;

  /**
   * When the holder was told they are near: the `ticket.near` event, or at taking, when the
   * ticket itself showed three or fewer ahead. Set once, so the notice goes at most once.
   */
  @Column({ type: "varchar", length: 32, name: "near_notified_at", nullable: true })
  nearNotifiedAt: string | null;

  /** Seconds from taken to called, kept so the average wait is one SUM over an index. */
  @Column({ type: "integer", name: "wait_seconds", nullable: true })
  waitSeconds: number | null;

  @Field(() => Int, { nullable: true, description: "Minutes from taken to called (rounded down); null while waiting." })
  get waitMinutes(): number | null {
    return this.waitSeconds === null || this.waitSeconds === undefined ? null : Math.floor(this.waitSeconds / 60);
  }

  /** Set when the ticket is taken; not stored. */
  @Field(() => Int, {
    nullable: true,
    description: "Tickets of the category that will be called before this one, when it was taken.",
  })
  waitingAhead?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Estimated minutes until called, when it was taken (see QueueBoard for the rule).",
  })
  estimatedWaitMinutes?: number | null;
}
