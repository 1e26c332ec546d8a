import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import type { LocalizedText } from "@onewindow/contracts/i18n";
import { DateScalar, hasRole, refuse, type RequestContext } from "@onewindow/platform";
import { AGGREGATE_READERS, APPOINTMENT_HOLDERS, HALL_SETTING_ADMINS } from "../access";
import { HALL_ACT } from "../messages";
import { QueueTicket } from "../queue/queue-ticket.entity";
import type { Services } from "../services";
import { Appointment, AppointmentCounts, AppointmentSchedule, AppointmentSlot } from "./appointment.entity";
import { AppointmentChannel, AppointmentStatus } from "./appointment.enums";
import { AppointmentIdInput, BookAppointmentInput, SetAppointmentScheduleInput } from "./appointment.inputs";

@Resolver(() => Appointment)
export class AppointmentResolver {
  constructor(private readonly s: Services) {}

  // Public: free places per slot are what the hall posts for anyone to choose from; no person is named.
  @Query(() => [AppointmentSlot], {
    description:
      "The bookable slots of a service item at a centre on the hall calendar's working days from `from` to `to` (at most 31 days), with their free places. Public. BAD_USER_INPUT for an unknown centre or an item the centre takes no appointments for.",
  })
  appointmentSlots(
    @Arg("itemCode", { description: "The service item's code." }) itemCode: string,
    @Arg("centre", { description: "The centre's code, e.g. KAIXUAN." }) centre: string,
    @Arg("from", () => DateScalar, { description: "First day." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day (inclusive)." }) to: string,
  ): Promise<AppointmentSlot[]> {
    return this.s.appointments.slots(itemCode, centre, from, to);
  }

  @Authorized(APPOINTMENT_HOLDERS)
  @Query(() => Appointment, {
    nullable: true,
    description: "An appointment by its number: a window clerk, or the citizen whose it is. Audited.",
  })
  async appointment(
    @Arg("id", () => ID, { description: "The appointment number." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Appointment | null> {
    const found = await this.s.appointments.find(id);
    if (found) ctx.access.read([found.idNumber], info, "Appointment");
    return found;
  }

  @Authorized(AGGREGATE_READERS)
  @Query(() => AppointmentCounts, {
    description:
      "How many appointments of a centre's days `from`–`to` (at most 366 days) are booked, checked in, cancelled or no-shows: counts only.",
  })
  appointmentCounts(
    @Arg("centre", { description: "The centre's code." }) centre: string,
    @Arg("from", () => DateScalar, { description: "First day." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day (inclusive)." }) to: string,
  ): Promise<AppointmentCounts> {
    return this.s.appointments.counts(centre, from, to);
  }

  @Authorized(HALL_SETTING_ADMINS)
  @Mutation(() => AppointmentSchedule, {
    description:
      "Sets (or replaces) when an item can be booked at a centre: opening hours, slot length, places per slot, days ahead. The administrator.",
  })
  setAppointmentSchedule(
    @Arg("input", () => SetAppointmentScheduleInput, { description: "The schedule." })
    input: SetAppointmentScheduleInput,
  ): Promise<AppointmentSchedule> {
    return this.s.appointments.setSchedule(input);
  }

  @Authorized(APPOINTMENT_HOLDERS)
  @Mutation(() => Appointment, {
    description:
      "Books a slot: a citizen for themselves, a window clerk for a person (with a purpose). BAD_USER_INPUT for a day that is not a working day, a time outside the opening hours or a slot that has ended; CONFLICT when the slot is full or the person has an overlapping appointment.",
  })
  bookAppointment(
    @Arg("input", () => BookAppointmentInput, { description: "The person and the slot." }) input: BookAppointmentInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Appointment> {
    this.checkOwn(ctx, input.idNumber, HALL_ACT.bookForOthers);
    ctx.access.readBeforeWrite(input.idNumber, info, "Appointment");
    const channel = hasRole(ctx.caller, "window_clerk") ? AppointmentChannel.CLERK : AppointmentChannel.CITIZEN;
    return this.s.appointments.book(input, channel);
  }

  @Authorized(APPOINTMENT_HOLDERS)
  @Mutation(() => Appointment, {
    description:
      "Cancels a booked appointment before its slot begins, freeing the place: the citizen whose it is, or a window clerk.",
  })
  async cancelAppointment(
    @Arg("input", () => AppointmentIdInput, { description: "The appointment." }) input: AppointmentIdInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Appointment> {
    await this.beforeWrite(ctx, input, info, HALL_ACT.cancelOthers);
    return this.s.appointments.cancel(input);
  }

  @Authorized(APPOINTMENT_HOLDERS)
  @Mutation(() => Appointment, {
    description: `Checks a booked person in (from 30 minutes before the slot to its end) and issues a queue ticket of the item's category, called at the slot's start ahead of walk-ins. The citizen whose it is, or a window clerk.`,
  })
  async checkInAppointment(
    @Arg("input", () => AppointmentIdInput, { description: "The appointment." }) input: AppointmentIdInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Appointment> {
    await this.beforeWrite(ctx, input, info, HALL_ACT.checkInOthers);
    return this.s.appointments.checkIn(input);
  }

  @FieldResolver(() => AppointmentStatus, {
    description: "Where it stands; a booking whose slot ended without a check-in reads NO_SHOW.",
  })
  status(@Root() a: Appointment): AppointmentStatus {
    return this.s.appointments.statusOf(a);
  }

  @FieldResolver(() => QueueTicket, { nullable: true, description: "The queue ticket issued at check-in." })
  ticket(@Root() a: Appointment): Promise<QueueTicket | null> {
    return this.s.appointments.ticketOf(a);
  }

  /** A citizen acts on their own appointments only; a clerk on anyone's. */
  private checkOwn(ctx: RequestContext, idNumber: string, act: LocalizedText): void {
    if (!hasRole(ctx.caller, "window_clerk") && ctx.caller.idNumber !== idNumber) refuse(ctx.caller, act);
  }

  /**
   * The appointment's person: checked (a citizen's own), read before the write, and put on the
   * trail even when the answer selects nothing of it. An unknown number is left to the service.
   */
  private async beforeWrite(
    ctx: RequestContext,
    input: AppointmentIdInput,
    info: GraphQLResolveInfo,
    act: LocalizedText,
  ) {
    const found = await this.s.appointments.find(input.appointmentId, "appointmentId");
    if (!found) return;
    this.checkOwn(ctx, found.idNumber, act);
    ctx.access.readBeforeWrite(found.idNumber, info, "Appointment");
    ctx.access.recordAct(found.idNumber, `Mutation.${info.fieldName}`);
  }
}
