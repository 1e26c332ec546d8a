import { IsNull, type DataSource, type EntityManager, type SelectQueryBuilder } from "typeorm";
import { ANONYMOUS, HallEvents, type Caller, type EventPayloads, type HallTicketEvent } from "@onewindow/contracts";
import {
  ageOn,
  BadUserInputError,
  EventPublisher,
  findOneForUpdate,
  ForbiddenError,
  isUniqueViolation,
  parseIdNumber,
  requiredText,
  todayBy,
  type Clock,
  num,
  runSql,
} from "@onewindow/platform";
import type { Message } from "@onewindow/contracts/i18n";
import { HALL_DEPARTMENTS, HallDepartment, QUEUE_LETTERS } from "../catalogue/catalogue.enums";
import { HALL_QUEUE } from "../messages";
import { QueueBoard, QueueCategoryStatus } from "./queue-board.types";
import { QueuePriority, QueueTicketStatus } from "./queue.enums";
import type {
  CallNextTicketInput,
  RecallTicketInput,
  SetRecallWindowInput,
  SkipTicketInput,
  TakeQueueTicketInput,
  TransferTicketInput,
} from "./queue.inputs";
import { QueueTicket } from "./queue-ticket.entity";
import { CentreSetting, HOME_CENTRE } from "./centre-setting.entity";
import { MAX_RECALL_WINDOW_MINUTES, requireCentre } from "./centres";
import { parseRecordId, requiredInt } from "./checks";
import { ticketsHeldBy } from "./held-tickets";
import { knownStaff } from "../staff/staff.service";
import { WindowStaff } from "../staff/staff.entity";
import { centresChanged, kpiInputsChanged } from "../kpi/kpi.cache";

/** The age from which a citizen may take an ELDERLY ticket at the machine. */
const ELDERLY_AGE = 60;

/** Minutes per call assumed before a category has two calls today to measure it by. */
const DEFAULT_MINUTES_PER_CALL = 5;
/**
 * Tickets ahead at which a known holder is told their number is near ("your ticket is three
 * away", the hall's own choice: time to walk back from the waiting area).
 */
export const NEAR_AHEAD = 3;
// Two clerks taking tickets at the same instant on PostgreSQL: the loser of the unique index retries.
const NUMBERING_ATTEMPTS = 5;

const ticketNumber = (category: HallDepartment, seq: number) =>
  `${QUEUE_LETTERS[category]}${String(seq).padStart(3, "0")}`;

function checkCategory(category: HallDepartment, field: string): HallDepartment {
  if (!HALL_DEPARTMENTS.includes(category))
    throw new BadUserInputError(HALL_QUEUE.unknownCategory.with({ category }), field);
  return category;
}

const parseTicketId = (value: string) => parseRecordId(value, "ticketId", HALL_QUEUE.notATicketNumber);

/**
 * Runs `work` (a transaction that takes a number) again when it lost the race for the number to
 * another transaction at the same instant (PostgreSQL: the loser of the unique index).
 */
export async function retryNumbering<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= NUMBERING_ATTEMPTS) throw err;
    }
  }
}

/**
 * The next sequence number of `category` at `centre` on `day`: every centre's machine numbers
 * its own lines (a lost race for the number is a unique violation, retried).
 */
async function nextSeq(tx: EntityManager, day: string, centre: string, category: HallDepartment): Promise<number> {
  const [last] = await runSql(
    tx,
    "SELECT MAX(seq) AS seq FROM queue_ticket WHERE day = ? AND centre = ? AND category = ?",
    [day, centre, category],
  );
  return num(last.seq) + 1;
}

/**
 * `day`'s waiting tickets of `categories` at `centre` as `callNextTicket` calls them at `at`: a booked person
 * who checked in is called at the slot's start ahead of the walk-ins (green channel included) who
 * came before; before that start they wait like anyone. Then the green channel, then the order taken.
 */
