import type { DataSource } from "typeorm";
import { ANONYMOUS, type Caller } from "@onewindow/contracts";
import { SeededRandom, addDays, runSql } from "@onewindow/platform";
import { AssessmentPointScore } from "../assessment/assessment.entity";
import { WorkingCalendar } from "../calendar/working-calendar";
import { AssessmentKind } from "../assessment/assessment.enums";
import { pointsOf } from "../assessment/standard";
import { CentreLevel } from "../centre/centre.enums";
import { createServices } from "../services";
import { DEMO_CENTRES } from "./centres.seed";
import { workingDays } from "./hall-generators";

/** The assessors of the generated reviews: the records name them as the demo's, not a person. */
export const DEMO_ASSESSORS = {
  SELF: { ...ANONYMOUS, userId: "demo-seed-self", roles: ["window_clerk"] } satisfies Caller,
  LEADER: { ...ANONYMOUS, userId: "demo-seed-leader", roles: ["analyst"] } satisfies Caller,
} as const;

/** Every generated score's note says it is generated demo data. */
export const DEMO_SCORE_NOTE = "演示数据：生成的评分，非实际考评";

/**
 * The centre and point of the one generated score below its bar (a leader's review finds a gap),
 * so that the report shows an open rectification the assessment opened in the ledger. Not Kaixuan:
 * its ledger figures stay those of the seed text.
 */
export const DEMO_LOW_SCORE = { centre: "QINGBO", kind: AssessmentKind.LEADER } as const;

export interface SeedAssessmentsResult {
  /** True when the month had assessments already and nothing was written. */
  skipped: boolean;
  /** The month assessed, e.g. "2026-10". */
  period: string;
  assessments: number;
}

/** The month before the one `today` lies in, e.g. "2026-10" for 2026-11-26. */
export const previousMonth = (today: string) => addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);

/**
 * A month of completed assessments (the month before `today`) of every street centre of the demo
 * city: a self review (SELF) and a leader's review (LEADER) against the current standard, each of
 * its points scored, opened and completed through the hall's assessment service on the month's
 * last working day (the month-end review) so that the rules hold (the scores at or above their
 * bar written at once, as the service writes them; the low one through the service), `assessmentReport(centre, month)` and
 * `assessmentRanking(STREET, month)` have something to show. Generated: each centre its own level,
 * each point around it in half points, at or above its bar but for {@link DEMO_LOW_SCORE}, whose
 * lowest point falls below the bar and opens its ledger item. The assessors and every score's
 * note mark the records as the demo's. Deterministic for a given day; does nothing when the month
 * has assessments already.
 */
export async function seedAssessmentsDemo(db: DataSource, today: string): Promise<SeedAssessmentsResult> {
  const period = previousMonth(today);
  const [existing] = await runSql(db.manager, "SELECT COUNT(*) AS n FROM hall_assessment WHERE period = ?", [period]);
  if (Number(existing.n) > 0) return { skipped: true, period, assessments: 0 };
  const days = workingDays(`${period}-01`, addDays(`${today.slice(0, 7)}-01`, -1), new WorkingCalendar());
  const reviewDay = days.at(-1) ?? addDays(`${today.slice(0, 7)}-01`, -1);
  const now = new Date(`${reviewDay}T16:00:00+08:00`);
  const s = createServices(db, { clock: () => now });
  const points = pointsOf(await s.assessments.standard());
  const rng = new SeededRandom(20_261_031);
  let written = 0;
  for (const [centre, , level] of DEMO_CENTRES) {
    if (level !== CentreLevel.STREET) continue;
    const centreLevel = 0.82 + rng.next() * 0.15;
    for (const kind of [AssessmentKind.SELF, AssessmentKind.LEADER]) {
      const caller = DEMO_ASSESSORS[kind as "SELF" | "LEADER"];
      // A centre rates itself a little higher than its leader does.
      const base = kind === AssessmentKind.SELF ? Math.min(0.99, centreLevel + 0.03) : centreLevel;
      const { id } = await s.assessments.open({ centre, period, kind }, caller);
      const low = centre === DEMO_LOW_SCORE.centre && kind === DEMO_LOW_SCORE.kind;
      const lowPoint = low ? points.reduce((a, b) => (b.bar > a.bar ? b : a)) : null;
      const rows = points.map((p) => {
        const drawn = Math.round(p.weight * Math.min(1, base + (rng.next() - 0.5) * 0.16) * 2) / 2;
        return {
          point: p,
          score: p === lowPoint ? Math.max(0, Math.ceil(p.bar * 2) / 2 - 0.5) : Math.max(p.bar, drawn),
        };
      });
      // The scores at or above their bar open nothing: written at once, as scoreAssessmentPoint would
      // write them (half points within the weight). The low one goes through the service, whose rule
      // opens its ledger item.
      await db.manager.insert(
        AssessmentPointScore,
        rows
          .filter((r) => r.point !== lowPoint)
          .map((r) => ({
            assessmentId: id,
            point: r.point.code,
            score: r.score,
            note: DEMO_SCORE_NOTE,
            scoredBy: caller.userId,
            scoredOn: reviewDay,
            rectificationId: null,
          })),
      );
      for (const r of rows.filter((r) => r.point === lowPoint))
        await s.assessments.score(
          { assessmentId: String(id), point: r.point.code, score: r.score, note: DEMO_SCORE_NOTE },
          caller,
        );
      await s.assessments.complete(String(id), caller);
      written++;
    }
  }
  return { skipped: false, period, assessments: written };
}
