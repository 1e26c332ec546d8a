import type { EntityManager } from "typeorm";
import { num, runSql } from "@onewindow/platform";

/** One row of grouped counts: which window, which line, which channel (or which centre), and the sums. */
export interface KpiRow {
  window: string | null;
  department: string | null;
  channel?: string;
  /** Set when the reader groups by centre (rankings). */
  centre?: string;
  counts: Record<string, number>;
}

/**
 * Which rows a reader counts and how it groups them: the centres (null: every centre) and
 * BY_WINDOW (window, line of business, channel: one centre's or one district's hallKpis) or
 * BY_CENTRE (a ranking's rows, one per centre).
 */
export interface KpiScope {
  centres: readonly string[] | null;
  group: "BY_WINDOW" | "BY_CENTRE";
}

/**
 * Reads a period's KPI counts with five grouped aggregates, each over an index that covers it
 * (hall_case_completed / hall_case_centre_completed, hall_case_due / hall_case_centre_due,
 * hall_evaluation_period / hall_evaluation_centre, queue_ticket_called / queue_ticket_centre_called,
 * hall_rectification_due / hall_rectification_centre): the database sums 70,000 cases without
 * touching the table rows, so no rollup table is needed (see the figures in the demo-data test).
 */
export class KpiReader {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: KpiScope = { centres: null, group: "BY_WINDOW" },
  ) {}

  /** ` AND centre IN (…)` with its parameters, or nothing for every centre. */
  private centreFilter(): [string, string[]] {
    const { centres } = this.scope;
    if (centres === null) return ["", []];
    // An empty scope matches nothing (a code no row carries keeps the SQL valid).
    const codes = centres.length === 0 ? [""] : [...centres];
    return [` AND centre IN (${codes.map(() => "?").join(", ")})`, codes];
  }

  /** The grouping columns: `windowColumns` per window, or the centre alone. */
  private grouping(windowColumns: string): string {
    return this.scope.group === "BY_CENTRE" ? "centre" : windowColumns;
  }

  private row(r: Record<string, unknown>, department: unknown, counts: Record<string, number>): KpiRow {
    if (this.scope.group === "BY_CENTRE") return { window: null, department: null, centre: r.centre as string, counts };
    return {
      window: (r.window_code as string | null) ?? null,
      department: (department as string | null) ?? null,
      channel: r.channel as string | undefined,
      counts,
    };
  }

  async cases(from: string, to: string): Promise<KpiRow[]> {
    const [filter, codes] = this.centreFilter();
    const group = this.grouping("window_code, department");
    const rows: Record<string, unknown>[] = await runSql(
      this.manager,
      `SELECT ${group}, COUNT(*) AS cases,
         SUM(CASE WHEN completed_on = opened_on THEN 1 ELSE 0 END) AS on_site
       FROM hall_case WHERE completed_on >= ? AND completed_on <= ?${filter} GROUP BY ${group}`,
      [from, to, ...codes],
    );
    return rows.map((r) => this.row(r, r.department, { cases: num(r.cases), onSite: num(r.on_site) }));
  }

  /**
   * Cases whose deadline falls in the period and that count for the on-time rate on `today`:
   * completed (on time when on or before the deadline), or still open with the deadline passed
   * (not on time). An open case not yet past its deadline is not counted, either way.
   */
  async due(from: string, to: string, today: string): Promise<KpiRow[]> {
    const [filter, codes] = this.centreFilter();
    const group = this.grouping("window_code, department");
    const rows: Record<string, unknown>[] = await runSql(
      this.manager,
      `SELECT ${group}, COUNT(*) AS due,
         SUM(CASE WHEN completed_on IS NOT NULL AND completed_on <= deadline THEN 1 ELSE 0 END) AS on_time
       FROM hall_case WHERE deadline >= ? AND deadline <= ? AND (completed_on IS NOT NULL OR deadline < ?)${filter}
       GROUP BY ${group}`,
      [from, to, today, ...codes],
    );
    return rows.map((r) => this.row(r, r.department, { due: num(r.due), onTime: num(r.on_time) }));
  }

  async evaluations(from: string, to: string): Promise<KpiRow[]> {
    const [filter, codes] = this.centreFilter();
    const group = this.grouping("window_code, department, channel");
    const rows: Record<string, unknown>[] = await runSql(
      this.manager,
      `SELECT ${group}, COUNT(*) AS evaluations,
         SUM(CASE WHEN rating <> 'UNSATISFIED' THEN 1 ELSE 0 END) AS satisfied
       FROM hall_evaluation WHERE evaluated_on >= ? AND evaluated_on <= ?${filter} GROUP BY ${group}`,
      [from, to, ...codes],
    );
    return rows.map((r) => this.row(r, r.department, { evaluations: num(r.evaluations), satisfied: num(r.satisfied) }));
  }

  async tickets(from: string, to: string): Promise<KpiRow[]> {
    const [filter, codes] = this.centreFilter();
    const group = this.grouping("window_code, category");
    const rows: Record<string, unknown>[] = await runSql(
      this.manager,
      `SELECT ${group}, COUNT(*) AS tickets, SUM(wait_seconds) AS wait
       FROM queue_ticket WHERE called_on >= ? AND called_on <= ?${filter} GROUP BY ${group}`,
      [from, to, ...codes],
    );
    return rows.map((r) => this.row(r, r.category, { ticketsCalled: num(r.tickets), waitSeconds: num(r.wait) }));
  }

  /**
   * Cases, cases due, evaluations and called tickets of the period at once, from the roll-up
   * (hall_kpi_rollup, kept by triggers in the records' transactions): whole years and months before
   * today's month from its year and month rows, whole weeks of a month before today from its week
   * rows, the rest from its day rows (from the roll-up of the fewest rows that has the scope's
   * key columns). Open cases count as due once their
   * deadline has passed (before `today`), as in {@link due}. Evaluations come as one row per
   * channel, the other counts as a row without channel; window and line '' are none (null).
   */
  /** The roll-up with the fewest rows that has this scope's key columns (SQLite keeps only the detailed one). */
  private rollupTable(): string {
    if (this.manager.connection.options.type !== "postgres") return "hall_kpi_rollup";
    if (this.scope.group === "BY_CENTRE") return "hall_kpi_centre_rollup";
    return this.scope.centres === null ? "hall_kpi_window_rollup" : "hall_kpi_rollup";
  }

  async rolledUp(from: string, to: string, today: string): Promise<KpiRow[]> {
    const [filter, codes] = this.centreFilter();
    const { years, months, weeks, days } = rollupParts(from, to, today);
    const parts: string[] = [];
    const params: string[] = [today];
    if (years) {
      parts.push("(kind = 'Y' AND day >= ? AND day <= ?)");
      params.push(...years);
    }
    for (const range of months) {
      parts.push("(kind = 'M' AND day >= ? AND day <= ?)");
      params.push(...range);
    }
    for (const range of weeks) {
      parts.push("(kind = 'W' AND day >= ? AND day <= ?)");
      params.push(...range);
    }
    for (const range of days) {
      parts.push("(kind = 'D' AND day >= ? AND day <= ?)");
      params.push(...range);
    }
    const group = this.grouping("window_code, department");
    const rows: Record<string, unknown>[] = await runSql(
      this.manager,
      `SELECT ${group}, SUM(cases) AS cases, SUM(on_site) AS on_site,
         SUM(due_completed) + SUM(CASE WHEN day < ? THEN open_due ELSE 0 END) AS due, SUM(due_on_time) AS on_time,
         SUM(eval_device) AS eval_device, SUM(sat_device) AS sat_device, SUM(eval_form) AS eval_form,
         SUM(sat_form) AS sat_form, SUM(eval_online) AS eval_online, SUM(sat_online) AS sat_online,
         SUM(tickets) AS tickets, SUM(wait_seconds) AS wait
       FROM ${this.rollupTable()} WHERE (${parts.join(" OR ")})${filter} GROUP BY ${group}`,
      [...params, ...codes],
    );
    const countsOf = (r: Record<string, unknown>): Record<string, number> => ({
      cases: num(r.cases),
      onSite: num(r.on_site),
      due: num(r.due),
      onTime: num(r.on_time),
      ticketsCalled: num(r.tickets),
      waitSeconds: num(r.wait),
    });
    // A ranking sums every channel into its centre: one row per centre, built without copies,
    // since the city's ranking reads a row for each of its thousand centres per request.
    if (this.scope.group === "BY_CENTRE")
      return rows.map((r) => ({
        window: null,
        department: null,
        centre: r.centre as string,
        counts: {
          ...countsOf(r),
          evaluations: num(r.eval_device) + num(r.eval_form) + num(r.eval_online),
          satisfied: num(r.sat_device) + num(r.sat_form) + num(r.sat_online),
        },
      }));
    return rows.flatMap((r) => {
      const at = { ...r, window_code: r.window_code === "" ? null : r.window_code };
      const department = r.department === "" ? null : r.department;
      const counts = countsOf(r);
      const channels = (["DEVICE", "FORM", "ONLINE"] as const).map((channel) => {
        const key = channel.toLowerCase();
        return this.row({ ...at, channel }, department, {
          evaluations: num(r[`eval_${key}`]),
          satisfied: num(r[`sat_${key}`]),
        });
      });
      return [this.row(at, department, counts), ...channels];
    });
  }

  async rectifications(from: string, to: string): Promise<KpiRow[]> {
    const [filter, codes] = this.centreFilter();
    const group = this.grouping("window_code");
    const rows: Record<string, unknown>[] = await runSql(
      this.manager,
      `SELECT ${group}, COUNT(*) AS due, SUM(CASE WHEN resolved_on IS NOT NULL AND resolved_on <= deadline THEN 1 ELSE 0 END) AS on_time
       FROM hall_rectification WHERE deadline >= ? AND deadline <= ?${filter} GROUP BY ${group}`,
      [from, to, ...codes],
    );
    return rows.map((r) =>
      this.row(r, null, { rectificationsDue: num(r.due), rectificationsResolvedOnTime: num(r.on_time) }),
    );
  }
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));

