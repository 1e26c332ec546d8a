import type { DataSource, EntityManager, SelectQueryBuilder } from "typeorm";
import {
  addDays,
  BadUserInputError,
  EventPublisher,
  findOneForUpdate,
  optionalText,
  parseCreditCode,
  parseIdNumber,
  parsePastDate,
  requiredText,
  toConnection,
  todayBy,
  yuanToFen,
  type Clock,
  type Connection,
  type PageRequest,
} from "@onewindow/platform";
import { HallEvents, type HallInspectionEvent, type HallMediationEvent } from "@onewindow/contracts";
import type { CalendarService } from "../calendar/calendar.service";
import { parseCaseId } from "../case/case-id";
import { requireCentre } from "../queue/centres";
import { InspectionCase, MediationCase, MediationSession } from "./disputes.entity";
import { LaborInspectionKind, LaborInspectionStatus, MediationOutcome, MediationStatus } from "./disputes.enums";
import type {
  CloseInspectionCaseInput,
  CloseMediationCaseInput,
  IssueRectificationOrderInput,
  OpenInspectionCaseInput,
  OpenMediationCaseInput,
  RecordInspectionFindingsInput,
  RecordMediationSessionInput,
} from "./disputes.inputs";
import { HALL_DISPUTES } from "./disputes.messages";

/**
 * The mediation limit: 《中华人民共和国劳动争议调解仲裁法》第十四条第三款 — “自劳动争议调解组织收到调解
 * 申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁。” Calendar days, the day of receipt not
 * counted (《民法典》第二百零一条); a last day that is a day off moves to the next working day
 * (《民法典》第二百零三条).
 */
export const MEDIATION_LIMIT_DAYS = 15;

/** The longest time limit a rectification order may set here, in working days. */
export const MAX_ORDER_WORKING_DAYS = 60;