function waitingInCallingOrder(
  tx: EntityManager,
  day: string,
  centre: string,
  categories: readonly HallDepartment[],
  at: string,
): SelectQueryBuilder<QueueTicket> {
  return (
    tx
      .getRepository(QueueTicket)
      .createQueryBuilder("t")
      .where("t.day = :day AND t.centre = :centre AND t.status = :waiting AND t.category IN (:...categories)", {
        day,
        centre,
        waiting: QueueTicketStatus.WAITING,
        categories,
      })
      .orderBy("CASE WHEN t.appointment_at <= :at THEN 0 ELSE 1 END", "ASC")
      // The earliest slot first among those due; '' for the rest, as the databases sort nulls differently.
      .addOrderBy("CASE WHEN t.appointment_at <= :at THEN t.appointment_at ELSE '' END", "ASC")
      .setParameter("at", at)
      .addOrderBy("t.green_channel", "DESC")
      .addOrderBy("t.id", "ASC")
  );
}

/** What an appointment's check-in passes to {@link QueueService.issueIn}. */
export interface AppointmentTicket {
  /** The appointment's person: the ticket's holder. */
  idNumber: string;
  appointmentId: number;
  /** The slot's start (ISO 8601): from then the ticket is called ahead of walk-ins. */
  appointmentAt: string;
}

type TicketEventType =
  | typeof HallEvents.ticketCalled
  | typeof HallEvents.ticketSkipped
  | typeof HallEvents.ticketRecalled
  | typeof HallEvents.ticketTransferred;

/** A ticket as its events name it: keys and numbers only. */
const ticketEvent = (t: QueueTicket, at: string): HallTicketEvent => ({
  ticketId: t.id,
  number: t.number,
  category: t.category,
  centre: t.centre,
  day: t.day,
  at,
});

/**
 * The queue-number system (排队叫号): each centre numbers its own lines per category per day
 * (two centres may both call A001 today), its windows call its own tickets, green channel first.
 */
