import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { HallEvaluationChannel, HallRating } from "../evaluation/evaluation.enums";
import { openTestHall, person } from "../service-hall.fixture";
import { starRating } from "./kpi-counts";

const { LABOR_SECURITY: A, MEDICAL_INSURANCE: B } = HallDepartment;
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/**
 * A small day at the hall, every figure computable by hand:
 * tickets A001 (6 min wait, window 01), A002 (10 min, window 02), B001 (4 min, window 07);
 * cases c1 LS004 on the spot at 01 (done same day), c2 LS006 15 days at 02 (done next day),
 * c3 MI004 on the spot at 07 (done next day: late), c4 EA001 5 days at 14 (left open, due 11-30, overdue by 12-02);
 * evaluations c1 DEVICE SATISFIED, c2 FORM BASICALLY_SATISFIED, c3 FORM UNSATISFIED (→ item R1,
 * due 2026-12-08, resolved 12-02), window 01 ONLINE SATISFIED; complaint R2 due 11-30, resolved 12-01 (late).
 */
async function smallDay() {
  const hall = await openTestHall("2026-11-23T09:00:00+08:00");
  const { s, setNow } = hall;
  await s.queue.take({ category: A });
  setNow("2026-11-23T09:02:00+08:00");
  await s.queue.take({ category: A });
  setNow("2026-11-23T09:04:00+08:00");
  await s.queue.take({ category: B });
  setNow("2026-11-23T09:06:00+08:00");
  await s.queue.callNext({ window: "01", categories: [A] });
  setNow("2026-11-23T09:08:00+08:00");
  await s.queue.callNext({ window: "07", categories: [B] });
  setNow("2026-11-23T09:12:00+08:00");
  await s.queue.callNext({ window: "02", categories: [A] });
  const c1 = await s.cases.open({ idNumber: person(1), itemCode: "LS004", window: "01", ticketNumber: "A001" });
  const c2 = await s.cases.open({ idNumber: person(2), itemCode: "LS006", window: "02", ticketNumber: "A002" });
  const c3 = await s.cases.open({ idNumber: person(3), itemCode: "MI004", window: "07", ticketNumber: "B001" });
  await s.cases.open({ idNumber: person(4), itemCode: "EA001", window: "14" });
  await s.cases.complete({ caseId: String(c1.id) });
  setNow("2026-11-24T10:00:00+08:00");
  await s.cases.complete({ caseId: String(c2.id) });
  await s.cases.complete({ caseId: String(c3.id) });
  await s.evaluations.submit({
    caseId: String(c1.id),
    channel: HallEvaluationChannel.DEVICE,
    rating: HallRating.SATISFIED,
  });
  await s.evaluations.submit({
    caseId: String(c2.id),
    channel: HallEvaluationChannel.FORM,
    rating: HallRating.BASICALLY_SATISFIED,
  });
  const bad = await s.evaluations.submit({
    caseId: String(c3.id),
    channel: HallEvaluationChannel.FORM,
    rating: HallRating.UNSATISFIED,
  });
  await s.evaluations.submit({ window: "01", channel: HallEvaluationChannel.ONLINE, rating: HallRating.SATISFIED });
  const r2 = await s.rectifications.open({ description: "意见簿：饮水机无水", deadline: "2026-11-30" });
  setNow("2026-12-01T10:00:00+08:00");
  await s.rectifications.resolve({ id: String(r2.id), resolvedOn: "2026-12-01", action: "每日检查便民设施" });
  setNow("2026-12-02T10:00:00+08:00");
  await s.rectifications.resolve({ id: String(bad.rectificationId), resolvedOn: "2026-12-02", action: "窗口培训" });
  return hall;
}

const emptyDepartment = (department: string) => ({
  department,
  casesHandled: 0,
  onTimeRate: null,
  onSiteRate: null,
  evaluations: 0,
  satisfactionRate: null,
  ticketsCalled: 0,
  averageWaitMinutes: null,
});

