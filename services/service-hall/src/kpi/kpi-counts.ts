/** The counts every KPI is a ratio of; overall, per window and per department alike. */
export interface KpiCounts {
  cases: number;
  /** Cases whose deadline falls in the period, completed or past due (the on-time rate's whole). */
  due: number;
  onTime: number;
  onSite: number;
  evaluations: number;
  satisfied: number;
  rectificationsDue: number;
  rectificationsResolvedOnTime: number;
  ticketsCalled: number;
  waitSeconds: number;
}

export const emptyCounts = (): KpiCounts => ({
  cases: 0,
  due: 0,
  onTime: 0,
  onSite: 0,
  evaluations: 0,
  satisfied: 0,
  rectificationsDue: 0,
  rectificationsResolvedOnTime: 0,
  ticketsCalled: 0,
  waitSeconds: 0,
});

/** Adds `delta` into `into`. */
export function addCounts(into: KpiCounts, delta: Partial<KpiCounts>): KpiCounts {
  for (const k in delta) into[k as keyof KpiCounts] += delta[k as keyof KpiCounts]!;
  return into;
}

/** A rate, or null when there is nothing to divide by (an empty period has no rate, not 0). */
export const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Average minutes from seconds, 2 decimals half up; null without tickets. */
export const averageMinutes = (seconds: number, tickets: number): number | null =>
  tickets === 0 ? null : Math.round((seconds / 60 / tickets) * 100 + Number.EPSILON) / 100;

/**
 * A window's star rating (星级, as Hangzhou's windows are rated by citizens' evaluations), 1-5,
 * from the weaker of its satisfaction rate and its on-time rate:
 * 5 stars at 98% or more, 4 at 95%, 3 at 90%, 2 at 80%, else 1.
 * When only one of the two rates exists in the period it alone decides; null when neither does.
 */
export function starRating(satisfactionRate: number | null, onTimeRate: number | null): number | null {
  const rates = [satisfactionRate, onTimeRate].filter((r): r is number => r !== null);
  if (rates.length === 0) return null;
  const weaker = Math.min(...rates);
  if (weaker >= 0.98) return 5;
  if (weaker >= 0.95) return 4;
  if (weaker >= 0.9) return 3;
  if (weaker >= 0.8) return 2;
  return 1;
}
