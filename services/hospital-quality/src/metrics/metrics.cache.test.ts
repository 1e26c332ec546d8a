import { describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { MemoryCacheStore, RedisCacheStore, type CacheStore } from "@onewindow/platform";
import {
  afterThisTest,
  allowed,
  auditRows,
  countStatements,
  openDepartmentDatabase,
  refusedWith,
} from "@onewindow/testing";
import type { Caller } from "@onewindow/contracts";
import { hospitalQuality } from "../index";
import { FollowUpOutcome } from "../follow-up/follow-up.enums";
import { PatientEvaluationChannel } from "../evaluation/evaluation.enums";
import { adminOf } from "../hospital-quality.fixture";

/** The Redis the tests use (CI starts one on the default port). */
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

const ANALYST: Partial<Caller> = { userId: "analyst-1", roles: ["analyst"] };

const METRICS = `query ($code: ID!, $from: Date!, $to: Date!) {
  hospital(code: $code) {
    qualityMetrics(from: $from, to: $to) {
      outpatientVisits inpatientDischarges followedUpDischarges followUpCalls evaluations
      previousPeriod { outpatientVisits }
    }
    metricTrend(metric: OUTPATIENT_VISITS, from: $from, to: $to, granularity: MONTH) { period value }
  }
}`;
const YEAR_2024 = { code: "T01", from: "2024-01-01", to: "2024-12-31" };

const memoryStore = () =>
  new MemoryCacheStore({ maxEntries: 1000, maxBytes: 1 << 22, maxGenerations: 10_000, ttlMs: 600_000 });
const redisStore = () => {
  const store = new RedisCacheStore({ url: REDIS_URL, ttlMs: 600_000 });
  afterThisTest(() => store.close());
  return store;
};

/** The department with hospital T01 (and T02) and one visit in March 2024, over a store of the test's own. */
async function hospital(store: CacheStore = memoryStore()) {
  const opened = await openDepartmentDatabase(hospitalQuality, { cacheStore: store });
  const s = opened.services;
  await s.hospitals.register({ code: "T01", name: "Test hospital" });
  await s.hospitals.register({ code: "T02", name: "Other hospital" });
  await s.outpatient.record({
    hospitalCode: "T01",
    visitDate: "2024-03-01",
    department: "内科",
    totalCost: 100,
    drugCost: 40,
  });
  const metrics = async (caller: Partial<Caller> = ANALYST, variables: Record<string, unknown> = YEAR_2024) =>
    allowed(await opened.run(caller, METRICS, variables)).hospital;
  return { ...opened, metrics };
}

describe("hospital metrics through the cache", () => {
  test("a repeated read is served from the cache: no statement at all", async () => {
    const { metrics, service } = await hospital();
    const first = await metrics();
    assert.equal(first.qualityMetrics.outpatientVisits, 1);
    let second: unknown;
    const cached = await countStatements(service, async () => {
      second = await metrics();
    });
    assert.deepEqual(second, first);
    assert.equal(cached, 0, "neither the hospital's row nor the rollup");
    const computed = await countStatements(service, () => metrics(ANALYST, { ...YEAR_2024, to: "2024-11-30" }));
    assert.ok(computed > cached, `another period is computed (${computed} statements)`);
  });

  test("every kind of record is seen by the next read; a record of another year leaves the year cached", async () => {
    const { metrics, services: s, service } = await hospital();
    await metrics();
    await s.outpatient.record({
      hospitalCode: "T01",
      visitDate: "2024-06-01",
      department: "外科",
      totalCost: 80,
      drugCost: 0,
    });
    assert.equal((await metrics()).qualityMetrics.outpatientVisits, 2, "a visit");
    const stay = await s.inpatient.record({
      hospitalCode: "T01",
      admittedOn: "2024-04-01",
      dischargedOn: "2024-04-05",
      department: "内科",
      totalCost: 3000,
      drugCost: 1200,
    });
    assert.equal((await metrics()).qualityMetrics.inpatientDischarges, 1, "a discharge");
    // A call in the next year still makes the 2024 discharge followed up.
    await s.followUps.record({ stayId: String(stay.id), calledOn: "2025-01-03", outcome: FollowUpOutcome.REACHED });
    const after = (await metrics()).qualityMetrics;
    assert.equal(after.followedUpDischarges, 1, "a first reach, counted at its discharge's day");
    assert.equal(after.followUpCalls, 0, "the call itself is 2025's");
    await s.evaluations.submit({
      hospitalCode: "T01",
      evaluatedOn: "2024-12-31",
      channel: PatientEvaluationChannel.DEVICE,
      satisfied: true,
      score: 5,
    });
    assert.equal((await metrics()).qualityMetrics.evaluations, 1, "an evaluation");
    // The compared period is 2023: a 2023 visit changes previousPeriod.
    await s.outpatient.record({
      hospitalCode: "T01",
      visitDate: "2023-05-05",
      department: "内科",
      totalCost: 10,
      drugCost: 1,
    });
    assert.equal((await metrics()).qualityMetrics.previousPeriod.outpatientVisits, 1, "the compared period");
    // Records of another year or another hospital move nothing 2024's answer depends on.
    await s.outpatient.record({
      hospitalCode: "T01",
      visitDate: "2022-02-02",
      department: "内科",
      totalCost: 10,
      drugCost: 1,
    });
    await s.outpatient.record({
      hospitalCode: "T02",
      visitDate: "2024-02-02",
      department: "内科",
      totalCost: 10,
      drugCost: 1,
    });
    assert.equal(await countStatements(service, () => metrics()), 0, "still cached");
  });

  test("a hit authorises the caller as a miss does: another scope gets its own entry, another hospital's administrator is refused and audited", async () => {
    const { metrics, run, db, service } = await hospital();
    await metrics(adminOf("T01"));
    const ownAgain = await countStatements(service, () => metrics(adminOf("T01")));
    assert.equal(ownAgain, 0);
    const asAnalyst = await countStatements(service, () => metrics(ANALYST));
    assert.ok(asAnalyst > 0, "an analyst does not get the administrator's entry");
    const before = (await auditRows(db)).length;
    refusedWith(await run(adminOf("T02"), METRICS, YEAR_2024), "FORBIDDEN");
    const refusals = (await auditRows(db)).slice(before);
    assert.ok(
      refusals.some((r) => r.outcome === "refused" && r.userId === "admin-T02"),
      "the refusal of a cached answer is in the audit trail",
    );
    refusedWith(await run({}, METRICS, YEAR_2024), "UNAUTHENTICATED");
  });
});

test("a hospital's row is cached too: an unknown code is found once registered, and other departments' references resolve it", async () => {
  const { run, services: s, service } = await hospital();
  const NAME = `query ($code: ID!) { hospital(code: $code) { code name } }`;
  assert.equal(allowed(await run({}, NAME, { code: "T03" })).hospital, null);
  assert.equal(await countStatements(service, () => run({}, NAME, { code: "T03" })), 0, "the unknown code was cached");
  await s.hospitals.register({ code: "T03", name: "New hospital" });
  assert.deepEqual(allowed(await run({}, NAME, { code: "T03" })).hospital, { code: "T03", name: "New hospital" });
  const REFERENCE = `{ _entities(representations: [{ __typename: "Hospital", code: "T03" }]) { ... on Hospital { name } } }`;
  for (let i = 0; i < 2; i++)
    assert.deepEqual(allowed(await run({}, REFERENCE))._entities, [{ name: "New hospital" }], `reference ${i + 1}`);
});

test("two processes of the department sharing one Redis: a write through one is read through the other", async () => {
  const first = await hospital(redisStore());
  // The second process: services of its own, with a Redis connection of its own, over the same database.
  const second = hospitalQuality.createServices(first.db, { cacheStore: redisStore() });
  const secondReads = async () =>
    (await second.cachedMetrics.qualityMetrics(ANALYST as Caller, "T01", "2024-01-01", "2024-12-31", null))
      .outpatientVisits;
  assert.equal((await first.metrics()).qualityMetrics.outpatientVisits, 1);
  const shared = await countStatements(first.service, secondReads);
  assert.equal(shared, 0, "the second process found the first one's answer");
  await second.outpatient.record({
    hospitalCode: "T01",
    visitDate: "2024-03-02",
    department: "内科",
    totalCost: 1,
    drugCost: 0,
  });
  assert.equal((await first.metrics()).qualityMetrics.outpatientVisits, 2);
  await first.services.outpatient.record({
    hospitalCode: "T01",
    visitDate: "2024-03-03",
    department: "内科",
    totalCost: 1,
    drugCost: 0,
  });
  assert.equal(await secondReads(), 3);
});