/** The last day of the mediation limit for an application received on `appliedOn`. */
export function mediationDueOn(appliedOn: string, isWorkingDay: (day: string) => boolean): string {
  let day = addDays(appliedOn, MEDIATION_LIMIT_DAYS);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** True when a mediation case is still open after the last day of its limit. */
export function mediationOverdue(c: Pick<MediationCase, "status" | "dueOn">, today: string): boolean {
  return c.status === MediationStatus.OPEN && today > c.dueOn;
}

function inspectionEvent(c: InspectionCase): HallInspectionEvent {
  return {
    inspectionId: c.id,
    centre: c.centre,
    creditCode: c.creditCode,
    kind: c.kind,
    status: c.status,
    openedOn: c.openedOn,
    violationFound: c.violationFound,
    rectificationDeadline: c.rectificationDeadline,
    closedOn: c.closedOn,
    revision: c.revision,
  };
}

function mediationEvent(c: MediationCase): HallMediationEvent {
  return {
    mediationId: c.id,
    centre: c.centre,
    idNumber: c.workerIdNumber,
    creditCode: c.creditCode,
    claimFen: c.claimFen,
    appliedOn: c.appliedOn,
    dueOn: c.dueOn,
    sessions: c.sessionCount,
    status: c.status,
    outcome: c.outcome,
    closedOn: c.closedOn,
    revision: c.revision,
  };
}

/** Filters of the case lists. */
export interface DisputeFilter {
  centre?: string | null;
  creditCode?: string | null;
}

/** Labor inspection cases (劳动保障监察): opened, examined, ordered to rectify, closed; each step an event. */
export class InspectionService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async open(input: OpenInspectionCaseInput): Promise<InspectionCase> {
    const creditCode = parseCreditCode(input.creditCode);
    if (!Object.values(LaborInspectionKind).includes(input.kind))
      throw new BadUserInputError(HALL_DISPUTES.unknownKind.with({ kind: String(input.kind) }), "kind");
    const complainant = input.complainantIdNumber
      ? parseIdNumber(input.complainantIdNumber, "complainantIdNumber").idNumber
      : null;
    if (complainant && input.kind === LaborInspectionKind.ROUTINE)
      throw new BadUserInputError(HALL_DISPUTES.routineWithComplainant, "complainantIdNumber");
    const subject = requiredText(input.subject, "subject", 500);
    return this.db.transaction(async (tx) => {
      const centre = await requireCentre(tx, input.centre);
      const c = tx.create(InspectionCase, {
        centre: centre.code,
        creditCode,
        kind: input.kind,
        complainantIdNumber: complainant,
        subject,
        status: LaborInspectionStatus.OPEN,
        openedOn: todayBy(this.clock),
        findings: null,
        violationFound: null,
        findingsOn: null,
        orderRequirement: null,
        orderIssuedOn: null,
        orderWorkingDays: null,
        rectificationDeadline: null,
        closedOn: null,
        conclusion: null,
        revision: 1,
      });
      await tx.save(c);
      await this.publish(tx, HallEvents.inspectionOpened, c);
      return c;
    });
  }

  async recordFindings(input: RecordInspectionFindingsInput): Promise<InspectionCase> {
    const findings = requiredText(input.findings, "findings", 1000);
    return this.change(input.caseId, async (tx, c) => {
      if (c.orderIssuedOn)
        throw new BadUserInputError(HALL_DISPUTES.findingsAfterOrder.with({ caseId: c.id }), "caseId");
      Object.assign(c, { findings, violationFound: !!input.violationFound, findingsOn: todayBy(this.clock) });
      await this.save(tx, c, HallEvents.inspectionExamined);
    });
  }

  async issueOrder(input: IssueRectificationOrderInput): Promise<InspectionCase> {
    const requirement = requiredText(input.requirement, "requirement", 500);
    const workingDays = input.workingDays;
    if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_ORDER_WORKING_DAYS)
      throw new BadUserInputError(
        HALL_DISPUTES.workingDaysRange.with({ min: 1, max: MAX_ORDER_WORKING_DAYS, value: String(workingDays) }),
        "workingDays",
      );
    return this.change(input.caseId, async (tx, c) => {
      if (c.orderIssuedOn)
        throw new BadUserInputError(
          HALL_DISPUTES.orderTwice.with({ caseId: c.id, issuedOn: c.orderIssuedOn }),
          "caseId",
        );
      if (c.violationFound !== true)
        throw new BadUserInputError(HALL_DISPUTES.orderWithoutViolation.with({ caseId: c.id }), "caseId");
      const today = todayBy(this.clock);
      const calendar = await this.calendar.current(tx);
      Object.assign(c, {
        status: LaborInspectionStatus.RECTIFYING,
        orderRequirement: requirement,
        orderIssuedOn: today,
        orderWorkingDays: workingDays,
        rectificationDeadline: calendar.deadline(today, workingDays),
      });
      await this.save(tx, c, HallEvents.inspectionOrdered);
    });
  }

  async close(input: CloseInspectionCaseInput): Promise<InspectionCase> {
    const conclusion = requiredText(input.conclusion, "conclusion", 500);
    return this.change(input.caseId, async (tx, c) => {
      if (c.violationFound === null)
        throw new BadUserInputError(HALL_DISPUTES.closeWithoutFindings.with({ caseId: c.id }), "caseId");
      Object.assign(c, { status: LaborInspectionStatus.CLOSED, closedOn: todayBy(this.clock), conclusion });
      await this.save(tx, c, HallEvents.inspectionClosed);
    });
  }

  find(id: string): Promise<InspectionCase | null> {
    return this.db.manager.findOneBy(InspectionCase, { id: parseCaseId(id) });
  }

  /** Inspection cases, newest first, optionally of one centre, employer or status. */
  async list(
    filter: DisputeFilter & { status?: LaborInspectionStatus | null },
    page: PageRequest,
  ): Promise<Connection<InspectionCase>> {
    const q = this.db.getRepository(InspectionCase).createQueryBuilder("c").orderBy("c.id", "DESC");
    if (filter.centre) q.andWhere("c.centre = :centre", { centre: filter.centre.trim().toUpperCase() });
    if (filter.creditCode) q.andWhere("c.credit_code = :code", { code: parseCreditCode(filter.creditCode) });
    if (filter.status) q.andWhere("c.status = :status", { status: filter.status });
    const [rows, total] = await q.skip(page.offset).take(page.limit).getManyAndCount();
    return toConnection(rows, total, page);
  }

  /** True when a rectification order's deadline has passed and the case is not closed. */
  rectificationOverdue(c: InspectionCase): boolean {
    return (
      c.status === LaborInspectionStatus.RECTIFYING &&
      c.rectificationDeadline !== null &&
      todayBy(this.clock) > c.rectificationDeadline
    );
  }

  private async change(
    caseId: string,
    apply: (tx: EntityManager, c: InspectionCase) => Promise<void>,
  ): Promise<InspectionCase> {
    const id = parseCaseId(caseId);
    return this.db.transaction(async (tx) => {
      const c = await findOneForUpdate(tx, InspectionCase, id);
      if (!c) throw new BadUserInputError(HALL_DISPUTES.noInspectionCase.with({ caseId: id }), "caseId");
      if (c.status === LaborInspectionStatus.CLOSED)
        throw new BadUserInputError(
          HALL_DISPUTES.inspectionClosed.with({ caseId: id, closedOn: String(c.closedOn) }),
          "caseId",
        );
      await apply(tx, c);
      return c;
    });
  }

  private async save(
    tx: EntityManager,
    c: InspectionCase,
    type: (typeof HallEvents)["inspectionExamined" | "inspectionOrdered" | "inspectionClosed"],
  ): Promise<void> {
    c.revision += 1;
    await tx.save(c);
    await this.publish(tx, type, c);
  }

  private publish(
    tx: EntityManager,
    type: (typeof HallEvents)["inspectionOpened" | "inspectionExamined" | "inspectionOrdered" | "inspectionClosed"],
    c: InspectionCase,
  ) {
    return this.events.publish(tx, { type, subject: c.creditCode, data: inspectionEvent(c) });
  }
}

