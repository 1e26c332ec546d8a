import { describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Caller, EventPayloads, EventType } from "@onewindow/contracts";
import { applyOnce, MemoryCacheStore, RedisCacheStore, type CacheStore, type EventEnvelope } from "@onewindow/platform";
import {
  afterThisTest,
  allowed,
  auditRows,
  countStatements,
  openDepartmentDatabase,
  refusedWith,
} from "@onewindow/testing";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { CentreLevel, CentreRankingMetric } from "../centre/centre.enums";
import { HallEvaluationChannel, HallRating } from "../evaluation/evaluation.enums";
import { departmentConfirmationHandlers } from "../handlers/department-confirmation.handlers";
import { serviceHall } from "../index";
import { seedDemoCentres } from "../seed/centres.seed";
import { person } from "../service-hall.fixture";

/** The Redis the tests use (CI starts one on the default port). */
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

const ANALYST: Partial<Caller> = { userId: "analyst-1", roles: ["analyst"] };
const CLERK: Partial<Caller> = { userId: "WC0101", roles: ["window_clerk"], purpose: "counter" };

const FIELDS = `casesHandled casesDue casesOnTime evaluations rectificationsDue rectificationsResolvedOnTime ticketsCalled
  byWindow { window casesHandled ticketsCalled } byDepartment { department casesHandled }`;
const KPIS = `query ($centre: String, $sub: Boolean, $from: Date!, $to: Date!) {
  hallKpis(centre: $centre, includeSubordinate: $sub, from: $from, to: $to) { ${FIELDS} }
}`;
const RANKING = `query ($level: CentreLevel!, $from: Date!, $to: Date!) {
  centreRanking(level: $level, from: $from, to: $to, metric: CASES_HANDLED) {
    rows { rank value casesHandled evaluations centre { code recallWindowMinutes } }
  }
}`;

const memoryStore = () =>
  new MemoryCacheStore({ maxEntries: 1000, maxBytes: 1 << 22, maxGenerations: 10_000, ttlMs: 600_000 });
const redisStore = () => {
  const store = new RedisCacheStore({ url: REDIS_URL, ttlMs: 600_000 });
  afterThisTest(() => store.close());
  return store;
};

/** The November the reads cover, and what each read asks. */
const MONTH = { from: "2026-11-01", to: "2026-11-30" };
const READS: { name: string; query: string; variables: Record<string, unknown> }[] = [
  { name: "a station alone", query: KPIS, variables: { centre: "KX_NANXIAOBU", ...MONTH } },
  { name: "Kaixuan alone", query: KPIS, variables: { centre: "KAIXUAN", ...MONTH } },
  { name: "Kaixuan with its stations", query: KPIS, variables: { centre: "KAIXUAN", sub: true, ...MONTH } },
  { name: "the district", query: KPIS, variables: { centre: "JIANGGAN", sub: true, ...MONTH } },
  { name: "the city", query: KPIS, variables: { centre: "HANGZHOU", sub: true, ...MONTH } },
  { name: "Caihe with its stations", query: KPIS, variables: { centre: "CAIHE", sub: true, ...MONTH } },
  { name: "the streets' ranking", query: RANKING, variables: { level: CentreLevel.STREET, ...MONTH } },
  { name: "the stations' ranking", query: RANKING, variables: { level: CentreLevel.COMMUNITY, ...MONTH } },
];

/** The hall with the demo city's centres, a clock the test moves, and a store of the test's own. */
async function hall(store: CacheStore = memoryStore(), now = "2026-11-23T09:00:00+08:00") {
  let current = new Date(now);
  const opened = await openDepartmentDatabase(serviceHall, { clock: () => current, cacheStore: store });
  await opened.db.transaction((tx) => seedDemoCentres(tx));
  const read = async (r: (typeof READS)[number], caller: Partial<Caller> = ANALYST) =>
    allowed(await opened.run(caller, r.query, r.variables));
  /** What the KPI service answers without the cache, as the GraphQL answer shows it. */
  const uncached = async (r: (typeof READS)[number]) => {
    const v = r.variables as { centre?: string; sub?: boolean; level?: CentreLevel; from: string; to: string };
    if (r.query === KPIS) {
      const k = await opened.services.kpis.hallKpis(v.from, v.to, v.centre, v.sub);
      return {
        hallKpis: {
          casesHandled: k.casesHandled,
          casesDue: k.casesDue,
          casesOnTime: k.casesOnTime,
          evaluations: k.evaluations,
          rectificationsDue: k.rectificationsDue,
          rectificationsResolvedOnTime: k.rectificationsResolvedOnTime,
          ticketsCalled: k.ticketsCalled,
          byWindow: k.byWindow.map((w) => ({
            window: w.window,
            casesHandled: w.casesHandled,
            ticketsCalled: w.ticketsCalled,
          })),
          byDepartment: k.byDepartment.map((d) => ({ department: d.department, casesHandled: d.casesHandled })),
        },
      };
    }
    const ranking = await opened.services.kpis.centreRanking(v.level!, v.from, v.to, CentreRankingMetric.CASES_HANDLED);
    return {
      centreRanking: {
        rows: ranking.rows.map((row) => ({
          rank: row.rank,
          value: row.value,
          casesHandled: row.casesHandled,
          evaluations: row.evaluations,
          centre: { code: row.centre.code, recallWindowMinutes: row.centre.recallWindowMinutes },
        })),
      },
    };
  };
  /** Every read through the cache equals the service's answer without it. */
  const allCurrent = async (after: string) => {
    for (const r of READS) assert.deepEqual(await read(r), await uncached(r), `${r.name}, after ${after}`);
  };
  return { ...opened, read, uncached, allCurrent, setNow: (instant: string) => (current = new Date(instant)) };
}