export class QueueService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** The tickets each of `idNumbers` holds, newest first (`Citizen.queueTickets`). */
  heldBy(idNumbers: readonly string[]): Promise<QueueTicket[][]> {
    return ticketsHeldBy(this.db, idNumbers);
  }

  /**
   * Issues a ticket. Anyone may take a NORMAL one at the machine; the green channel jumps the
   * queue, so DISABLED is issued by a window clerk only, and ELDERLY by a clerk or for an ID
   * number (given, or the citizen's own token's) whose holder is 60 or over today.
   */
  async take(
    input: TakeQueueTicketInput,
    caller: Pick<Caller, "roles" | "idNumber"> = ANONYMOUS,
  ): Promise<QueueTicket> {
    const category = checkCategory(input.category, "category");
    const priority = input.priority ?? QueuePriority.NORMAL;
    if (!Object.values(QueuePriority).includes(priority))
      throw new BadUserInputError(HALL_QUEUE.unknownPriority.with({ priority }), "priority");
    if (priority !== QueuePriority.NORMAL && !caller.roles.includes("window_clerk"))
      this.checkGreenChannel(priority, input.idNumber ?? caller.idNumber);
    // A citizen signed in takes the ticket for themselves: it is theirs, and may tell them when it is near.
    // The ID number given for ELDERLY at the machine stays checked, never stored.
    const holder = caller.roles.includes("citizen") ? (caller.idNumber ?? null) : null;
    return retryNumbering(() =>
      this.db.transaction(async (tx) => {
        const centre = input.centre == null ? HOME_CENTRE : (await requireCentre(tx, input.centre)).code;
        return this.issueIn(tx, centre, category, priority, null, holder);
      }),
    );
  }

  private checkGreenChannel(priority: QueuePriority, idNumber: string | null | undefined): void {
    if (priority === QueuePriority.DISABLED) {
      throw new ForbiddenError(HALL_QUEUE.disabledByClerk);
    }
    if (!idNumber) throw new BadUserInputError(HALL_QUEUE.elderlyNeedsIdNumber.with({ age: ELDERLY_AGE }), "idNumber");
    const { birthDate } = parseIdNumber(idNumber, "idNumber");
    if (ageOn(birthDate, todayBy(this.clock)) < ELDERLY_AGE) {
      throw new BadUserInputError(HALL_QUEUE.elderlyTooYoung.with({ age: ELDERLY_AGE }), "idNumber");
    }
  }

  /**
   * Issues today's next number of `category` at `centre` inside `tx` (the caller retries a lost race for the
   * number, {@link retryNumbering}); for an appointment's check-in, the ticket carries the slot's
   * start and the person as its holder (or `holder`, a citizen taking it for themselves).
   */
  async issueIn(
    tx: EntityManager,
    centre: string,
    category: HallDepartment,
    priority: QueuePriority,
    appointment: AppointmentTicket | null = null,
    holder: string | null = null,
  ): Promise<QueueTicket> {
    const now = this.clock();
    const day = todayBy(this.clock);
    const seq = await nextSeq(tx, day, centre, category);
    const greenChannel = priority !== QueuePriority.NORMAL;
    const ticket = tx.create(QueueTicket, {
      day,
      category,
      seq,
      number: ticketNumber(category, seq),
      priority,
      greenChannel,
      status: QueueTicketStatus.WAITING,
      centre,
      staffNumber: null,
      skippedAt: null,
      transferredFrom: null,
      appointmentId: appointment?.appointmentId ?? null,
      appointmentAt: appointment?.appointmentAt ?? null,
      holderIdNumber: appointment?.idNumber ?? holder,
      nearNotifiedAt: null,
      takenAt: now.toISOString(),
      calledAt: null,
      calledOn: null,
      window: null,
      waitSeconds: null,
    });
    await tx.insert(QueueTicket, ticket);
    await kpiInputsChanged(tx, [centre], [day]);
    // Green-channel tickets only wait for earlier green-channel tickets; ordinary ones for every ticket.
    const [ahead] = await runSql(
      tx,
      `SELECT COUNT(*) AS n FROM queue_ticket WHERE day = ? AND centre = ? AND status = ? AND category = ? AND id < ?${greenChannel ? " AND green_channel = ?" : ""}`,
      greenChannel
        ? [day, centre, QueueTicketStatus.WAITING, category, ticket.id, true]
        : [day, centre, QueueTicketStatus.WAITING, category, ticket.id],
    );
    ticket.waitingAhead = num(ahead.n);
    // Already near when taken (the ticket shows it): no notice later.
    if (ticket.holderIdNumber && ticket.waitingAhead <= NEAR_AHEAD) {
      ticket.nearNotifiedAt = ticket.takenAt;
      await tx.update(QueueTicket, { id: ticket.id }, { nearNotifiedAt: ticket.takenAt });
    }
    ticket.estimatedWaitMinutes = Math.ceil(
      ticket.waitingAhead * (await this.minutesPerCall(tx, day, centre)).get(category)!,
    );
    return ticket;
  }

  /**
   * Calls the next ticket of today for a window, across the window's categories, among its
   * centre's tickets (the centre given, else the signed-in clerk's staff record's, else the
   * hall's own): first the tickets of appointments whose slot has begun (earliest slot first),
   * then the green channel, then in the order taken. Null when nobody is waiting.
   */
  async callNext(input: CallNextTicketInput, clerk: string | null = null): Promise<QueueTicket | null> {
    const window = requiredText(input.window, "window", 20);
    const categories = input.categories ?? HALL_DEPARTMENTS;
    if (categories.length === 0) throw new BadUserInputError(HALL_QUEUE.noCategories, "categories");
    categories.forEach((c) => checkCategory(c, "categories"));
    const now = this.clock();
    const at = now.toISOString();
    const day = todayBy(this.clock);
    return this.db.transaction(async (tx) => {
      const staffNumber = await knownStaff(tx, clerk);
      const centre = await this.windowCentre(tx, input.centre, staffNumber);
      const next = await waitingInCallingOrder(tx, day, centre, categories, at).getOne();
      if (!next) return null;
      const waitSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(next.takenAt)) / 1000));
      Object.assign(next, {
        status: QueueTicketStatus.CALLED,
        calledAt: now.toISOString(),
        calledOn: day,
        window,
        waitSeconds,
        staffNumber,
      });
      await tx.update(
        QueueTicket,
        { id: next.id },
        { status: next.status, calledAt: next.calledAt, calledOn: day, window, waitSeconds, staffNumber },
      );
      await kpiInputsChanged(tx, [next.centre], [next.day, day]);
      await this.publish(tx, HallEvents.ticketCalled, { ...ticketEvent(next, at), window });
      await this.tellNear(tx, day, next.centre, next.category, at);
      return next;
    });
  }

  /** The centre a window calls for: the one named, else its clerk's (staff record), else the hall's own. */
  private async windowCentre(tx: EntityManager, named: string | null | undefined, staffNumber: string | null) {
    if (named != null) return (await requireCentre(tx, named)).code;
    if (staffNumber) return (await tx.findOneByOrFail(WindowStaff, { staffNumber })).centre;
    return HOME_CENTRE;
  }

  /**
   * A called ticket whose holder did not come (过号): SKIPPED, recallable within the centre's
   * recall window. Only today's called tickets.
   */
  async skip(input: SkipTicketInput, clerk: string | null = null): Promise<QueueTicket> {
    const id = parseTicketId(input.ticketId);
    const at = this.clock().toISOString();
    return this.db.transaction(async (tx) => {
      const ticket = await this.todays(tx, id, [QueueTicketStatus.CALLED], HALL_QUEUE.skipNeedsCalled);
      const centre = await requireCentre(tx, ticket.centre);
      ticket.status = QueueTicketStatus.SKIPPED;
      ticket.skippedAt = at;
      ticket.staffNumber = await knownStaff(tx, clerk);
      await tx.update(QueueTicket, { id }, { status: ticket.status, skippedAt: at, staffNumber: ticket.staffNumber });
      await kpiInputsChanged(tx, [ticket.centre], [ticket.day, ticket.calledOn]);
      const recallUntil = new Date(Date.parse(at) + centre.recallWindowMinutes * 60_000).toISOString();
      await this.publish(tx, HallEvents.ticketSkipped, {
        ...ticketEvent(ticket, at),
        window: ticket.window!,
        recallUntil,
      });
      return ticket;
    });
  }

  /**
   * Calls a skipped ticket again to a window, if its holder came back within the centre's recall
   * window (minutes after the skip, `hall_centre_setting`); after it the holder takes a new number.
   */
  async recall(input: RecallTicketInput, clerk: string | null = null): Promise<QueueTicket> {
    const id = parseTicketId(input.ticketId);
    const window = requiredText(input.window, "window", 20);
    const now = this.clock();
    const at = now.toISOString();
    return this.db.transaction(async (tx) => {
      const ticket = await this.todays(tx, id, [QueueTicketStatus.SKIPPED], HALL_QUEUE.recallNeedsSkipped);
      const { recallWindowMinutes } = await requireCentre(tx, ticket.centre);
      if (now.getTime() - Date.parse(ticket.skippedAt!) > recallWindowMinutes * 60_000)
        throw new BadUserInputError(
          HALL_QUEUE.recallWindowPassed.with({ ticket: ticket.number, minutes: recallWindowMinutes }),
          "ticketId",
        );
      const staffNumber = await knownStaff(tx, clerk);
      Object.assign(ticket, { status: QueueTicketStatus.CALLED, calledAt: at, window, staffNumber });
      await tx.update(QueueTicket, { id }, { status: ticket.status, calledAt: at, window, staffNumber });
      await kpiInputsChanged(tx, [ticket.centre], [ticket.day, ticket.calledOn]);
      await this.publish(tx, HallEvents.ticketRecalled, { ...ticketEvent(ticket, at), window });
      return ticket;
    });
  }

  /**
   * Moves a waiting or called ticket to another category's line (转号): it gets that category's
   * next number and waits there in the order it was first taken, so the holder does not queue
   * again from the back.
   */
  async transfer(input: TransferTicketInput, clerk: string | null = null): Promise<QueueTicket> {
    const id = parseTicketId(input.ticketId);
    const toCategory = checkCategory(input.toCategory, "toCategory");
    const at = this.clock().toISOString();
    return retryNumbering(() =>
      this.db.transaction(async (tx) => {
        const ticket = await this.todays(
          tx,
          id,
          [QueueTicketStatus.WAITING, QueueTicketStatus.CALLED],
          HALL_QUEUE.transferNeedsWaitingOrCalled,
        );
        if (ticket.category === toCategory)
          throw new BadUserInputError(HALL_QUEUE.alreadyInLine.with({ ticket: ticket.number }), "toCategory");
        const from = { category: ticket.category, number: ticket.number, status: ticket.status };
        const seq = await nextSeq(tx, ticket.day, ticket.centre, toCategory);
        const moved = {
          category: toCategory,
          seq,
          number: ticketNumber(toCategory, seq),
          status: QueueTicketStatus.WAITING,
          transferredFrom: from.category,
          calledAt: null,
          calledOn: null,
          window: null,
          waitSeconds: null,
          staffNumber: await knownStaff(tx, clerk),
        };
        await tx.update(QueueTicket, { id }, moved);
        await kpiInputsChanged(tx, [ticket.centre], [ticket.day, ticket.calledOn]);
        Object.assign(ticket, moved);
        await this.publish(tx, HallEvents.ticketTransferred, {
          ...ticketEvent(ticket, at),
          fromCategory: from.category,
          fromNumber: from.number,
        });
        // A waiting ticket leaving its line moves everyone behind it one up.
        if (from.status === QueueTicketStatus.WAITING)
          await this.tellNear(tx, ticket.day, ticket.centre, from.category, at);
        return ticket;
      }),
    );
  }

  /** The centres the hall knows, by code. */
  centres(): Promise<CentreSetting[]> {
    return this.db.manager.find(CentreSetting, { order: { code: "ASC" } });
  }

  /** Sets a centre's recall window (an administrator, by the centre's own notice). */
  async setRecallWindow(input: SetRecallWindowInput): Promise<CentreSetting> {
    const recallWindowMinutes = requiredInt(
      input.recallWindowMinutes,
      "recallWindowMinutes",
      0,
      MAX_RECALL_WINDOW_MINUTES,
    );
    return this.db.transaction(async (tx) => {
      const centre = await requireCentre(tx, input.centre);
      centre.recallWindowMinutes = recallWindowMinutes;
      await tx.update(CentreSetting, { code: centre.code }, { recallWindowMinutes });
      // A ranking shows each centre's row, this setting with it.
      await centresChanged(tx);
      return centre;
    });
  }

  /**
   * Today's ticket `id`, locked, in one of `statuses`; otherwise BAD_USER_INPUT saying why
   * (`wrongStatus`: a message with the ticket's `{ticket}` number and `{status}`).
   */
  private async todays(
    tx: EntityManager,
    id: number,
    statuses: QueueTicketStatus[],
    wrongStatus: Message,
  ): Promise<QueueTicket> {
    const ticket = await findOneForUpdate(tx, QueueTicket, id);
    if (!ticket || ticket.day !== todayBy(this.clock))
      throw new BadUserInputError(HALL_QUEUE.noTicketToday.with({ id }), "ticketId");
    if (!statuses.includes(ticket.status))
      throw new BadUserInputError(wrongStatus.with({ ticket: ticket.number, status: ticket.status }), "ticketId");
    return ticket;
  }

  /**
   * After a call (or a transfer out of a line): the ticket now with exactly {@link NEAR_AHEAD}
   * ahead of it in the calling order of `category` at `centre`, when it has a holder not yet told, gets the
   * person event `ticket.near`, once, in the same transaction. One query over the waiting index.
   */
  private async tellNear(
    tx: EntityManager,
    day: string,
    centre: string,
    category: HallDepartment,
    at: string,
  ): Promise<void> {
    const ticket = await waitingInCallingOrder(tx, day, centre, [category], at).offset(NEAR_AHEAD).limit(1).getOne();
    if (!ticket?.holderIdNumber || ticket.nearNotifiedAt) return;
    // Two windows calling at once: only the update that finds it untold publishes.
    const { affected } = await tx.update(
      QueueTicket,
      { id: ticket.id, nearNotifiedAt: IsNull() },
      { nearNotifiedAt: at },
    );
    if (affected !== 1) return;
    const { code, name } = await requireCentre(tx, ticket.centre);
    await this.events.publish(tx, {
      type: HallEvents.ticketNear,
      subject: ticket.holderIdNumber,
      data: {
        ticketId: ticket.id,
        number: ticket.number,
        category: ticket.category,
        centre: code,
        centreName: name,
        idNumber: ticket.holderIdNumber,
        ahead: NEAR_AHEAD,
      },
    });
  }

  /** A ticket's event, in the change's transaction; its subject is the ticket, never a person. */
  private async publish<T extends TicketEventType>(tx: EntityManager, type: T, data: EventPayloads[T]): Promise<void> {
    await this.events.publish(tx, { type, subject: `ticket:${data.ticketId}`, data });
  }

  /** What a centre's queue screen shows now (the hall's own centre unless `centreCode` is given). */
  async board(centreCode: string | null = null): Promise<QueueBoard> {
    const day = todayBy(this.clock);
    const m = this.db.manager;
    const centre = centreCode == null ? HOME_CENTRE : (await requireCentre(m, centreCode)).code;
    const waiting: { category: string; n: unknown; green: unknown }[] = await runSql(
      m,
      "SELECT category, COUNT(*) AS n, SUM(CASE WHEN green_channel THEN 1 ELSE 0 END) AS green FROM queue_ticket WHERE day = ? AND centre = ? AND status = ? GROUP BY category",
      [day, centre, QueueTicketStatus.WAITING],
    );
    const called = await m
      .getRepository(QueueTicket)
      .createQueryBuilder("t")
      .where("t.day = :day AND t.centre = :centre AND t.status = :called", {
        day,
        centre,
        called: QueueTicketStatus.CALLED,
      })
      .orderBy("t.called_at", "DESC")
      .addOrderBy("t.id", "DESC")
      .getMany();
    const perCall = await this.minutesPerCall(m, day, centre);
    const nowCalling = new Map<string, QueueTicket>();
    const lastCalled = new Map<string, string>();
    for (const t of called) {
      if (!nowCalling.has(t.window!)) nowCalling.set(t.window!, t);
      if (!lastCalled.has(t.category)) lastCalled.set(t.category, t.number);
    }
    const categories = HALL_DEPARTMENTS.map((category): QueueCategoryStatus => {
      const w = waiting.find((r) => r.category === category);
      const n = num(w?.n);
      return {
        category,
        letter: QUEUE_LETTERS[category],
        waiting: n,
        greenChannelWaiting: num(w?.green),
        lastCalled: lastCalled.get(category) ?? null,
        estimatedWaitMinutes: Math.ceil(n * perCall.get(category)!),
      };
    });
    return { day, nowCalling: [...nowCalling.values()], categories };
  }

  /** Minutes between calls per category today at `centre` (the rule on QueueCategoryStatus.estimatedWaitMinutes). */
  private async minutesPerCall(m: EntityManager, day: string, centre: string): Promise<Map<HallDepartment, number>> {
    const rows: { category: string; n: unknown; first: string; last: string }[] = await runSql(
      m,
      "SELECT category, COUNT(*) AS n, MIN(called_at) AS first, MAX(called_at) AS last FROM queue_ticket WHERE day = ? AND centre = ? AND status = ? GROUP BY category",
      [day, centre, QueueTicketStatus.CALLED],
    );
    const result = new Map<HallDepartment, number>(HALL_DEPARTMENTS.map((c) => [c, DEFAULT_MINUTES_PER_CALL]));
    for (const r of rows) {
      const calls = num(r.n);
      if (calls >= 2)
        result.set(r.category as HallDepartment, (Date.parse(r.last) - Date.parse(r.first)) / 60_000 / (calls - 1));
    }
    return result;
  }
}
