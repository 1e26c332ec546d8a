/**
 * The rule the centre chooses its monthly service stars (服务之星) by. The source texts name the
 * title and say stars are chosen from each person's own work and the citizens' evaluations, but
 * give no numbers: these thresholds are the centre's own rule as the project drafted it, kept
 * here as data (one place, quoted into the schema's description) so that the centre changes them
 * by its own notice, never inside a resolver.
 */
export const SERVICE_STAR_RULE = {
  /** At least this many of their own cases completed in the month. */
  minCases: 20,
  /** At least this many evaluations of their service in the month: a star is rated by citizens. */
  minEvaluations: 1,
  /** Satisfied or basically satisfied over all their evaluations of the month, at least. */
  minSatisfactionRate: 0.95,
  /** Completed on time over their cases completed in the month, at least. */
  minOnTimeRate: 0.95,
  /** No UNSATISFIED rating of their service in the month (一票否决). */
  unsatisfiedAllowed: 0,
  /** The stars of a centre per month at most. */
  stars: 3,
} as const;

export type ServiceStarRule = { readonly [K in keyof typeof SERVICE_STAR_RULE]: number };

/** The figures of one person's month the rule reads. */
export interface StarCandidate {
  staffNumber: string;
  casesHandled: number;
  onTime: number;
  evaluations: number;
  unsatisfied: number;
}

const satisfaction = (c: StarCandidate) => (c.evaluations === 0 ? 0 : (c.evaluations - c.unsatisfied) / c.evaluations);

/** True when `c` may be a star under `rule` (before ranking). */
export function qualifies(c: StarCandidate, rule: ServiceStarRule = SERVICE_STAR_RULE): boolean {
  return (
    c.casesHandled >= rule.minCases &&
    c.evaluations >= rule.minEvaluations &&
    c.unsatisfied <= rule.unsatisfiedAllowed &&
    satisfaction(c) >= rule.minSatisfactionRate &&
    c.onTime / c.casesHandled >= rule.minOnTimeRate
  );
}

/** The score a qualified person is ranked by: their cases completed on time, weighted by their satisfaction rate. */
export function starScore(c: StarCandidate): number {
  return Math.round(c.onTime * satisfaction(c) * 100) / 100;
}

/** The month's stars: those who qualify, by score (then more evaluations, then staff number), the first `rule.stars`. */
export function chooseStars<C extends StarCandidate>(
  candidates: readonly C[],
  rule: ServiceStarRule = SERVICE_STAR_RULE,
): { candidate: C; score: number; rank: number }[] {
  return candidates
    .filter((c) => qualifies(c, rule))
    .map((candidate) => ({ candidate, score: starScore(candidate) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.candidate.evaluations - a.candidate.evaluations ||
        a.candidate.staffNumber.localeCompare(b.candidate.staffNumber),
    )
    .slice(0, rule.stars)
    .map((s, i) => ({ ...s, rank: i + 1 }));
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** The rule in words, for the schema's description of `serviceStars`. */
export function describeStarRule(rule: ServiceStarRule = SERVICE_STAR_RULE): string {
  return (
    `A staff member of the centre is a candidate for the month when their own cases completed in the month number at least ${rule.minCases}, ` +
    `with at least ${percent(rule.minOnTimeRate)} completed on time; at least ${rule.minEvaluations} evaluation(s) of their service in the month, ` +
    `at least ${percent(rule.minSatisfactionRate)} satisfied or basically satisfied` +
    (rule.unsatisfiedAllowed === 0
      ? " and none UNSATISFIED (一票否决)"
      : `, at most ${rule.unsatisfiedAllowed} UNSATISFIED`) +
    `. Candidates are ranked by score = cases completed on time × satisfaction rate (ties: more evaluations, then staff number); ` +
    `the first ${rule.stars} are the month's service stars (服务之星). The thresholds are the centre's own rule.`
  );
}