/**
 * Labor dispute mediation cases (劳动争议调解): received, sessions held, closed with an outcome,
 * watched against the 15-day limit ({@link MEDIATION_LIMIT_DAYS}); each step an event.
 */
export class MediationService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async open(input: OpenMediationCaseInput): Promise<MediationCase> {
    const { idNumber } = parseIdNumber(input.workerIdNumber, "workerIdNumber");
    const creditCode = parseCreditCode(input.creditCode);
    const claimFen = yuanToFen(input.claim, "claim");
    const matter = requiredText(input.matter, "matter", 500);
    const appliedOn = input.appliedOn ? parsePastDate(input.appliedOn, "appliedOn", this.clock) : todayBy(this.clock);
    return this.db.transaction(async (tx) => {
      const centre = await requireCentre(tx, input.centre);
      const calendar = await this.calendar.current(tx);
      const c = tx.create(MediationCase, {
        centre: centre.code,
        workerIdNumber: idNumber,
        creditCode,
        claimFen,
        matter,
        appliedOn,
        dueOn: mediationDueOn(appliedOn, (day) => calendar.isWorkingDay(day)),
        status: MediationStatus.OPEN,
        outcome: null,
        closedOn: null,
        closingNote: null,
        sessionCount: 0,
        revision: 1,
      });
      await tx.save(c);
      await this.publish(tx, HallEvents.mediationOpened, c);
      return c;
    });
  }

  async recordSession(input: RecordMediationSessionInput): Promise<MediationSession> {
    const note = requiredText(input.note, "note", 500);
    const heldOn = input.heldOn ? parsePastDate(input.heldOn, "heldOn", this.clock) : todayBy(this.clock);
    let session: MediationSession | null = null;
    await this.change(input.caseId, async (tx, c) => {
      if (heldOn < c.appliedOn)
        throw new BadUserInputError(
          HALL_DISPUTES.sessionBeforeApplication.with({ heldOn, appliedOn: c.appliedOn }),
          "heldOn",
        );
      session = tx.create(MediationSession, { caseId: c.id, heldOn, note });
      await tx.save(session);
      c.sessionCount += 1;
      await this.save(tx, c, HallEvents.mediationHeard);
    });
    return session!;
  }

  async close(input: CloseMediationCaseInput): Promise<MediationCase> {
    if (!Object.values(MediationOutcome).includes(input.outcome))
      throw new BadUserInputError(HALL_DISPUTES.unknownOutcome.with({ outcome: String(input.outcome) }), "outcome");
    const note = optionalText(input.note, "note", 500);
    if (input.outcome === MediationOutcome.AGREEMENT && !note)
      throw new BadUserInputError(HALL_DISPUTES.agreementNeedsTerms, "note");
    return this.change(input.caseId, async (tx, c) => {
      if (input.outcome === MediationOutcome.AGREEMENT && c.sessionCount === 0)
        throw new BadUserInputError(HALL_DISPUTES.agreementWithoutSession.with({ caseId: c.id }), "outcome");
      Object.assign(c, {
        status: MediationStatus.CLOSED,
        outcome: input.outcome,
        closedOn: todayBy(this.clock),
        closingNote: note,
      });
      await this.save(tx, c, HallEvents.mediationClosed);
    });
  }

  find(id: string): Promise<MediationCase | null> {
    return this.db.manager.findOneBy(MediationCase, { id: parseCaseId(id) });
  }

  /** Mediation cases, newest first, optionally of one centre, employer or status. */
  async list(filter: DisputeFilter & { status?: MediationStatus | null }, page: PageRequest) {
    const q = this.db.getRepository(MediationCase).createQueryBuilder("c").orderBy("c.id", "DESC");
    this.filter(q, filter);
    if (filter.status) q.andWhere("c.status = :status", { status: filter.status });
    const [rows, total] = await q.skip(page.offset).take(page.limit).getManyAndCount();
    return toConnection(rows, total, page);
  }

  /** Open cases past the last day of their limit, the longest overdue first. */
  async overdue(filter: DisputeFilter, page: PageRequest): Promise<Connection<MediationCase>> {
    const q = this.db
      .getRepository(MediationCase)
      .createQueryBuilder("c")
      .where("c.status = :open", { open: MediationStatus.OPEN })
      .andWhere("c.due_on < :today", { today: todayBy(this.clock) })
      .orderBy("c.due_on", "ASC")
      .addOrderBy("c.id", "ASC");
    this.filter(q, filter);
    const [rows, total] = await q.skip(page.offset).take(page.limit).getManyAndCount();
    return toConnection(rows, total, page);
  }

  isOverdue(c: MediationCase): boolean {
    return mediationOverdue(c, todayBy(this.clock));
  }

  /** The sessions of each case, in the order they were held. */
  async sessionsOf(caseIds: readonly number[]): Promise<MediationSession[][]> {
    if (caseIds.length === 0) return [];
    const rows = await this.db
      .getRepository(MediationSession)
      .createQueryBuilder("s")
      .where("s.case_id IN (:...ids)", { ids: [...caseIds] })
      .orderBy("s.held_on", "ASC")
      .addOrderBy("s.id", "ASC")
      .getMany();
    return caseIds.map((id) => rows.filter((r) => r.caseId === id));
  }

  private filter(q: SelectQueryBuilder<MediationCase>, filter: DisputeFilter): void {
    if (filter.centre) q.andWhere("c.centre = :centre", { centre: filter.centre.trim().toUpperCase() });
    if (filter.creditCode) q.andWhere("c.credit_code = :code", { code: parseCreditCode(filter.creditCode) });
  }

  private async change(
    caseId: string,
    apply: (tx: EntityManager, c: MediationCase) => Promise<void>,
  ): Promise<MediationCase> {
    const id = parseCaseId(caseId);
    return this.db.transaction(async (tx) => {
      const c = await findOneForUpdate(tx, MediationCase, id);
      if (!c) throw new BadUserInputError(HALL_DISPUTES.noMediationCase.with({ caseId: id }), "caseId");
      if (c.status === MediationStatus.CLOSED)
        throw new BadUserInputError(
          HALL_DISPUTES.mediationClosed.with({ caseId: id, closedOn: String(c.closedOn) }),
          "caseId",
        );
      await apply(tx, c);
      return c;
    });
  }

  private async save(
    tx: EntityManager,
    c: MediationCase,
    type: (typeof HallEvents)["mediationHeard" | "mediationClosed"],
  ): Promise<void> {
    c.revision += 1;
    await tx.save(c);
    await this.publish(tx, type, c);
  }

  private publish(
    tx: EntityManager,
    type: (typeof HallEvents)["mediationOpened" | "mediationHeard" | "mediationClosed"],
    c: MediationCase,
  ) {
    // A person event: the worker is its subject, as the ID number is in its payload.
    return this.events.publish(tx, { type, subject: c.workerIdNumber, data: mediationEvent(c) });
  }
}
