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
