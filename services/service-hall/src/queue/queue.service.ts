import type { DataSource, EntityManager } from "typeorm";
import { ANONYMOUS, type Caller } from "@onewindow/contracts";
import {
  ageOn,
  BadUserInputError,
  ForbiddenError,
  isUniqueViolation,
  parseIdNumber,
  requiredText,
  todayBy,
  type Clock,
  num,
  runSql,
} from "@onewindow/platform";
import { HALL_DEPARTMENTS, HallDepartment, QUEUE_LETTERS } from "../catalogue/catalogue.enums";
import { QueueBoard, QueueCategoryStatus } from "./queue-board.types";
import { QueuePriority, QueueTicketStatus } from "./queue.enums";
import type { CallNextTicketInput, TakeQueueTicketInput } from "./queue.inputs";
import { QueueTicket } from "./queue-ticket.entity";

/** The age from which a citizen may take an ELDERLY ticket at the machine. */
const ELDERLY_AGE = 60;

/** Minutes per call assumed before a category has two calls today to measure it by. */
const DEFAULT_MINUTES_PER_CALL = 5;
// Two clerks taking tickets at the same instant on PostgreSQL: the loser of the unique index retries.
const NUMBERING_ATTEMPTS = 5;

const ticketNumber = (category: HallDepartment, seq: number) =>
  `${QUEUE_LETTERS[category]}${String(seq).padStart(3, "0")}`;

function checkCategory(category: HallDepartment, field: string): HallDepartment {
  if (!HALL_DEPARTMENTS.includes(category)) throw new BadUserInputError(`unknown category ${category}`, field);
  return category;
}

/** The queue-number system (排队叫号): numbering per category per day, green channel first. */
export class QueueService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

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
      throw new BadUserInputError(`unknown priority ${priority}`, "priority");
    if (priority !== QueuePriority.NORMAL && !caller.roles.includes("window_clerk"))
      this.checkGreenChannel(priority, input.idNumber ?? caller.idNumber);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((tx) => this.issue(tx, category, priority));
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= NUMBERING_ATTEMPTS) throw err;
      }
    }
  }

  private checkGreenChannel(priority: QueuePriority, idNumber: string | null | undefined): void {
    if (priority === QueuePriority.DISABLED) {
      throw new ForbiddenError(
        "爱心通道号须由窗口工作人员发放，请到咨询台办理。DISABLED tickets are issued by a window clerk.",
      );
    }
    if (!idNumber)
      throw new BadUserInputError(
        "老年人绿色通道须提供本人身份证号码（年满60周岁）。ELDERLY needs the holder's ID number.",
        "idNumber",
      );
    const { birthDate } = parseIdNumber(idNumber, "idNumber");
    if (ageOn(birthDate, todayBy(this.clock)) < ELDERLY_AGE) {
      throw new BadUserInputError(
        `身份证号码显示未满${ELDERLY_AGE}周岁，不能领取老年人绿色通道号。The holder is under ${ELDERLY_AGE}.`,
        "idNumber",
      );
    }
  }

  private async issue(tx: EntityManager, category: HallDepartment, priority: QueuePriority): Promise<QueueTicket> {
    const now = this.clock();
    const day = todayBy(this.clock);
    const [last] = await runSql(tx, "SELECT MAX(seq) AS seq FROM queue_ticket WHERE day = ? AND category = ?", [
      day,
      category,
    ]);
    const seq = num(last.seq) + 1;
    const greenChannel = priority !== QueuePriority.NORMAL;
    const ticket = tx.create(QueueTicket, {
      day,
      category,
      seq,
      number: ticketNumber(category, seq),
      priority,
      greenChannel,
      status: QueueTicketStatus.WAITING,
      takenAt: now.toISOString(),
      calledAt: null,
      calledOn: null,
      window: null,
      waitSeconds: null,
    });
    await tx.insert(QueueTicket, ticket);
    // Green-channel tickets only wait for earlier green-channel tickets; ordinary ones for every ticket.
    const [ahead] = await runSql(
      tx,
      `SELECT COUNT(*) AS n FROM queue_ticket WHERE day = ? AND status = ? AND category = ? AND id < ?${greenChannel ? " AND green_channel = ?" : ""}`,
      greenChannel
        ? [day, QueueTicketStatus.WAITING, category, ticket.id, true]
        : [day, QueueTicketStatus.WAITING, category, ticket.id],
    );
    ticket.waitingAhead = num(ahead.n);
    ticket.estimatedWaitMinutes = Math.ceil(ticket.waitingAhead * (await this.minutesPerCall(tx, day)).get(category)!);
    return ticket;
  }

  /**
   * Calls the next ticket of today for a window: green channel first, then in the order taken,
   * across the window's categories. Null when nobody is waiting.
   */
  async callNext(input: CallNextTicketInput): Promise<QueueTicket | null> {
    const window = requiredText(input.window, "window", 20);
    const categories = input.categories ?? HALL_DEPARTMENTS;
    if (categories.length === 0)
      throw new BadUserInputError("name at least one category, or leave it out for every category", "categories");
    categories.forEach((c) => checkCategory(c, "categories"));
    const now = this.clock();
    const day = todayBy(this.clock);
    return this.db.transaction(async (tx) => {
      const next = await tx
        .getRepository(QueueTicket)
        .createQueryBuilder("t")
        .where("t.day = :day AND t.status = :waiting AND t.category IN (:...categories)", {
          day,
          waiting: QueueTicketStatus.WAITING,
          categories,
        })
        .orderBy("t.green_channel", "DESC")
        .addOrderBy("t.id", "ASC")
        .getOne();
      if (!next) return null;
      const waitSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(next.takenAt)) / 1000));
      Object.assign(next, {
        status: QueueTicketStatus.CALLED,
        calledAt: now.toISOString(),
        calledOn: day,
        window,
        waitSeconds,
      });
      await tx.update(
        QueueTicket,
        { id: next.id },
        { status: next.status, calledAt: next.calledAt, calledOn: day, window, waitSeconds },
      );
      return next;
    });
  }

  /** What the hall screen shows now. */
  async board(): Promise<QueueBoard> {
    const day = todayBy(this.clock);
    const m = this.db.manager;
    const waiting: { category: string; n: unknown; green: unknown }[] = await runSql(
      m,
      "SELECT category, COUNT(*) AS n, SUM(CASE WHEN green_channel THEN 1 ELSE 0 END) AS green FROM queue_ticket WHERE day = ? AND status = ? GROUP BY category",
      [day, QueueTicketStatus.WAITING],
    );
    const called = await m
      .getRepository(QueueTicket)
      .createQueryBuilder("t")
      .where("t.day = :day AND t.status = :called", { day, called: QueueTicketStatus.CALLED })
      .orderBy("t.called_at", "DESC")
      .addOrderBy("t.id", "DESC")
      .getMany();
    const perCall = await this.minutesPerCall(m, day);
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

  /** Minutes between calls per category today (the rule on QueueCategoryStatus.estimatedWaitMinutes). */
  private async minutesPerCall(m: EntityManager, day: string): Promise<Map<HallDepartment, number>> {
    const rows: { category: string; n: unknown; first: string; last: string }[] = await runSql(
      m,
      "SELECT category, COUNT(*) AS n, MIN(called_at) AS first, MAX(called_at) AS last FROM queue_ticket WHERE day = ? AND status = ? GROUP BY category",
      [day, QueueTicketStatus.CALLED],
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