test("every KPI of a small day, overall, by window and by department", async () => {
  const { s } = await smallDay();
  const k = plain(await s.kpis.hallKpis("2026-11-23", "2026-11-30"));
  assert.deepEqual(
    { ...k, byWindow: undefined, byDepartment: undefined },
    {
      from: "2026-11-23",
      to: "2026-11-30",
      casesHandled: 3,
      // Due in the period: c1 (on time), c3 (late) and c4 (open past its deadline); c2 is due 12-14.
      casesDue: 3,
      casesOnTime: 1,
      casesOnSite: 1,
      onTimeRate: 1 / 3,
      onSiteRate: 1 / 3,
      evaluations: 4,
      satisfactionRate: 0.75,
      evaluationsByChannel: [
        { channel: "DEVICE", evaluations: 1, satisfied: 1, satisfactionRate: 1 },
        { channel: "FORM", evaluations: 2, satisfied: 1, satisfactionRate: 0.5 },
        { channel: "ONLINE", evaluations: 1, satisfied: 1, satisfactionRate: 1 },
      ],
      rectificationsDue: 1,
      rectificationsResolvedOnTime: 0,
      rectificationRate: 0,
      ticketsCalled: 3,
      averageWaitMinutes: 6.67,
      byWindow: undefined,
      byDepartment: undefined,
    },
  );
  assert.deepEqual(k.byWindow, [
    {
      window: "01",
      casesHandled: 1,
      onTimeRate: 1,
      onSiteRate: 1,
      evaluations: 2,
      satisfactionRate: 1,
      rectificationRate: null,
      ticketsCalled: 1,
      averageWaitMinutes: 6,
      stars: 5,
    },
    {
      window: "02",
      casesHandled: 1,
      onTimeRate: null, // c2 is due in December
      onSiteRate: 0,
      evaluations: 1,
      satisfactionRate: 1,
      rectificationRate: null,
      ticketsCalled: 1,
      averageWaitMinutes: 10,
      stars: 5,
    },
    {
      window: "07",
      casesHandled: 1,
      onTimeRate: 0,
      onSiteRate: 0,
      evaluations: 1,
      satisfactionRate: 0,
      rectificationRate: null,
      ticketsCalled: 1,
      averageWaitMinutes: 4,
      stars: 1,
    },
    {
      window: "14",
      casesHandled: 0,
      onTimeRate: 0, // c4, open past its deadline
      onSiteRate: null,
      evaluations: 0,
      satisfactionRate: null,
      rectificationRate: null,
      ticketsCalled: 0,
      averageWaitMinutes: null,
      stars: 1,
    },
  ]);
  assert.deepEqual(k.byDepartment, [
    {
      department: "LABOR_SECURITY",
      casesHandled: 2,
      onTimeRate: 1,
      onSiteRate: 0.5,
      evaluations: 2,
      satisfactionRate: 1,
      ticketsCalled: 2,
      averageWaitMinutes: 8,
    },
    {
      department: "MEDICAL_INSURANCE",
      casesHandled: 1,
      onTimeRate: 0,
      onSiteRate: 0,
      evaluations: 1,
      satisfactionRate: 0,
      ticketsCalled: 1,
      averageWaitMinutes: 4,
    },
    emptyDepartment("UNEMPLOYMENT"),
    { ...emptyDepartment("EMPLOYMENT_ASSISTANCE"), onTimeRate: 0 },
    emptyDepartment("ENTERPRISE_RETIREES"),
    emptyDepartment("TAX"),
  ]);
});

