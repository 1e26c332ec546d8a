import type { DataSource, EntityManager } from "typeorm";
import { PatientEvaluationChannel } from "../evaluation/evaluation.enums";
import { Hospital } from "../hospital/hospital.entity";
import { RollupAccumulator } from "../rollup/rollup-delta";
import { flushRollup } from "../rollup/rollup.writer";
import { generateEvaluations, planFollowUps } from "./activity-generators";
import { insertEvaluations, insertStaysWithFollowUps, insertVisits } from "./bulk.writer";
import { JIANDE, OTHER_HOSPITALS } from "./jiande.figures";
import { SeededRandom } from "@onewindow/platform";
import { generateStays, generateVisits } from "./record-generators";

export interface SeedHospitalDemoOptions {
  /** Extra outpatient visits for 建德市第一人民医院 in 2011 (load tests: `--visits 1000000`). */
  extraVisits?: number;
  /** Called after each committed batch of extra visits. */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedHospitalDemoResult {
  /** True when the demo hospitals were already there and only extra visits (if any) were added. */
  skipped: boolean;
  visits: number;
  stays: number;
  followUps: number;
  evaluations: number;
  extraVisits: number;
}

const EXTRA_BATCH = 50_000;
/** The year extra visits go to: after the seed text's years, so its figures stay exact. */
export const EXTRA_VISITS_YEAR = 2011;

/** A PRNG per hospital and year, so that one part of the data set never shifts another. */
const rngFor = (code: string, year: number) =>
  new SeededRandom(
    [...`${code}:${year}`].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16_777_619), 2_166_136_261),
  );

type Counts = Omit<SeedHospitalDemoResult, "skipped" | "extraVisits">;

async function seedYear(
  tx: EntityManager,
  acc: RollupAccumulator,
  counts: Counts,
  y: {
    code: string;
    year: number;
    visits: number;
    drugPerVisitFen: number;
    discharges: number;
    drugPerStayFen: number;
    reached: number;
    device: { evaluations: number; dissatisfied: number };
    survey: { evaluations: number; dissatisfied: number };
  },
): Promise<void> {
  const rng = rngFor(y.code, y.year);
  // Averages times counts: the sums that make per-visit and per-stay costs come out exactly.
  const visits = generateVisits(rng, {
    hospitalCode: y.code,
    year: y.year,
    count: y.visits,
    medianDrugFen: y.drugPerVisitFen * 0.8,
    drugSumFen: y.drugPerVisitFen * y.visits,
  });
  const stays = generateStays(rng, {
    hospitalCode: y.code,
    year: y.year,
    count: y.discharges,
    medianDrugFen: y.drugPerStayFen * 0.85,
    drugSumFen: y.drugPerStayFen * y.discharges,
  });
  const calls = planFollowUps(rng, stays, y.reached);
  // Only the two channels the seed text measured ("两项测评", the counter device and the ward
  // survey): an invented phone channel would pull the overall rate below the published ≥ 97 %.
  const evaluations = [
    ...generateEvaluations(rng, {
      hospitalCode: y.code,
      year: y.year,
      channel: PatientEvaluationChannel.DEVICE,
      ...y.device,
    }),
    ...generateEvaluations(rng, {
      hospitalCode: y.code,
      year: y.year,
      channel: PatientEvaluationChannel.SURVEY,
      ...y.survey,
    }),
  ];
  await insertVisits(tx, visits, acc);
  await insertStaysWithFollowUps(tx, stays, calls, acc);
  await insertEvaluations(tx, evaluations, acc);
  counts.visits += visits.length;
  counts.stays += stays.length;
  counts.followUps += calls.length;
  counts.evaluations += evaluations.length;
}

/** The demo hospitals and their 2009-2010 records, in one transaction with their rollups. */
async function seedBase(db: DataSource): Promise<Counts> {
  const counts: Counts = { visits: 0, stays: 0, followUps: 0, evaluations: 0 };
  await db.transaction(async (tx) => {
    const registeredAt = "2009-01-01T00:00:00.000Z";
    await tx.insert(
      Hospital,
      [JIANDE, ...OTHER_HOSPITALS].map(({ code, name, level, grade }) => ({ code, name, level, grade, registeredAt })),
    );
    const acc = new RollupAccumulator();
    for (const year of [2009, 2010] as const) {
      await seedYear(tx, acc, counts, { code: JIANDE.code, year, ...JIANDE.years[year] });
      for (const h of OTHER_HOSPITALS) {
        const visits = Math.round(h.visitsPerYear * (year === 2010 ? 1.06 : 1));
        const device = Math.round(visits * 0.3);
        const survey = Math.round(h.dischargesPerYear * 0.7);
        await seedYear(tx, acc, counts, {
          code: h.code,
          year,
          visits,
          drugPerVisitFen: h.drugPerVisitFen,
          discharges: h.dischargesPerYear,
          drugPerStayFen: h.drugPerStayFen,
          reached: Math.round(h.dischargesPerYear * h.reachedShare),
          device: { evaluations: device, dissatisfied: Math.round(device * 0.04) },
          survey: { evaluations: survey, dissatisfied: Math.round(survey * 0.05) },
        });
      }
    }
    await flushRollup(tx, acc);
  });
  return counts;
}

/**
 * Writes the deterministic demo data set: 建德市第一人民医院 (JD001), whose records reproduce the
 * seed text's figures exactly through `qualityMetrics`, and three smaller hospitals of 建德市;
 * individual visits, stays, follow-up calls and evaluations over 2009-2010, each batch
 * committed together with its rollup rows. Does nothing for the base set when JD001 exists.
 * `extraVisits` adds that many outpatient visits to JD001 in 2011, in committed batches.
 */
export async function seedHospitalDemo(
  db: DataSource,
  options: SeedHospitalDemoOptions = {},
): Promise<SeedHospitalDemoResult> {
  const skipped = await db.getRepository(Hospital).existsBy({ code: JIANDE.code });
  const counts = skipped ? { visits: 0, stays: 0, followUps: 0, evaluations: 0 } : await seedBase(db);
  const total = Math.max(0, Math.floor(options.extraVisits ?? 0));
  if (total > 0) options.onProgress?.(0, total);
  for (let done = 0, batch = 0; done < total; batch++) {
    const count = Math.min(EXTRA_BATCH, total - done);
    const rng = rngFor(`${JIANDE.code}-extra-${batch}`, EXTRA_VISITS_YEAR);
    const visits = generateVisits(rng, {
      hospitalCode: JIANDE.code,
      year: EXTRA_VISITS_YEAR,
      count,
      medianDrugFen: 7_400,
    });
    await db.transaction(async (tx) => {
      const acc = new RollupAccumulator();
      await insertVisits(tx, visits, acc);
      await flushRollup(tx, acc);
    });
    done += count;
    options.onProgress?.(done, total);
  }
  return { skipped, ...counts, extraVisits: total };
}
