import {
  CreateOutbox1763800000000,
  OutboxEvent,
  createDataSource,
  createLogger,
  maintainPartitions,
} from "@onewindow/platform";
import type { DataSource } from "typeorm";
import { hospitalQuality } from "../index";
import { HOSPITAL_PARTITIONS } from "../partitions";
import { MetricsService } from "../metrics/metrics.service";
import { Granularity, QualityMetric } from "../metrics/metrics.enums";
import { RawTotalsReader } from "../metrics/raw-totals.reader";
import { seedHospitalDemo, EXTRA_VISITS_YEAR } from "../seed/demo-data.seed";

/**
 * Rollup vs. aggregate-over-indexes, on PostgreSQL: loads the demo set plus N outpatient
 * visits into JD001's 2011 and times a full year's qualityMetrics and a monthly trend both
 * ways. Usage (after `npx tsc -b services/hospital-quality`):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/onewindow_bench node services/hospital-quality/dist/bench/metrics-benchmark.js [--visits 1000000] [--runs 200]
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 10; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(2);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${runs} runs)`;
}

async function load(db: DataSource, visits: number): Promise<void> {
  const [{ n }] = await db.query<{ n: string | number }[]>(
    `SELECT COUNT(*) AS n FROM outpatient_visit WHERE hospital_code = 'JD001' AND visit_date >= '${EXTRA_VISITS_YEAR}-01-01'`,
  );
  const missing = visits - Number(n);
  if (missing <= 0 && Number(n) > 0) return;
  const started = Date.now();
  await seedHospitalDemo(db, {
    extraVisits: Math.max(0, missing),
    onProgress: (done, total) =>
      process.stdout.write(`\rseeding ${done.toLocaleString()} / ${total.toLocaleString()} visits`),
  });
  console.log(`\nseeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/onewindow_bench";
  const visits = arg("visits", 1_000_000);
  const runs = arg("runs", 200);
  const db = await createDataSource({
    service: hospitalQuality.name,
    entities: [OutboxEvent, ...hospitalQuality.entities],
    migrations: [CreateOutbox1763800000000, ...hospitalQuality.migrations],
    config: { dataDir: "", databaseUrl },
    logger: createLogger("bench", "warn"),
  });
  await load(db, visits);
  // The visits of 2011 went to the default partition: measured in their year's, as served.
  await maintainPartitions(db, HOSPITAL_PARTITIONS, { retentionDays: 180, progress: (line) => console.log(line) });
  await db.query("VACUUM ANALYZE");
  const year = [`${EXTRA_VISITS_YEAR}-01-01`, `${EXTRA_VISITS_YEAR}-12-31`] as const;
  const [{ n }] = await db.query<{ n: string | number }[]>(
    "SELECT COUNT(*) AS n FROM outpatient_visit WHERE hospital_code = 'JD001' AND visit_date BETWEEN $1 AND $2",
    [...year],
  );
  console.log(`JD001 outpatient visits in ${EXTRA_VISITS_YEAR}: ${Number(n).toLocaleString()}`);
  const strategies: [string, MetricsService][] = [
    ["rollup (daily_rollup)", new MetricsService(db)],
    ["raw aggregates over indexes", new MetricsService(db, new RawTotalsReader(db.manager))],
  ];
  const measure = async (label: string) => {
    for (const [name, metrics] of strategies) {
      console.log(
        `${label} | ${name} | qualityMetrics year: ${await timeIt(runs, () => metrics.qualityMetrics("JD001", ...year))}`,
      );
      console.log(
        `${label} | ${name} | qualityMetrics year 内科: ${await timeIt(runs, () => metrics.qualityMetrics("JD001", ...year, "内科"))}`,
      );
      console.log(
        `${label} | ${name} | metricTrend MONTH: ${await timeIt(runs, () => metrics.metricTrend("JD001", QualityMetric.OUTPATIENT_DRUG_COST_PER_VISIT, ...year, Granularity.MONTH))}`,
      );
    }
  };
  await measure("schema indexes");
  // The best case for raw aggregates: a covering index PostgreSQL can answer from alone.
  await db.query(
    "CREATE INDEX IF NOT EXISTS bench_visit_covering ON outpatient_visit (hospital_code, visit_date, department) INCLUDE (drug_fen, total_fen)",
  );
  await db.query("VACUUM ANALYZE outpatient_visit");
  await measure("+ covering index");
  await db.query("DROP INDEX bench_visit_covering");
  // What keeping the rollup costs each write.
  const s = hospitalQuality.createServices(db);
  let day = 0;
  const write = () =>
    s.outpatient.record({
      hospitalCode: "JD001",
      visitDate: `2012-0${1 + (day++ % 9)}-15`,
      department: "内科",
      totalCost: 180,
      drugCost: 90,
    });
  console.log(
    `recordOutpatientVisit (row + rollup upsert + outbox, one transaction): ${await timeIt(Math.min(runs, 300), write)}`,
  );
  await db.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
