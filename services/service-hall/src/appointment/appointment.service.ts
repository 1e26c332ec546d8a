import { Between, In, LessThan, MoreThan, type DataSource, type EntityManager } from "typeorm";
import { HallEvents, type HallAppointmentEvent } from "@onewindow/contracts";
import {
  addDays,
  BadUserInputError,
  ConflictError,
  type EventPublisher,
  findOneForUpdate,
  intInRange,
  lockForTransaction,
  isValidDate,
  num,
  parseIdNumber,
  runSql,
  todayBy,
  type Clock,
} from "@onewindow/platform";
import type { Message } from "@onewindow/contracts/i18n";
import type { CalendarService } from "../calendar/calendar.service";
import { CatalogueService } from "../catalogue/catalogue.service";
import { HALL_APPOINTMENT } from "../messages";
import { requireCentre } from "../queue/centres";
import { parseRecordId, requiredInt } from "../queue/checks";
import { QueuePriority } from "../queue/queue.enums";
import { retryNumbering, type QueueService } from "../queue/queue.service";
import { QueueTicket } from "../queue/queue-ticket.entity";
import {
  Appointment,
  AppointmentCounts,
  AppointmentSchedule,
  AppointmentSlot,
  AppointmentSlotCount,
} from "./appointment.entity";
import { AppointmentChannel, AppointmentStatus } from "./appointment.enums";
import type { AppointmentIdInput, BookAppointmentInput, SetAppointmentScheduleInput } from "./appointment.inputs";
import { formatTime, instantOf, parseTime } from "./slot-time";

/** The most days `appointmentSlots` lists at once: the answer stays small whatever is asked. */
export const MAX_SLOT_DAYS = 31;
/** The longest period `appointmentCounts` adds up. */
const MAX_COUNT_DAYS = 366;
/** How early before its slot a person may check in for a ticket. */
export const CHECK_IN_EARLY_MINUTES = 30;
const DEFAULT_DAYS_AHEAD = 14;

const parseAppointmentId = (value: string, field = "appointmentId") =>
  parseRecordId(value, field, HALL_APPOINTMENT.notAnAppointmentNumber);

function checkDay(day: string, field: string): string {
  if (!isValidDate(day)) throw new BadUserInputError(HALL_APPOINTMENT.dateNotExisting.with({ date: day }), field);
  return day;
}

