import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { startStack, type As, type Stack } from "./harness/stack";
import { freshIdNumber } from "./harness/fixtures";

/** The Redis the departments share (CI starts one on the default port). */
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

const adminOf = (hospital: string): As => ({
  roles: ["hospital_admin"],
  user: `admin-${hospital}`,
  hospital,
  purpose: "quality review",
});
const ANALYST: As = { roles: ["analyst"], user: "analyst-1" };

const METRICS = `query ($code: ID!) { hospital(code: $code) {
  qualityMetrics(from: "2024-01-01", to: "2024-12-31") { outpatientVisits outpatientDrugCost }
  metricTrend(metric: OUTPATIENT_VISITS, from: "2024-01-01", to: "2024-12-31", granularity: QUARTER) { period value }
} }`;
const VISIT = `mutation ($i: RecordOutpatientVisitInput!) { recordOutpatientVisit(input: $i) { id } }`;
const KPIS = `{ hallKpis(centre: "KAIXUAN", from: "2020-01-01", to: "2030-12-31") { casesHandled evaluations } }`;

/** The data of an answer, failing on its errors. */
async function data(answer: Promise<{ data?: any; errors?: unknown[] }>): Promise<any> {
  const { data: value, errors } = await answer;
  assert.equal(errors, undefined, JSON.stringify(errors));
  return value;
}

/** The cache reads a department's process counted, by outcome, from its /metrics. */
async function cacheReads(metricsPort: number, service: string): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const m of text.matchAll(/^onewindow_cache_reads_total\{([^}]*)\} (\d+)/gm)) {
    if (!m[1].includes(`service="${service}"`)) continue;
    const outcome = /outcome="(\w+)"/.exec(m[1])![1];
    counts[outcome] = (counts[outcome] ?? 0) + Number(m[2]);
  }
  return counts;
}

describe("cached aggregates through the gateway, in a Redis the departments' processes share", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { REDIS_URL } });
    await data(
      stack.query(
        `mutation ($i: RegisterHospitalInput!) { registerHospital(input: $i) { code } }`,
        { i: { code: "CA01", name: "缓存测试医院" } },
        adminOf("CA01"),
      ),
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const visit = (visitDate: string, url?: string) =>
    data(
      url
        ? postTo(url, VISIT, { i: { hospitalCode: "CA01", visitDate, department: "内科", totalCost: 10, drugCost: 4 } })
        : stack.query(
            VISIT,
            { i: { hospitalCode: "CA01", visitDate, department: "内科", totalCost: 10, drugCost: 4 } },
            adminOf("CA01"),
          ),
    );
  /** Sends a request to another gateway of the stack as the hospital's administrator. */
  const postTo = async (url: string, query: string, variables: Record<string, unknown>, as: As = adminOf("CA01")) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(await stack.headers(as)) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: unknown[] };
  };

  test("a repeated read is a hit; a visit recorded through the gateway is in the next read", async () => {
    const read = async () => (await data(stack.query(METRICS, { code: "CA01" }, ANALYST))).hospital.qualityMetrics;
    assert.equal((await read()).outpatientVisits, 0);
    const reads = () => cacheReads(stack.metricsPortOf("hospital-quality"), "hospital-quality");
    const statements = async (act: () => Promise<unknown>) => {
      const start = await stack.sqlCount("hospital-quality");
      await act();
      return (await stack.sqlCount("hospital-quality")) - start;
    };
    const before = await reads();
    const hit = await statements(read);
    const after = await reads();
    assert.equal((after.hit ?? 0) - (before.hit ?? 0), 3, "the hospital, qualityMetrics and metricTrend were hits");
    assert.equal(after.miss ?? 0, before.miss ?? 0, "no miss");
    const miss = await statements(() => data(stack.query(METRICS.replace(/2024/g, "2023"), { code: "CA01" }, ANALYST)));
    assert.ok(hit < miss, `a hit ran ${hit} statements, a miss ${miss}`);
    await visit("2024-05-05");
    assert.deepEqual(await read(), { outpatientVisits: 1, outpatientDrugCost: 4 });
    const trend = (await data(stack.query(METRICS, { code: "CA01" }, ANALYST))).hospital.metricTrend;
    assert.deepEqual(
      trend.map((p: { value: number }) => p.value),
      [0, 1, 0, 0],
    );
    // Another caller scope is refused or answered on its own, never given the analyst's entry by mistake.
    const other = await stack.query(METRICS, { code: "CA01" }, adminOf("JD001"));
    assert.equal(
      (other.errors as { extensions?: { code?: string } }[] | undefined)?.[0]?.extensions?.code,
      "FORBIDDEN",
    );
    assert.equal(
      (await data(stack.query(METRICS, { code: "CA01" }, adminOf("CA01")))).hospital.qualityMetrics.outpatientVisits,
      1,
    );
  });

  test("two processes of hospital quality: a write through one is read through the other at once", async () => {
    const replica = await stack.startReplica("hospital-quality", { REDIS_URL });
    // A second gateway whose hospital quality is the replica.
    const second = await stack.startGateway({ HOSPITAL_QUALITY_URL: `http://127.0.0.1:${replica.port}/graphql` });
    try {
      const readFirst = async () =>
        (await data(stack.query(METRICS, { code: "CA01" }, ANALYST))).hospital.qualityMetrics.outpatientVisits;
      const readSecond = async () =>
        (await data(postTo(second.url, METRICS, { code: "CA01" }, ANALYST))).hospital.qualityMetrics.outpatientVisits;
      const start = await readFirst();
      assert.equal(await readSecond(), start);
      await visit("2024-06-06", second.url);
      assert.equal(await readFirst(), start + 1, "written through the replica, read through the first process");
      await visit("2024-06-07");
      assert.equal(await readSecond(), start + 2, "and the other way round");
    } finally {
      await second.stop();
      await replica.stop();
    }
  });

  test("the hall's KPIs: a case completed through one process is counted by the other at once", async () => {
    const replica = await stack.startReplica("service-hall", { REDIS_URL });
    const second = await stack.startGateway({ SERVICE_HALL_URL: `http://127.0.0.1:${replica.port}/graphql` });
    try {
      const clerk: As = { roles: ["window_clerk", "analyst"], user: "clerk-ca", purpose: "counter" };
      const readFirst = async () => (await data(stack.query(KPIS, {}, clerk))).hallKpis.casesHandled;
      const readSecond = async () => (await data(postTo(second.url, KPIS, {}, clerk))).hallKpis.casesHandled;
      const start = await readFirst();
      assert.equal(await readSecond(), start);
      const opened = await data(
        postTo(
          second.url,
          `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`,
          {
            i: { idNumber: freshIdNumber(), itemCode: "LS004", window: "01" },
          },
          clerk,
        ),
      );
      await data(
        postTo(
          second.url,
          `mutation ($i: CompleteCaseInput!) { completeCase(input: $i) { id } }`,
          {
            i: { caseId: opened.openCase.id },
          },
          clerk,
        ),
      );
      assert.equal(await readFirst(), start + 1, "completed through the replica, counted by the first process");
      const again = await data(
        stack.query(
          `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`,
          {
            i: { idNumber: freshIdNumber(), itemCode: "LS004", window: "01" },
          },
          clerk,
        ),
      );
      await data(
        stack.query(
          `mutation ($i: CompleteCaseInput!) { completeCase(input: $i) { id } }`,
          { i: { caseId: again.openCase.id } },
          clerk,
        ),
      );
      assert.equal(await readSecond(), start + 2, "and the other way round");
    } finally {
      await second.stop();
      await replica.stop();
    }
  });
});
