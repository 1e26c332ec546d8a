import { In, type DataSource, type EntityManager } from "typeorm";
import {
  BadUserInputError,
  isValidDate,
  num,
  optionalText,
  parsePastDate,
  requiredText,
  runSql,
  todayBy,
  type Clock,
} from "@onewindow/platform";
import { enumLabel } from "@onewindow/contracts/i18n";
import { HALL } from "../messages";
import { requireCentre } from "../queue/centres";
import { parseRecordId } from "../queue/checks";
import { chooseStars, SERVICE_STAR_RULE, type StarCandidate } from "./service-star.rule";
import { CommitmentReview, StaffCommitment, WindowStaff } from "./staff.entity";
import { PARTY_BADGES, WindowStaffBadge } from "./staff.enums";
import type { RecordCommitmentInput, RecordWindowStaffInput, ReviewCommitmentInput } from "./staff.inputs";
import { HALL_STAFF } from "./staff.messages";
import { ServiceStar, StaffBadge, StaffKpis } from "./staff.types";

/** Public duties a sign holds at most. */
export const MAX_DUTIES = 10;

const STAFF_NUMBER = /^[A-Za-z0-9_-]{1,20}$/;

/** A staff number as given (trimmed), or BAD_USER_INPUT on `field`. */
export function parseStaffNumber(value: string, field = "staffNumber"): string {
  const text = String(value ?? "").trim();
  if (!STAFF_NUMBER.test(text)) throw new BadUserInputError(HALL_STAFF.badStaffNumber.with({ value: text }), field);
  return text;
}

/** The staff member of `staffNumber`, or BAD_USER_INPUT on `field` for one the hall has no record of. */
export async function requireStaff(
  tx: EntityManager,
  staffNumber: string,
  field = "staffNumber",
): Promise<WindowStaff> {
  const number = parseStaffNumber(staffNumber, field);
  const staff = await tx.findOneBy(WindowStaff, { staffNumber: number });
  if (!staff) throw new BadUserInputError(HALL_STAFF.unknownStaff.with({ staffNumber: number }), field);
  return staff;
}

/**
 * The staff number a change is recorded under: the signed-in clerk's token subject when the hall
 * has a staff record of that number, otherwise null (an operator account, a test, a machine).
 */
export async function knownStaff(tx: EntityManager, userId: string | null | undefined): Promise<string | null> {
  if (!userId || !STAFF_NUMBER.test(userId)) return null;
  return (await tx.findOneBy(WindowStaff, { staffNumber: userId }))?.staffNumber ?? null;
}

