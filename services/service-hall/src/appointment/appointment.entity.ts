import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { AppointmentChannel, AppointmentStatus } from "./appointment.enums";

/**
 * When an item can be booked at a centre: opening hours, slot length, places per slot and how
 * many days ahead. An administrator sets it (the centre changes it by notice); booking days are
 * the hall calendar's working days.
 */
@Entity("hall_appointment_schedule")
@ObjectType({ description: "When a service item can be booked at a centre (预约时段设置)." })
export class AppointmentSchedule {
  @PrimaryColumn({ type: "varchar", length: 20 })
  @Field({ description: "The centre's code, e.g. KAIXUAN." })
  centre: string;

  @PrimaryColumn({ type: "varchar", length: 10, name: "item_code" })
  @Field({ description: "The service item's code." })
  itemCode: string;

  @Column({ type: "varchar", length: 5, name: "opens_at" })
  @Field({ description: "Start of the first slot (HH:MM)." })
  opensAt: string;

  @Column({ type: "varchar", length: 5, name: "closes_at" })
  @Field({ description: "End of the last slot (HH:MM); a slot must end by then." })
  closesAt: string;

  @Column({ type: "integer", name: "slot_minutes" })
  @Field(() => Int, { description: "Length of a slot in minutes." })
  slotMinutes: number;

  @Column({ type: "integer" })
  @Field(() => Int, { description: "Places per slot." })
  capacity: number;

  @Column({ type: "integer", name: "days_ahead" })
  @Field(() => Int, { description: "How many days ahead a slot may be booked (0: today only)." })
  daysAhead: number;

  @Column({ type: "varchar", length: 32, name: "updated_at" })
  @Field({ description: "When it was last set (ISO 8601)." })
  updatedAt: string;
}

/** The places booked in one slot: the row the conditional update takes the last place on. */
@Entity("hall_appointment_slot")
export class AppointmentSlotCount {
  @PrimaryColumn({ type: "varchar", length: 20 })
  centre: string;

  @PrimaryColumn({ type: "varchar", length: 10, name: "item_code" })
  itemCode: string;

  @PrimaryColumn({ type: "date" })
  day: string;

  @PrimaryColumn({ type: "varchar", length: 5, name: "start_time" })
  startTime: string;

  @Column({ type: "integer", default: 0 })
  booked: number;
}

/** A person's booked slot (预约) for an item at a centre. */
@Entity("hall_appointment")
@Index("hall_appointment_person", ["idNumber", "startsAt"])
@Index("hall_appointment_day", ["centre", "day", "status"])
@ObjectType({ description: "An appointment (预约): a person's slot for a service item at a centre." })
export class Appointment {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Appointment number." })
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  @Field(() => ID, { description: "The person's resident ID number." })
  idNumber: string;

  @Column({ type: "varchar", length: 20 })
  @Field({ description: "The centre's code." })
  centre: string;

  @Column({ type: "varchar", length: 10, name: "item_code" })
  @Field({ description: "The service item's code." })
  itemCode: string;

  @Column({ type: "date" })
  @Field(() => DateScalar, { description: "The slot's day." })
  day: string;

  @Column({ type: "varchar", length: 5, name: "start_time" })
  @Field({ description: "The slot's start (HH:MM)." })
  startTime: string;

  @Column({ type: "varchar", length: 5, name: "end_time" })
  @Field({ description: "The slot's end (HH:MM)." })
  endTime: string;

  /** The slot's start and end as instants (ISO 8601): the clock compares with them. */
  @Column({ type: "varchar", length: 32, name: "starts_at" })
  startsAt: string;

  @Column({ type: "varchar", length: 32, name: "ends_at" })
  endsAt: string;

  /** BOOKED, CHECKED_IN or CANCELLED; NO_SHOW is worked out from the clock (the status field). */
  @Column({ type: "varchar", length: 10 })
  status: AppointmentStatus;

  @Column({ type: "varchar", length: 10, name: "booked_by" })
  @Field(() => AppointmentChannel, { description: "Who booked it." })
  bookedBy: AppointmentChannel;

  @Column({ type: "varchar", length: 32, name: "booked_at" })
  @Field({ description: "When it was booked (ISO 8601)." })
  bookedAt: string;

  @Column({ type: "varchar", length: 32, name: "cancelled_at", nullable: true })
  @Field(() => String, { nullable: true, description: "When it was cancelled (ISO 8601); null otherwise." })
  cancelledAt: string | null;

  @Column({ type: "varchar", length: 32, name: "checked_in_at", nullable: true })
  @Field(() => String, { nullable: true, description: "When the person checked in (ISO 8601); null otherwise." })
  checkedInAt: string | null;

  /** The queue ticket issued at check-in. */
  @Column({ type: "integer", name: "ticket_id", nullable: true })
  ticketId: number | null;
}

@ObjectType({ description: "One bookable slot of an item at a centre, with its places." })
export class AppointmentSlot {
  @Field(() => DateScalar, { description: "The day (a working day of the hall calendar)." })
  day: string;

  @Field({ description: "Start (HH:MM)." })
  startTime: string;

  @Field({ description: "End (HH:MM)." })
  endTime: string;

  @Field(() => Int, { description: "Places in the slot." })
  capacity: number;

  @Field(() => Int, { description: "Places booked (check-ins included, cancellations not)." })
  booked: number;

  @Field(() => Int, { description: "Places still free; 0 once the slot has ended." })
  available: number;
}

@ObjectType({ description: "Appointment counts of a centre over a period: numbers only, no person." })
export class AppointmentCounts {
  @Field(() => Int, { description: "Booked and still to come." })
  booked: number;

  @Field(() => Int, { description: "Checked in." })
  checkedIn: number;

  @Field(() => Int, { description: "Cancelled." })
  cancelled: number;

  @Field(() => Int, { description: "Slot ended without a check-in (爽约)." })
  noShow: number;
}