/** The parts of a period the roll-up answers it from: ranges of the first days of its rows at each level. */
export interface RollupParts {
  years: [string, string] | null;
  months: [string, string][];
  weeks: [string, string][];
  days: [string, string][];
}

/**
 * How the roll-up answers from..to: the whole years (`years`, first days of the first and last)
 * and whole months (`months`, ranges of first days) of the period that end before today's month,
 * so every open case in them is already past its deadline or not; then, around them, the whole
 * weeks of a month (days 1-7, 8-14, 15-21, 22-28) that end before today, and the days left.
 */
export function rollupParts(from: string, to: string, today: string): RollupParts {
  const { years, months, days } = monthParts(from, to, today);
  const split = days.map(([a, b]) => weekParts(a, b, today));
  return { years, months, weeks: split.flatMap((p) => p.weeks), days: split.flatMap((p) => p.days) };
}

function monthParts(
  from: string,
  to: string,
  today: string,
): { years: [string, string] | null; months: [string, string][]; days: [string, string][] } {
  const start = utc(from);
  // The first whole month: this one when the period starts on its first day, else the next.
  const first = addMonths(start, start.getUTCDate() === 1 ? 0 : 1);
  const end = utc(to);
  const afterEnd = new Date(end.getTime() + 86_400_000);
  // The month after the last whole month: the period's last month when it ends on its last day.
  let stop = addMonths(end, afterEnd.getUTCDate() === 1 ? 1 : 0);
  const todayMonth = addMonths(utc(today), 0);
  if (stop > todayMonth) stop = todayMonth;
  if (first >= stop) return { years: null, months: [], days: [[from, to]] };
  const days: [string, string][] = [];
  if (first > start) days.push([from, isoDay(new Date(first.getTime() - 86_400_000))]);
  if (stop <= end) days.push([isoDay(stop), to]);
  // Whole years inside the whole months: January of the first one, January after the last one.
  const firstYear = addMonths(first, first.getUTCMonth() === 0 ? 0 : 12 - first.getUTCMonth());
  const stopYear = addMonths(stop, -stop.getUTCMonth());
  if (firstYear >= stopYear) return { years: null, months: [[isoDay(first), isoDay(addMonths(stop, -1))]], days };
  const months: [string, string][] = [];
  if (first < firstYear) months.push([isoDay(first), isoDay(addMonths(firstYear, -1))]);
  if (stopYear < stop) months.push([isoDay(stopYear), isoDay(addMonths(stop, -1))]);
  return { years: [isoDay(firstYear), isoDay(addMonths(stopYear, -12))], months, days };
}

