import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { startStack, type As, type Stack } from "./harness/stack";
import { freshIdNumber } from "./harness/fixtures";

const ADMIN: As = { roles: ["admin"], user: "hall-admin" };
const CLERK: As = { roles: ["window_clerk"], user: "clerk-7", purpose: "窗口办件" };
const ANONYMOUS: As = "anonymous";

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}, as?: As) {
  const res = await stack.query(query, variables, as);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const SET = `mutation ($i: SetHolidayScheduleInput!) { setHolidaySchedule(input: $i) { year official source holidays } }`;

/**
 * The service hall's rules through the gateway: the working calendar from the State Council's
 * schedules (and the fallback for a year without one), the administrator's schedule for a new
 * year, and the on-time rate that counts an open case once its deadline has passed.
 */
describe("the service hall's calendar and on-time rate through the gateway", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("workingCalendar and deadline answer anyone: 2010 by its notice, 2027 by the statutory fallback", async () => {
    const q = `query ($y: Int!) { workingCalendar(year: $y) { year official source holidays makeUpWorkdays } }`;
    const y2010 = (await ok(stack, q, { y: 2010 }, ANONYMOUS)).workingCalendar;
    assert.equal(y2010.official, true);
    assert.match(y2010.source, /国办发明电〔2009〕27号/);
    assert.ok(y2010.holidays.includes("2010-02-19") && y2010.makeUpWorkdays.includes("2010-02-20"));
    const y2027 = (await ok(stack, q, { y: 2027 }, ANONYMOUS)).workingCalendar;
    assert.equal(y2027.official, false);
    assert.ok(y2027.holidays.includes("2027-01-01"));
    assert.match(y2027.source, /国务院令第795号/);
    const due = await ok(
      stack,
      `{ deadline(itemCode: "EA001", openedOn: "2026-12-28") { timeLimitDays deadline official } }`,
      {},
      ANONYMOUS,
    );
    assert.deepEqual(due.deadline, { timeLimitDays: 5, deadline: "2027-01-05", official: false });
    const bad = await stack.query(`{ workingCalendar(year: 1990) { year } }`, {}, ANONYMOUS);
    assert.equal(bad.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  });

  test("setHolidaySchedule: refused to a clerk and to anonymous callers, checked, audited, and counted at once", async () => {
    const y2027 = {
      year: 2027,
      holidays: ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"],
      makeUpWorkdays: [],
      source: "测试：2027年安排",
    };
    assert.equal((await stack.query(SET, { i: y2027 }, CLERK)).errors?.[0].extensions?.code, "FORBIDDEN");
    assert.equal((await stack.query(SET, { i: y2027 }, ANONYMOUS)).errors?.[0].extensions?.code, "UNAUTHENTICATED");
    const weekday = await stack.query(SET, { i: { ...y2027, makeUpWorkdays: ["2027-01-08"] } }, ADMIN);
    assert.equal(weekday.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.match(weekday.errors![0].extensions!.localizedMessage, /不是周六或周日/);
    const set = (await ok(stack, SET, { i: y2027 }, ADMIN)).setHolidaySchedule;
    assert.equal(set.official, true);
    const due = await ok(stack, `{ deadline(itemCode: "EA001", openedOn: "2026-12-28") { deadline official } }`);
    assert.deepEqual(due.deadline, { deadline: "2027-01-06", official: true });
    const audit = await stack.sql<{ user_id: string | null; outcome: string }>(
      "service-hall",
      "SELECT user_id, outcome FROM audit_entry WHERE fields LIKE 'Mutation.setHolidaySchedule%' ORDER BY id",
    );
    assert.deepEqual(
      audit.map((r) => [r.user_id, r.outcome]),
      [
        ["clerk-7", "refused"],
        [null, "refused"],
        ["hall-admin", "failed"],
        ["hall-admin", "ok"],
      ],
    );
  });

  test("one case completed on time and one open past its deadline: onTimeRate 0.5", async () => {
    const open = `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`;
    const onTime = (await ok(stack, open, { i: { idNumber: freshIdNumber(), itemCode: "UE002", window: "11" } }))
      .openCase.id;
    const overdue = (await ok(stack, open, { i: { idNumber: freshIdNumber(), itemCode: "UE002", window: "12" } }))
      .openCase.id;
    await ok(stack, `mutation ($i: CompleteCaseInput!) { completeCase(input: $i) { id } }`, { i: { caseId: onTime } });
    // The processes run on the real clock: move both cases to January 2020, as if opened then.
    await stack.tamper(
      "service-hall",
      `UPDATE hall_case SET opened_on = '2020-01-06', deadline = '2020-01-09' WHERE id IN (${onTime}, ${overdue})`,
    );
    await stack.tamper("service-hall", `UPDATE hall_case SET completed_on = '2020-01-08' WHERE id = ${onTime}`);
    const k = await ok(
      stack,
      `{ hallKpis(from: "2020-01-01", to: "2020-01-31") { casesHandled casesDue casesOnTime onTimeRate byWindow { window onTimeRate } } }`,
    );
    assert.deepEqual(k.hallKpis, {
      casesHandled: 1,
      casesDue: 2,
      casesOnTime: 1,
      onTimeRate: 0.5,
      byWindow: [
        { window: "11", onTimeRate: 1 },
        { window: "12", onTimeRate: 0 },
      ],
    });
  });
});