/** The days `from`–`to`, both valid, in order and at most `maxDays` long; BAD_USER_INPUT otherwise. */
function period(from: string, to: string, maxDays: number): string[] {
  checkDay(from, "from");
  checkDay(to, "to");
  if (to < from) throw new BadUserInputError(HALL_APPOINTMENT.periodReversed.with({ from, to }), "to");
  if (addDays(from, maxDays - 1) < to)
    throw new BadUserInputError(HALL_APPOINTMENT.periodTooLong.with({ max: maxDays }), "to");
  const days = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** What an appointment's events say: keys and the slot, never the person. */
const appointmentEvent = (a: Appointment): HallAppointmentEvent => ({
  appointmentId: a.id,
  itemCode: a.itemCode,
  centre: a.centre,
  day: a.day,
  startTime: a.startTime,
  endTime: a.endTime,
});

/** Start minutes of every slot of a schedule's day. */
function slotStarts(s: AppointmentSchedule): number[] {
  const opens = parseTime(s.opensAt, "opensAt");
  const closes = parseTime(s.closesAt, "closesAt");
  const starts = [];
  for (let t = opens; t + s.slotMinutes <= closes; t += s.slotMinutes) starts.push(t);
  return starts;
}

/**
 * Appointments (预约): slots per item and centre from the schedule an administrator sets, on the
 * hall calendar's working days within opening hours; booking takes a place with a conditional
 * update (the last place cannot be taken twice); check-in issues a ticket that is called at the
 * slot's start ahead of walk-ins of its category; a slot that ends without check-in is a no-show.
 */
export class AppointmentService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly calendar: CalendarService,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  /** The stored status, with a BOOKED appointment whose slot has ended read as NO_SHOW. */
  statusOf(a: Appointment): AppointmentStatus {
    return a.status === AppointmentStatus.BOOKED && a.endsAt <= this.clock().toISOString()
      ? AppointmentStatus.NO_SHOW
      : a.status;
  }

  /** Sets (or replaces) when an item can be booked at a centre. */
  async setSchedule(input: SetAppointmentScheduleInput): Promise<AppointmentSchedule> {
    const opens = parseTime(input.opensAt, "opensAt");
    const closes = parseTime(input.closesAt, "closesAt");
    const slotMinutes = requiredInt(input.slotMinutes, "slotMinutes", 10, 720);
    const capacity = requiredInt(input.capacity, "capacity", 1, 500);
    const daysAhead = intInRange(input.daysAhead, "daysAhead", 0, 60) ?? DEFAULT_DAYS_AHEAD;
    if (closes - opens < slotMinutes)
      throw new BadUserInputError(
        HALL_APPOINTMENT.hoursTooShort.with({
          opens: formatTime(opens),
          closes: formatTime(closes),
          minutes: slotMinutes,
        }),
        "closesAt",
      );
    return this.db.transaction(async (tx) => {
      const centre = await requireCentre(tx, input.centre);
      const item = await CatalogueService.require(tx, input.itemCode);
      const schedule = tx.create(AppointmentSchedule, {
        centre: centre.code,
        itemCode: item.code,
        opensAt: formatTime(opens),
        closesAt: formatTime(closes),
        slotMinutes,
        capacity,
        daysAhead,
        updatedAt: this.clock().toISOString(),
      });
      await tx.save(schedule);
      return schedule;
    });
  }

  /** The slots of an item at a centre on the working days from `from` to `to` (at most 31 days). */
  async slots(itemCode: string, centreCode: string, from: string, to: string): Promise<AppointmentSlot[]> {
    const days = period(from, to, MAX_SLOT_DAYS);
    const m = this.db.manager;
    const schedule = await this.schedule(m, centreCode, itemCode);
    const calendar = await this.calendar.current(m);
    const counts = await m.find(AppointmentSlotCount, {
      where: { centre: schedule.centre, itemCode: schedule.itemCode, day: Between(from, to) },
    });
    const booked = new Map(counts.map((c) => [`${c.day} ${c.startTime}`, c.booked]));
    const now = this.clock().toISOString();
    const slots: AppointmentSlot[] = [];
    for (const day of days) {
      if (!calendar.isWorkingDay(day)) continue;
      for (const start of slotStarts(schedule)) {
        const startTime = formatTime(start);
        const taken = booked.get(`${day} ${startTime}`) ?? 0;
        const ended = instantOf(day, start + schedule.slotMinutes) <= now;
        slots.push({
          day,
          startTime,
          endTime: formatTime(start + schedule.slotMinutes),
          capacity: schedule.capacity,
          booked: taken,
          available: ended ? 0 : Math.max(0, schedule.capacity - taken),
        });
      }
    }
    return slots;
  }

  /**
   * Books a slot for a person: a working day within the schedule's days ahead, a slot of its
   * opening hours not yet ended, no other appointment of the person overlapping it, and a free
   * place (CONFLICT when the last one is gone).
   */
  async book(input: BookAppointmentInput, bookedBy: AppointmentChannel): Promise<Appointment> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const day = checkDay(input.day, "day");
    const start = parseTime(input.startTime, "startTime");
    const now = this.clock().toISOString();
    return this.db.transaction(async (tx) => {
      // One person's bookings take turns, so two made at once cannot both miss the other's overlap.
      await lockForTransaction(tx, `onewindow.hall.appointment.${idNumber}`);
      const schedule = await this.schedule(tx, input.centre, input.itemCode);
      if (!(await this.calendar.current(tx)).isWorkingDay(day))
        throw new BadUserInputError(HALL_APPOINTMENT.notWorkingDay.with({ day }), "day");
      const lastDay = addDays(todayBy(this.clock), schedule.daysAhead);
      if (day > lastDay)
        throw new BadUserInputError(HALL_APPOINTMENT.tooFarAhead.with({ days: schedule.daysAhead, lastDay }), "day");
      if (!slotStarts(schedule).includes(start))
        throw new BadUserInputError(
          HALL_APPOINTMENT.notSlotStart.with({
            time: formatTime(start),
            opens: schedule.opensAt,
            closes: schedule.closesAt,
            minutes: schedule.slotMinutes,
          }),
          "startTime",
        );
      const end = start + schedule.slotMinutes;
      const startsAt = instantOf(day, start);
      const endsAt = instantOf(day, end);
      if (endsAt <= now)
        throw new BadUserInputError(HALL_APPOINTMENT.slotEnded.with({ day, time: formatTime(start) }), "startTime");
      const overlapping = await tx.findOne(Appointment, {
        where: {
          idNumber,
          status: In([AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN]),
          startsAt: LessThan(endsAt),
          endsAt: MoreThan(startsAt),
        },
      });
      if (overlapping)
        throw new ConflictError(
          HALL_APPOINTMENT.overlapping.with({
            day: overlapping.day,
            start: overlapping.startTime,
            end: overlapping.endTime,
            id: overlapping.id,
          }),
        );
      await this.takePlace(tx, schedule, day, formatTime(start));
      const appointment = tx.create(Appointment, {
        idNumber,
        centre: schedule.centre,
        itemCode: schedule.itemCode,
        day,
        startTime: formatTime(start),
        endTime: formatTime(end),
        startsAt,
        endsAt,
        status: AppointmentStatus.BOOKED,
        bookedBy,
        bookedAt: now,
        cancelledAt: null,
        checkedInAt: null,
        ticketId: null,
      });
      await tx.save(appointment);
      await this.events.publish(tx, {
        type: HallEvents.appointmentBooked,
        subject: `appointment:${appointment.id}`,
        data: appointmentEvent(appointment),
      });
      return appointment;
    });
  }

  /**
   * Takes a place in the slot: one conditional update of its counter row, which PostgreSQL
   * re-checks against the committed count after a concurrent booking's lock is released, and
   * SQLite runs one writer at a time; so the last place goes to one booking only.
   */
  private async takePlace(tx: EntityManager, schedule: AppointmentSchedule, day: string, startTime: string) {
    const key = { centre: schedule.centre, itemCode: schedule.itemCode, day, startTime };
    await runSql(
      tx,
      "INSERT INTO hall_appointment_slot (centre, item_code, day, start_time, booked) VALUES (?, ?, ?, ?, 0) ON CONFLICT DO NOTHING",
      [key.centre, key.itemCode, day, startTime],
    );
    const taken = await tx
      .createQueryBuilder()
      .update(AppointmentSlotCount)
      .set({ booked: () => "booked + 1" })
      .where("centre = :centre AND item_code = :itemCode AND day = :day AND start_time = :startTime", key)
      .andWhere("booked < :capacity", { capacity: schedule.capacity })
      .execute();
    if (!taken.affected) throw new ConflictError(HALL_APPOINTMENT.slotFull.with({ day, time: startTime }));
  }

  /** Cancels a booked appointment before its slot begins, and frees its place. */
  async cancel(input: AppointmentIdInput): Promise<Appointment> {
    const id = parseAppointmentId(input.appointmentId);
    const now = this.clock().toISOString();
    return this.db.transaction(async (tx) => {
      const a = await this.booked(tx, id, HALL_APPOINTMENT.cancelNeedsBooked);
      if (a.startsAt <= now)
        throw new BadUserInputError(
          HALL_APPOINTMENT.cancelAfterStart.with({ day: a.day, time: a.startTime }),
          "appointmentId",
        );
      Object.assign(a, { status: AppointmentStatus.CANCELLED, cancelledAt: now });
      await tx.update(Appointment, { id }, { status: a.status, cancelledAt: now });
      await runSql(
        tx,
        "UPDATE hall_appointment_slot SET booked = booked - 1 WHERE centre = ? AND item_code = ? AND day = ? AND start_time = ? AND booked > 0",
        [a.centre, a.itemCode, a.day, a.startTime],
      );
      await this.events.publish(tx, {
        type: HallEvents.appointmentCancelled,
        subject: `appointment:${id}`,
        data: appointmentEvent(a),
      });
      return a;
    });
  }

  /**
   * The person arrives: from {@link CHECK_IN_EARLY_MINUTES} before the slot to its end, a queue
   * ticket of the item's category that is called at the slot's start ahead of walk-ins.
   */
  async checkIn(input: AppointmentIdInput): Promise<Appointment> {
    const id = parseAppointmentId(input.appointmentId);
    const now = this.clock();
    const at = now.toISOString();
    return retryNumbering(() =>
      this.db.transaction(async (tx) => {
        const a = await this.booked(tx, id, HALL_APPOINTMENT.checkInNeedsBooked);
        if (now.getTime() < Date.parse(a.startsAt) - CHECK_IN_EARLY_MINUTES * 60_000)
          throw new BadUserInputError(
            HALL_APPOINTMENT.checkInTooEarly.with({ day: a.day, time: a.startTime, minutes: CHECK_IN_EARLY_MINUTES }),
            "appointmentId",
          );
        const item = await CatalogueService.require(tx, a.itemCode);
        const ticket = await this.queue.issueIn(tx, a.centre, item.department, QueuePriority.NORMAL, {
          idNumber: a.idNumber,
          appointmentId: a.id,
          appointmentAt: a.startsAt,
        });
        Object.assign(a, { status: AppointmentStatus.CHECKED_IN, checkedInAt: at, ticketId: ticket.id });
        await tx.update(Appointment, { id }, { status: a.status, checkedInAt: at, ticketId: ticket.id });
        await this.events.publish(tx, {
          type: HallEvents.appointmentArrived,
          subject: `appointment:${id}`,
          data: { ...appointmentEvent(a), ticketId: ticket.id, number: ticket.number },
        });
        return a;
      }),
    );
  }

  /** An appointment by its number; null when there is none. */
  find(id: string, field = "id"): Promise<Appointment | null> {
    return this.db.manager.findOneBy(Appointment, { id: parseAppointmentId(id, field) });
  }

  /** The queue ticket issued at an appointment's check-in. */
  ticketOf(a: Appointment): Promise<QueueTicket | null> {
    return a.ticketId === null ? Promise.resolve(null) : this.db.manager.findOneBy(QueueTicket, { id: a.ticketId });
  }

  /** How many appointments of a centre's days `from`–`to` stand where, no-shows worked out by the clock. */
  async counts(centreCode: string, from: string, to: string): Promise<AppointmentCounts> {
    period(from, to, MAX_COUNT_DAYS);
    const centre = await requireCentre(this.db.manager, centreCode);
    const [row] = await runSql(
      this.db.manager,
      `SELECT
         SUM(CASE WHEN status = ? AND ends_at > ? THEN 1 ELSE 0 END) AS booked,
         SUM(CASE WHEN status = ? THEN 1 ELSE 0 END) AS checked_in,
         SUM(CASE WHEN status = ? THEN 1 ELSE 0 END) AS cancelled,
         SUM(CASE WHEN status = ? AND ends_at <= ? THEN 1 ELSE 0 END) AS no_show
       FROM hall_appointment WHERE centre = ? AND day >= ? AND day <= ?`,
      [
        AppointmentStatus.BOOKED,
        this.clock().toISOString(),
        AppointmentStatus.CHECKED_IN,
        AppointmentStatus.CANCELLED,
        AppointmentStatus.BOOKED,
        this.clock().toISOString(),
        centre.code,
        from,
        to,
      ],
    );
    return {
      booked: num(row.booked),
      checkedIn: num(row.checked_in),
      cancelled: num(row.cancelled),
      noShow: num(row.no_show),
    };
  }

  private async schedule(m: EntityManager, centreCode: string, itemCode: string): Promise<AppointmentSchedule> {
    const centre = await requireCentre(m, centreCode);
    const item = await CatalogueService.require(m, itemCode);
    const schedule = await m.findOneBy(AppointmentSchedule, { centre: centre.code, itemCode: item.code });
    if (!schedule)
      throw new BadUserInputError(
        HALL_APPOINTMENT.notOffered.with({ centre: centre.name, item: item.name }),
        "itemCode",
      );
    return schedule;
  }

  /**
   * Appointment `id`, locked, still BOOKED with its slot not ended; otherwise BAD_USER_INPUT
   * saying why (`wrongStatus`: a message with the appointment's `{id}` and `{status}`).
   */
  private async booked(tx: EntityManager, id: number, wrongStatus: Message): Promise<Appointment> {
    const a = await findOneForUpdate(tx, Appointment, id);
    if (!a) throw new BadUserInputError(HALL_APPOINTMENT.noAppointment.with({ id }), "appointmentId");
    const status = this.statusOf(a);
    if (status === AppointmentStatus.NO_SHOW)
      throw new BadUserInputError(
        HALL_APPOINTMENT.noShow.with({ day: a.day, start: a.startTime, end: a.endTime }),
        "appointmentId",
      );
    if (status !== AppointmentStatus.BOOKED)
      throw new BadUserInputError(wrongStatus.with({ id, status }), "appointmentId");
    return a;
  }
}