const DAY = 86_400_000;

/**
 * The days a..b as whole weeks of a month that end before `today` (ranges of their first days)
 * and the days around them (ranges): at most six days before a month's first week, three after
 * its last (the 29th to the 31st), and every day from the week that would reach today on.
 */
function weekParts(a: string, b: string, today: string): { weeks: [string, string][]; days: [string, string][] } {
  const weeks: [string, string][] = [];
  const days: [string, string][] = [];
  const last = utc(b).getTime();
  const before = utc(today).getTime();
  const extend = (into: [string, string][], start: string, end: string, joins: boolean) => {
    if (joins && into.length > 0) into[into.length - 1][1] = end;
    else into.push([start, end]);
  };
  let previous: "W" | "D" | null = null;
  for (let t = utc(a).getTime(); t <= last;) {
    const day = new Date(t);
    const date = day.getUTCDate();
    const weekEnd = t + 6 * DAY;
    if (date <= 22 && (date - 1) % 7 === 0 && weekEnd <= last && weekEnd < before) {
      extend(weeks, isoDay(day), isoDay(day), previous === "W");
      previous = "W";
      t += 7 * DAY;
    } else if (t + 6 * DAY >= before) {
      // No week from here on ends before today: the rest are days.
      extend(days, isoDay(day), b, previous === "D");
      break;
    } else {
      extend(days, isoDay(day), isoDay(day), previous === "D");
      previous = "D";
      t += DAY;
    }
  }
  return { weeks, days };
}
