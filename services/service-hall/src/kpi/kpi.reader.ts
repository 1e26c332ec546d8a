import type { EntityManager } from "typeorm";
import { num, runSql } from "@onewindow/platform";

/** One row of grouped counts: which window, which line, which channel, and the sums. */
export interface KpiRow {
  window: string | null;
  department: string | null;
  channel?: string;
  counts: Record<string, number>;
}

/**
 * Reads a period's KPI counts with five grouped aggregates, each over an index that covers it
 * (hall_case_completed, hall_case_due, hall_evaluation_period, queue_ticket_called, hall_rectification_due):
 * the database sums 70,000 cases without touching the table rows, so no rollup table is needed
 * (see the figures in the demo-data test).
 */
export class KpiReader {
  constructor(private readonly manager: EntityManager) {}

  async cases(from: string, to: string): Promise<KpiRow[]> {
    const rows: Record<string, unknown>[] = await runSql(
      this.manager,
      `SELECT window_code, department, COUNT(*) AS cases,
         SUM(CASE WHEN completed_on = opened_on THEN 1 ELSE 0 END) AS on_site
       FROM hall_case WHERE completed_on >= ? AND completed_on <= ? GROUP BY window_code, department`,
      [from, to],
    );
    return rows.map((r) => ({
      window: r.window_code as string,
      department: r.department as string,
      counts: { cases: num(r.cases), onSite: num(r.on_site) },
    }));
  }

  /**
   * Cases whose deadline falls in the period and that count for the on-time rate on `today`:
   * completed (on time when on or before the deadline), or still open with the deadline passed
   * (not on time). An open case not yet past its deadline is not counted, either way.
   */
  async due(from: string, to: string, today: string): Promise<KpiRow[]> {
    const rows: Record<string, unknown>[] = await runSql(
      this.manager,
      `SELECT window_code, department, COUNT(*) AS due,
         SUM(CASE WHEN completed_on IS NOT NULL AND completed_on <= deadline THEN 1 ELSE 0 END) AS on_time
       FROM hall_case WHERE deadline >= ? AND deadline <= ? AND (completed_on IS NOT NULL OR deadline < ?)
       GROUP BY window_code, department`,
      [from, to, today],
    );
    return rows.map((r) => ({
      window: r.window_code as string,
      department: r.department as string,
      counts: { due: num(r.due), onTime: num(r.on_time) },
    }));
  }

  async evaluations(from: string, to: string): Promise<KpiRow[]> {
    const rows: Record<string, unknown>[] = await runSql(
      this.manager,
      `SELECT window_code, department, channel, COUNT(*) AS evaluations,
         SUM(CASE WHEN rating <> 'UNSATISFIED' THEN 1 ELSE 0 END) AS satisfied
       FROM hall_evaluation WHERE evaluated_on >= ? AND evaluated_on <= ? GROUP BY window_code, department, channel`,
      [from, to],
    );
    return rows.map((r) => ({
      window: r.window_code as string,
      department: (r.department as string | null) ?? null,
      channel: r.channel as string,
      counts: { evaluations: num(r.evaluations), satisfied: num(r.satisfied) },
    }));
  }

  async tickets(from: string, to: string): Promise<KpiRow[]> {
    const rows: Record<string, unknown>[] = await runSql(
      this.manager,
      `SELECT window_code, category, COUNT(*) AS tickets, SUM(wait_seconds) AS wait
       FROM queue_ticket WHERE called_on >= ? AND called_on <= ? GROUP BY window_code, category`,
      [from, to],
    );
    return rows.map((r) => ({
      window: r.window_code as string,
      department: r.category as string,
      counts: { ticketsCalled: num(r.tickets), waitSeconds: num(r.wait) },
    }));
  }

  async rectifications(from: string, to: string): Promise<KpiRow[]> {
    const rows: Record<string, unknown>[] = await runSql(
      this.manager,
      `SELECT window_code, COUNT(*) AS due, SUM(CASE WHEN resolved_on IS NOT NULL AND resolved_on <= deadline THEN 1 ELSE 0 END) AS on_time
       FROM hall_rectification WHERE deadline >= ? AND deadline <= ? GROUP BY window_code`,
      [from, to],
    );
    return rows.map((r) => ({
      window: (r.window_code as string | null) ?? null,
      department: null,
      counts: { rectificationsDue: num(r.due), rectificationsResolvedOnTime: num(r.on_time) },
    }));
  }
}