test("the rectification rate counts items by their deadline; empty periods give null rates", async () => {
  const { s } = await smallDay();
  const december = await s.kpis.hallKpis("2026-12-01", "2026-12-31");
  assert.equal(december.rectificationsDue, 1); // R1, due 12-08, resolved 12-02
  assert.equal(december.rectificationRate, 1);
  assert.deepEqual(plain(december.byWindow), [
    {
      window: "02",
      casesHandled: 0,
      onTimeRate: 1, // c2, due 12-14, completed 11-24
      onSiteRate: null,
      evaluations: 0,
      satisfactionRate: null,
      rectificationRate: null,
      ticketsCalled: 0,
      averageWaitMinutes: null,
      stars: 5,
    },
    {
      window: "07",
      casesHandled: 0,
      onTimeRate: null,
      onSiteRate: null,
      evaluations: 0,
      satisfactionRate: null,
      rectificationRate: 1,
      ticketsCalled: 0,
      averageWaitMinutes: null,
      stars: null,
    },
  ]);
  assert.equal(december.casesHandled, 0);
  assert.equal(december.casesDue, 1);
  assert.equal(december.onTimeRate, 1);
  const empty = plain(await s.kpis.hallKpis("2025-01-01", "2025-12-31"));
  assert.deepEqual(
    { ...empty, byDepartment: empty.byDepartment.length },
    {
      from: "2025-01-01",
      to: "2025-12-31",
      casesHandled: 0,
      casesDue: 0,
      casesOnTime: 0,
      casesOnSite: 0,
      onTimeRate: null,
      onSiteRate: null,
      evaluations: 0,
      satisfactionRate: null,
      evaluationsByChannel: ["DEVICE", "FORM", "ONLINE"].map((channel) => ({
        channel,
        evaluations: 0,
        satisfied: 0,
        satisfactionRate: null,
      })),
      rectificationsDue: 0,
      rectificationsResolvedOnTime: 0,
      rectificationRate: null,
      ticketsCalled: 0,
      averageWaitMinutes: null,
      byWindow: [],
      byDepartment: 6,
    },
  );
  const oneDay = await s.kpis.hallKpis("2026-11-23", "2026-11-23");
  assert.equal(oneDay.casesHandled, 1);
  assert.equal(oneDay.evaluations, 0);
  assert.equal(oneDay.satisfactionRate, null);
});

test("one case completed on time and one open past its deadline give an on-time rate of 0.5", async () => {
  const { s, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  const done = await s.cases.open({ idNumber: person(1), itemCode: "UE002", window: "11" }); // 3 days: due 11-26
  const open = await s.cases.open({ idNumber: person(2), itemCode: "UE002", window: "12" }); // due 11-26, left open
  assert.equal(open.deadline, "2026-11-26");
  setNow("2026-11-25T10:00:00+08:00");
  await s.cases.complete({ caseId: String(done.id) });
  // On its deadline day the open case is not yet late: it does not count, either way.
  setNow("2026-11-26T17:00:00+08:00");
  let k = await s.kpis.hallKpis("2026-11-01", "2026-11-30");
  assert.deepEqual([k.casesDue, k.casesOnTime, k.onTimeRate], [1, 1, 1]);
  // From the next day it counts against the hall, though nothing was completed late.
  setNow("2026-11-27T09:00:00+08:00");
  k = await s.kpis.hallKpis("2026-11-01", "2026-11-30");
  assert.deepEqual([k.casesHandled, k.casesDue, k.casesOnTime, k.onTimeRate], [1, 2, 1, 0.5]);
  assert.deepEqual(
    plain(k.byWindow).map((w) => [w.window, w.onTimeRate, w.stars]),
    [
      ["11", 1, 5],
      ["12", 0, 1],
    ],
  );
  // Completed late, it stays not on time.
  await s.cases.complete({ caseId: String(open.id) });
  k = await s.kpis.hallKpis("2026-11-01", "2026-11-30");
  assert.deepEqual([k.casesHandled, k.casesDue, k.casesOnTime, k.onTimeRate], [2, 2, 1, 0.5]);
});

test("a window's stars follow the weaker of satisfaction and on-time rate", () => {
  assert.equal(starRating(0.98, 1), 5);
  assert.equal(starRating(0.97, 0.99), 4);
  assert.equal(starRating(0.95, 0.95), 4);
  assert.equal(starRating(null, 0.91), 3);
  assert.equal(starRating(0.85, null), 2);
  assert.equal(starRating(0.5, 1), 1);
  assert.equal(starRating(null, null), null);
});