function envelope<T extends EventType>(type: T, data: EventPayloads[T], occurredAt: string): EventEnvelope<T> {
  const subject = (data as { idNumber: string }).idNumber;
  return { id: randomUUID(), type, version: 1, source: type.split(".")[1], occurredAt, subject, data, traceId: null };
}

describe("the hall's KPIs through the cache", () => {
  test("a repeated read is served from the cache; another caller scope gets its own; refusals stay refusals", async () => {
    const { read, run, db, service } = await hall();
    const district = READS[3];
    const first = await read(district);
    assert.equal(await countStatements(service, () => read(district)), 0, "a hit reads nothing");
    const ranking = READS[6];
    await read(ranking);
    assert.equal(await countStatements(service, () => read(ranking)), 0);
    assert.ok((await countStatements(service, () => read(district, CLERK))) > 0, "a clerk gets an entry of their own");
    assert.deepEqual(await read(district, CLERK), first);
    const before = (await auditRows(db)).length;
    refusedWith(await run({}, district.query, district.variables), "UNAUTHENTICATED");
    refusedWith(
      await run({ userId: "c", roles: ["citizen"], idNumber: person(9) }, district.query, district.variables),
      "FORBIDDEN",
    );
    const refusals = (await auditRows(db)).slice(before);
    assert.equal(
      refusals.filter((r) => r.outcome === "refused").length,
      2,
      "both refusals of a cached answer are audited",
    );
  });

  test("each of the hall's writes is seen at once by the centre, every centre above it and the rankings", async () => {
    const { allCurrent, services: s, db, setNow, run } = await hall();
    await allCurrent("nothing");
    // Tickets at a community station: taken, called, skipped, recalled, transferred.
    await s.queue.take({ category: HallDepartment.LABOR_SECURITY, centre: "KX_NANXIAOBU" });
    await s.queue.take({ category: HallDepartment.LABOR_SECURITY, centre: "KX_NANXIAOBU" });
    setNow("2026-11-23T09:05:00+08:00");
    const called = await s.queue.callNext({ window: "01", centre: "KX_NANXIAOBU" });
    await allCurrent("a ticket called");
    await s.queue.skip({ ticketId: String(called!.id) });
    await s.queue.recall({ ticketId: String(called!.id), window: "02" });
    await s.queue.callNext({ window: "03", centre: "KX_NANXIAOBU" });
    await s.queue.transfer({ ticketId: String(called!.id), toCategory: HallDepartment.MEDICAL_INSURANCE });
    await allCurrent("a ticket skipped, recalled and transferred");
    // Cases at the station: opened, completed on the spot, one left open; an evaluation, unsatisfied.
    const spot = await s.cases.open({ idNumber: person(1), itemCode: "LS004", window: "01", centre: "KX_NANXIAOBU" });
    const open = await s.cases.open({ idNumber: person(2), itemCode: "LS006", window: "02", centre: "KX_NANXIAOBU" });
    await allCurrent("cases opened");
    await s.cases.complete({ caseId: String(spot.id) });
    await allCurrent("a case completed");
    const bad = await s.evaluations.submit({
      caseId: String(spot.id),
      channel: HallEvaluationChannel.DEVICE,
      rating: HallRating.UNSATISFIED,
    });
    await allCurrent("an unsatisfied evaluation and its rectification");
    await s.rectifications.resolve({ id: String(bad.rectificationId), resolvedOn: "2026-11-23", action: "培训" });
    await s.rectifications.open({ description: "意见簿", deadline: "2026-11-25", centre: "CH_C1" });
    await allCurrent("rectifications resolved and opened");
    // The open case goes up to Kaixuan, and is completed there the next day.
    setNow("2026-11-24T10:00:00+08:00");
    await s.centres.escalate({ caseId: String(open.id) });
    await allCurrent("a case escalated");
    await s.cases.complete({ caseId: String(open.id) });
    await allCurrent("an escalated case completed");
    // A retirement case at Caihe's station completes itself on the departments' events.
    const retiree = person(60);
    const retirement = await s.cases.open({ idNumber: retiree, itemCode: "ER001", window: "17", centre: "CH_C2" });
    const handlers = departmentConfirmationHandlers(s);
    const apply = <T extends EventType>(event: EventEnvelope<T>) => applyOnce(db, event, handlers[event.type]!);
    await apply(
      envelope(
        "onewindow.labor.retirement.approved",
        { idNumber: retiree, retiredOn: "2026-11-01", monthlyPensionFen: 1 },
        "2026-11-24T02:00:00Z",
      ),
    );
    const enrolment = {
      idNumber: retiree,
      creditCode: null,
      since: "2026-11-01",
      monthlyContributionFen: 0,
      employerMonthlyContributionFen: 0,
      previous: null,
    };
    await apply(
      envelope("onewindow.insurance.enrolment.changed", { ...enrolment, scheme: "RETIREE" }, "2026-11-24T02:00:01Z"),
    );
    await allCurrent("two departments confirmed");
    await apply(
      envelope(
        "onewindow.tax.pension.recorded",
        { idNumber: retiree, year: 2026, amountFen: 1, exempt: true, source: "basic pension" },
        "2026-11-24T03:00:00Z",
      ),
    );
    assert.equal((await s.caseQueries.findByIds([retirement.id]))[0]?.completedOn, "2026-11-24");
    await allCurrent("a case completed by the last department's event");
    // A centre's recall window shows on its ranking row.
    allowed(
      await run(
        { userId: "admin", roles: ["admin"] },
        `mutation { setRecallWindow(input: { centre: "KAIXUAN", recallWindowMinutes: 45 }) { code } }`,
      ),
    );
    await allCurrent("a recall window set");
  });

  test("the centres' tree placed under a running hall: every cached KPI goes", async () => {
    const opened = await openDepartmentDatabase(serviceHall, {
      clock: () => new Date("2026-11-23T09:00:00+08:00"),
      cacheStore: memoryStore(),
    });
    const streets = async () =>
      allowed(await opened.run(ANALYST, RANKING, { level: CentreLevel.STREET, ...MONTH })).centreRanking.rows.length;
    assert.equal(await streets(), 1, "the hall's own street alone");
    await opened.db.transaction((tx) => seedDemoCentres(tx));
    assert.equal(await streets(), 8, "the city's eight streets");
  });

  test("a write at one centre leaves the figures of centres not above it cached; a new day is a new answer", async () => {
    const { read, services: s, service, setNow, uncached } = await hall();
    for (const r of READS) await read(r);
    const caihe = await s.cases.open({ idNumber: person(3), itemCode: "LS004", window: "01", centre: "CH_C1" });
    await s.cases.complete({ caseId: String(caihe.id) });
    for (const r of READS.slice(0, 3))
      assert.equal(await countStatements(service, () => read(r)), 0, `${r.name}: still cached after a write at Caihe`);
    for (const r of READS.slice(3)) assert.ok((await countStatements(service, () => read(r))) > 0, `${r.name}: moved`);
    // Overdue open cases count as due from the day after their deadline: the same period reads anew each day.
    const late = await s.cases.open({ idNumber: person(4), itemCode: "LS004", window: "01", centre: "KX_NANXIAOBU" });
    const station = READS[0];
    const before = await read(station);
    setNow(new Date(Date.parse(`${late.deadline}T09:00:00+08:00`) + 86_400_000).toISOString());
    assert.deepEqual(await read(station), await uncached(station));
    assert.equal((await read(station)).hallKpis.casesDue, before.hallKpis.casesDue + 1, "the overdue case is now due");
  });
});

test("two processes of the hall sharing one Redis: a write through one is read through the other", async () => {
  const first = await hall(redisStore());
  const second = serviceHall.createServices(first.db, {
    clock: () => new Date("2026-11-23T09:00:00+08:00"),
    cacheStore: redisStore(),
  });
  const district = READS[3];
  const secondReads = async () =>
    (await second.cachedKpis.hallKpis(ANALYST as Caller, MONTH.from, MONTH.to, "JIANGGAN", true)).casesHandled;
  assert.equal((await first.read(district)).hallKpis.casesHandled, 0);
  assert.equal(await countStatements(first.service, secondReads), 0, "the second process found the first one's answer");
  const opened = await second.cases.open({ idNumber: person(5), itemCode: "LS004", window: "01", centre: "WUCHAN" });
  await second.cases.complete({ caseId: String(opened.id) });
  assert.equal((await first.read(district)).hallKpis.casesHandled, 1);
  const again = await first.services.cases.open({
    idNumber: person(6),
    itemCode: "LS004",
    window: "01",
    centre: "CH_C1",
  });
  await first.services.cases.complete({ caseId: String(again.id) });
  assert.equal(await secondReads(), 2);
});