/** The first and last day of a month "2026-11", or BAD_USER_INPUT. */
export function monthDays(month: string, field = "month"): { from: string; to: string } {
  const text = String(month ?? "").trim();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(text))
    throw new BadUserInputError(HALL_STAFF.notAMonth.with({ value: text }), field);
  const [y, m] = text.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${text}-01`, to: `${text}-${String(last).padStart(2, "0")}` };
}

function checkPeriod(from: string, to: string): void {
  if (!isValidDate(from)) throw new BadUserInputError(HALL.dateNotExisting.with({ date: from }), "from");
  if (!isValidDate(to)) throw new BadUserInputError(HALL.dateNotExisting.with({ date: to }), "to");
  if (from > to) throw new BadUserInputError(HALL.periodReversed.with({ from, to }), "from");
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** One person's counts of a period, as the KPI and the star rule read them. */
type Counts = StarCandidate & { onSite: number; ticketsCalled: number };

const emptyCounts = (staffNumber: string): Counts => ({
  staffNumber,
  casesHandled: 0,
  onTime: 0,
  onSite: 0,
  evaluations: 0,
  unsatisfied: 0,
  ticketsCalled: 0,
});

function toKpis(c: Counts, from: string, to: string): StaffKpis {
  return {
    staffNumber: c.staffNumber,
    from,
    to,
    casesHandled: c.casesHandled,
    onTime: c.onTime,
    onSite: c.onSite,
    onTimeRate: rate(c.onTime, c.casesHandled),
    onSiteRate: rate(c.onSite, c.casesHandled),
    evaluations: c.evaluations,
    unsatisfied: c.unsatisfied,
    satisfactionRate: rate(c.evaluations - c.unsatisfied, c.evaluations),
    ticketsCalled: c.ticketsCalled,
  };
}

/** The sign on a staff member's window. */
export function badgeOf(staff: WindowStaff, commitments: readonly StaffCommitment[]): StaffBadge {
  return {
    name: staff.name,
    centre: staff.centre,
    window: staff.window,
    badges: staff.badges,
    duties: staff.duties,
    commitments: commitments.map((c) => c.text),
  };
}

/** Window staff: their records, signs and commitments, their figures and the month's stars. */
export class StaffService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Records a staff member (or replaces their record): the administrator. */
  async record(input: RecordWindowStaffInput): Promise<WindowStaff> {
    const staffNumber = parseStaffNumber(input.staffNumber);
    const name = requiredText(input.name, "name", 20);
    const window = requiredText(input.window, "window", 20);
    const badges = [...new Set(input.badges ?? [])];
    for (const badge of badges) {
      if (!Object.values(WindowStaffBadge).includes(badge))
        throw new BadUserInputError(HALL_STAFF.unknownBadge.with({ badge }), "badges");
      if (PARTY_BADGES.includes(badge) && !input.partyMember)
        throw new BadUserInputError(
          HALL_STAFF.partyBadgeNeedsMember.with({ badge, badgeName: enumLabel("WindowStaffBadge", badge) }),
          "badges",
        );
    }
    const duties = (input.duties ?? []).map((d) => requiredText(d, "duties", 100));
    if (duties.length > MAX_DUTIES)
      throw new BadUserInputError(HALL_STAFF.tooManyDuties.with({ max: MAX_DUTIES }), "duties");
    return this.db.transaction(async (tx) => {
      const centre = await requireCentre(tx, input.centre);
      const staff = tx.create(WindowStaff, {
        staffNumber,
        name,
        centre: centre.code,
        window,
        partyMember: input.partyMember === true,
        badges,
        duties,
        recordedAt: this.clock().toISOString(),
      });
      await tx.save(staff);
      return staff;
    });
  }

  /** A staff member's record, or null. */
  find(staffNumber: string): Promise<WindowStaff | null> {
    return this.db.manager.findOneBy(WindowStaff, { staffNumber: parseStaffNumber(staffNumber) });
  }

  /** The signs of a centre's windows (or of one window), by window then staff number. */
  async badges(centreCode: string, window: string | null | undefined): Promise<StaffBadge[]> {
    const centre = await requireCentre(this.db.manager, centreCode);
    const post = optionalText(window, "window", 20);
    const staff = await this.db.manager.find(WindowStaff, {
      where: post === null ? { centre: centre.code } : { centre: centre.code, window: post },
      order: { window: "ASC", staffNumber: "ASC" },
    });
    const commitments = await this.commitmentsOf(staff.map((s) => s.staffNumber));
    return staff.map((s, i) => badgeOf(s, commitments[i]));
  }

  /** The commitments of each of `staffNumbers`, oldest first. */
  async commitmentsOf(staffNumbers: readonly string[]): Promise<StaffCommitment[][]> {
    const rows =
      staffNumbers.length === 0
        ? []
        : await this.db.manager.find(StaffCommitment, {
            where: { staffNumber: In([...staffNumbers]) },
            order: { madeOn: "ASC", id: "ASC" },
          });
    return staffNumbers.map((n) => rows.filter((r) => r.staffNumber === n));
  }

  /** The reviews of each of `commitmentIds`, oldest first. */
  async reviewsOf(commitmentIds: readonly number[]): Promise<CommitmentReview[][]> {
    const rows =
      commitmentIds.length === 0
        ? []
        : await this.db.manager.find(CommitmentReview, {
            where: { commitmentId: In([...commitmentIds]) },
            order: { reviewedOn: "ASC", id: "ASC" },
          });
    return commitmentIds.map((id) => rows.filter((r) => r.commitmentId === id));
  }

  /** Enters a public commitment in the ledger. */
  async recordCommitment(input: RecordCommitmentInput): Promise<StaffCommitment> {
    const text = requiredText(input.text, "text", 200);
    const madeOn = input.madeOn ? parsePastDate(input.madeOn, "madeOn", this.clock) : todayBy(this.clock);
    return this.db.transaction(async (tx) => {
      const staff = await requireStaff(tx, input.staffNumber);
      const commitment = tx.create(StaffCommitment, { staffNumber: staff.staffNumber, text, madeOn });
      await tx.save(commitment);
      return commitment;
    });
  }

  /** Records a review of a commitment (践诺评诺), dated today. */
  async reviewCommitment(input: ReviewCommitmentInput): Promise<CommitmentReview> {
    const commitmentId = parseRecordId(input.commitmentId, "commitmentId", HALL_STAFF.notACommitmentNumber);
    const reviewer = requiredText(input.reviewer, "reviewer", 40);
    const note = optionalText(input.note, "note", 200);
    return this.db.transaction(async (tx) => {
      const commitment = await tx.findOneBy(StaffCommitment, { id: commitmentId });
      if (!commitment)
        throw new BadUserInputError(HALL_STAFF.unknownCommitment.with({ id: commitmentId }), "commitmentId");
      const review = tx.create(CommitmentReview, {
        commitmentId,
        kept: input.kept === true,
        reviewer,
        note,
        reviewedOn: todayBy(this.clock),
      });
      await tx.save(review);
      return review;
    });
  }

  /** A staff member's figures over from..to (both inclusive). */
  async kpis(staffNumber: string, from: string, to: string): Promise<StaffKpis> {
    checkPeriod(from, to);
    const staff = await requireStaff(this.db.manager, staffNumber);
    const counts = await this.counts(this.db.manager, from, to, { staffNumber: staff.staffNumber });
    return toKpis(counts.get(staff.staffNumber) ?? emptyCounts(staff.staffNumber), from, to);
  }

  /** The month's service stars of a centre, by {@link SERVICE_STAR_RULE}. */
  async stars(centreCode: string, month: string): Promise<ServiceStar[]> {
    const { from, to } = monthDays(month);
    const m = this.db.manager;
    const centre = await requireCentre(m, centreCode);
    const staff = await m.find(WindowStaff, { where: { centre: centre.code } });
    const counts = await this.counts(m, from, to, { centre: centre.code });
    const candidates = staff.map((s) => counts.get(s.staffNumber) ?? emptyCounts(s.staffNumber));
    const chosen = chooseStars(candidates, SERVICE_STAR_RULE);
    const commitments = await this.commitmentsOf(chosen.map((c) => c.candidate.staffNumber));
    return chosen.map(({ candidate, score, rank }, i) => ({
      rank,
      staffNumber: candidate.staffNumber,
      badge: badgeOf(
        staff.find((s) => s.staffNumber === candidate.staffNumber)!,
        commitments[i],
      ),
      kpis: toKpis(candidate, from, to),
      score,
    }));
  }

  /**
   * Each person's counts over from..to: of one staff member, or of a centre's staff (joined on
   * their records). Three grouped aggregates over the staff indexes of cases, evaluations and tickets.
   */
  private async counts(
    m: EntityManager,
    from: string,
    to: string,
    who: { staffNumber: string } | { centre: string },
  ): Promise<Map<string, Counts>> {
    const [join, where, param] =
      "staffNumber" in who
        ? ["", "x.staff_number = ?", who.staffNumber]
        : ["JOIN hall_window_staff s ON s.staff_number = x.staff_number", "s.centre = ?", who.centre];
    const cases: Record<string, unknown>[] = await runSql(
      m,
      `SELECT x.staff_number, COUNT(*) AS cases,
         SUM(CASE WHEN x.completed_on <= x.deadline THEN 1 ELSE 0 END) AS on_time,
         SUM(CASE WHEN x.completed_on = x.opened_on THEN 1 ELSE 0 END) AS on_site
       FROM hall_case x ${join} WHERE ${where} AND x.completed_on >= ? AND x.completed_on <= ? GROUP BY x.staff_number`,
      [param, from, to],
    );
    const evaluations: Record<string, unknown>[] = await runSql(
      m,
      `SELECT x.staff_number, COUNT(*) AS evaluations,
         SUM(CASE WHEN x.rating = 'UNSATISFIED' THEN 1 ELSE 0 END) AS unsatisfied
       FROM hall_evaluation x ${join} WHERE ${where} AND x.evaluated_on >= ? AND x.evaluated_on <= ? GROUP BY x.staff_number`,
      [param, from, to],
    );
    const tickets: Record<string, unknown>[] = await runSql(
      m,
      `SELECT x.staff_number, COUNT(*) AS tickets
       FROM queue_ticket x ${join} WHERE ${where} AND x.called_on >= ? AND x.called_on <= ? GROUP BY x.staff_number`,
      [param, from, to],
    );
    const result = new Map<string, Counts>();
    const of = (n: unknown) => {
      const key = String(n);
      return result.get(key) ?? result.set(key, emptyCounts(key)).get(key)!;
    };
    for (const r of cases)
      Object.assign(of(r.staff_number), {
        casesHandled: num(r.cases),
        onTime: num(r.on_time),
        onSite: num(r.on_site),
      });
    for (const r of evaluations)
      Object.assign(of(r.staff_number), { evaluations: num(r.evaluations), unsatisfied: num(r.unsatisfied) });
    for (const r of tickets) of(r.staff_number).ticketsCalled = num(r.tickets);
    return result;
  }
}
