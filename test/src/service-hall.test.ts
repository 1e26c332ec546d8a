import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { addDays, maskIdNumber, today } from "@onewindow/platform";
import { startStack, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshIdNumber } from "./harness/fixtures";

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}) {
  const res = await stack.query(query, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

// A holiday calendar of the test's own: the three days after today are public holidays.
const HOLIDAYS = [1, 2, 3].map((n) => addDays(today(), n));

/**
 * The deadline worked out by hand: `days` working days after `from`, skipping weekends, HOLIDAYS
 * and the days off of the State Council's schedules (`off`), working the weekend days in `worked`.
 */
function expectedDeadline(from: string, days: number, off: string[] = [], worked: string[] = []): string {
  let day = from;
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const working = worked.includes(day) || (weekday !== 0 && weekday !== 6 && !off.includes(day));
    if (working && !HOLIDAYS.includes(day)) left--;
  }
  return day;
}

describe("the service hall through the gateway", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      seed: { citizens: 200, employers: 10, jobPostings: 10, extraVisits: 0 },
      env: { HALL_HOLIDAYS: HOLIDAYS.join(","), HALL_MAKEUP_WORKDAYS: "2000-01-01" },
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("凯旋街道综合服务中心 reproduces its published figures", async () => {
    const data = await ok(
      stack,
      `{ hallKpis(from: "2008-01-01", to: "2010-12-31") { casesHandled onTimeRate onSiteRate satisfactionRate rectificationRate } }`,
    );
    assert.ok(data.hallKpis.casesHandled > 70_000, `cases ${data.hallKpis.casesHandled}`);
    assert.deepEqual(
      { ...data.hallKpis, casesHandled: undefined },
      { casesHandled: undefined, onTimeRate: 1, onSiteRate: 1, satisfactionRate: 0.98, rectificationRate: 1 },
    );
    const empty = await ok(
      stack,
      `{ hallKpis(from: "1999-01-01", to: "1999-01-31") { casesHandled onTimeRate satisfactionRate averageWaitMinutes } }`,
    );
    assert.deepEqual(empty.hallKpis, {
      casesHandled: 0,
      onTimeRate: null,
      satisfactionRate: null,
      averageWaitMinutes: null,
    });
    const backwards = await stack.query(`{ hallKpis(from: "2010-12-31", to: "2010-01-01") { casesHandled } }`);
    assert.equal(backwards.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  });

  test("a case's deadline counts working days, skipping weekends and the holiday calendar", async () => {
    const idNumber = freshIdNumber("1992-09-09", "MALE");
    await ok(stack, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "郑浩" },
    });
    const items = await ok(stack, `{ serviceItems { code timeLimitDays } }`);
    const item = items.serviceItems.find((i: any) => i.timeLimitDays >= 5);
    const opened = await ok(stack, `mutation ($i: OpenCaseInput!) { openCase(input: $i) { openedOn deadline } }`, {
      i: { idNumber, itemCode: item.code, window: "W03" },
    });
    // HALL_HOLIDAYS adds to the State Council's schedule of the year (and the next, for a deadline across New Year).
    const year = Number(opened.openCase.openedOn.slice(0, 4));
    const off: string[] = [];
    const worked: string[] = [];
    for (const y of [year, year + 1]) {
      const c = (await ok(stack, `{ workingCalendar(year: ${y}) { holidays makeUpWorkdays } }`)).workingCalendar;
      off.push(...c.holidays);
      worked.push(...c.makeUpWorkdays);
    }
    assert.ok(HOLIDAYS.every((d) => off.includes(d)));
    assert.equal(opened.openCase.deadline, expectedDeadline(opened.openCase.openedOn, item.timeLimitDays, off, worked));
    const bad = await stack.query(`mutation { completeCase(input: { caseId: "999999999" }) { id } }`);
    assert.equal(bad.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  });

  test("queue: numbers per category, the green channel first", async () => {
    const take = (category: string, priority?: string) =>
      ok(stack, `mutation ($i: TakeQueueTicketInput!) { takeQueueTicket(input: $i) { number priority } }`, {
        i: { category, priority },
      });
    const first = (await take("TAX")).takeQueueTicket.number;
    const second = (await take("TAX")).takeQueueTicket.number;
    assert.match(first, /^[A-Z]\d{3}$/);
    assert.equal(Number(second.slice(1)), Number(first.slice(1)) + 1);
    const elderly = (await take("TAX", "ELDERLY")).takeQueueTicket;
    const called = await ok(
      stack,
      `mutation { callNextTicket(input: { window: "W09", categories: [TAX] }) { number } }`,
    );
    assert.equal(called.callNextTicket.number, elderly.number);
  });

  test("a retirement case completes itself when labor, insurance and tax have confirmed over NATS", async () => {
    const idNumber = freshIdNumber("1965-02-02", "MALE");
    await ok(stack, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "宋建华" },
    });
    const opened = await ok(
      stack,
      `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id status tasks { department status } } }`,
      {
        i: { idNumber, itemCode: "ER001", window: "W05" },
      },
    );
    assert.equal(opened.openCase.status, "OPEN");
    assert.deepEqual(
      opened.openCase.tasks.map((t: any) => t.status),
      ["PENDING", "PENDING", "PENDING"],
    );
    await ok(stack, `mutation ($i: ApproveRetirementInput!) { approveRetirement(input: $i) { retiredOn } }`, {
      i: { idNumber, retiredOn: "2026-11-01", monthlyPension: 3600 },
    });
    const done = await eventually(async () => {
      const data = await ok(
        stack,
        `query ($id: ID!) { citizen(idNumber: $id) { cases(first: 5) { totalCount edges { node { id status tasks { department status } } } } } }`,
        { id: idNumber },
      );
      assert.equal(data.citizen.cases.edges[0].node.status, "COMPLETED");
      return data.citizen.cases;
    });
    assert.equal(done.totalCount, 1);
    assert.deepEqual(done.edges[0].node.tasks.map((t: any) => [t.department, t.status]).sort(), [
      ["INSURANCE", "CONFIRMED"],
      ["LABOR", "CONFIRMED"],
      ["TAX", "CONFIRMED"],
    ]);
  });

  test("an unsatisfied evaluation opens a rectification; bad input writes nothing", async () => {
    const idNumber = freshIdNumber("1988-03-03", "FEMALE");
    await ok(stack, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "许丽" },
    });
    const opened = await ok(stack, `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`, {
      i: { idNumber, itemCode: "TX006", window: "W12" },
    });
    const caseId = opened.openCase.id;
    const before = await ok(stack, `{ rectifications(first: 0) { totalCount } }`);
    await ok(stack, `mutation ($i: SubmitEvaluationInput!) { submitEvaluation(input: $i) { id } }`, {
      i: { caseId, channel: "DEVICE", rating: "UNSATISFIED" },
    });
    const afterCount = await ok(stack, `{ rectifications(first: 0) { totalCount } }`);
    assert.equal(afterCount.rectifications.totalCount, before.rectifications.totalCount + 1);
    for (const [query, variables] of [
      [
        `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`,
        { i: { idNumber, itemCode: "NOPE01", window: "W12" } },
      ],
      [
        `mutation ($i: SubmitEvaluationInput!) { submitEvaluation(input: $i) { id } }`,
        { i: { caseId: "999999999", channel: "FORM", rating: "SATISFIED" } },
      ],
    ] as const) {
      const res = await stack.query(query, variables);
      assert.equal(res.errors?.[0].extensions?.code, "BAD_USER_INPUT", JSON.stringify(res.errors));
    }
    assert.equal(
      (await ok(stack, `{ rectifications(first: 0) { totalCount } }`)).rectifications.totalCount,
      afterCount.rectifications.totalCount,
    );
  });

  test("overdue cases: an analyst sees the list with ID numbers masked, the window clerk sees the persons (and is audited)", async () => {
    const idNumber = freshIdNumber("1979-04-04", "FEMALE");
    const proxy = freshIdNumber("1981-05-05", "MALE");
    await ok(stack, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "欧阳静" },
    });
    const opened = await ok(stack, `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id deadline } }`, {
      i: { idNumber, itemCode: "TX006", window: "W21", proxy },
    });
    const caseId = opened.openCase.id;
    // Judged a year on, the case is overdue; it is found by id among the oldest-deadline-first pages.
    const query = `query ($asOf: Date, $after: String) { overdueCases(asOf: $asOf, first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id proxyIdNumber citizen { idNumber } } } } }`;
    const find = async (as: Parameters<Stack["query"]>[2]) => {
      let after: string | null = null;
      for (;;) {
        const res: { data?: any; errors?: unknown } = await stack.query(
          query,
          { asOf: addDays(opened.openCase.deadline, 365), after },
          as,
        );
        assert.equal(res.errors, undefined, JSON.stringify(res.errors));
        const hit = res.data.overdueCases.edges.find((e: any) => e.node.id === caseId);
        if (hit) return hit.node;
        assert.ok(res.data.overdueCases.pageInfo.hasNextPage, `case ${caseId} not among the overdue cases`);
        after = res.data.overdueCases.pageInfo.endCursor;
      }
    };
    const analyst = await find({ roles: ["analyst"], user: "analyst-1", purpose: "督查月报" });
    assert.deepEqual(analyst, {
      id: caseId,
      proxyIdNumber: maskIdNumber(proxy),
      citizen: { idNumber: maskIdNumber(idNumber) },
    });
    assert.match(analyst.citizen.idNumber, /^\d{6}\*{8}\d{3}[\dX]$/);
    // The person behind a masked row stays closed to the analyst.
    const one = await stack.query(
      `query ($id: ID!) { case(id: $id) { id } }`,
      { id: caseId },
      { roles: ["analyst"], user: "analyst-1", purpose: "督查月报" },
    );
    assert.equal(one.errors?.[0].extensions?.code, "FORBIDDEN");
    const clerk = await find({ roles: ["window_clerk"], user: "clerk-21", purpose: "超期件催办" });
    assert.deepEqual(clerk, { id: caseId, proxyIdNumber: proxy, citizen: { idNumber } });
    // The hall's own trail: the clerk's read is on it, the analyst's masked rows are not.
    const reads = (
      await stack.sql<{ user_id: string; purpose: string }>(
        "service-hall",
        `SELECT user_id, purpose FROM audit_entry WHERE id_number = '${idNumber}' ORDER BY id`,
      )
    ).map((r) => [r.user_id, r.purpose]);
    assert.ok(
      reads.some(([user, purpose]: string[]) => user === "clerk-21" && purpose === "超期件催办"),
      JSON.stringify(reads),
    );
    assert.ok(!reads.some(([user]: string[]) => user === "analyst-1"), JSON.stringify(reads));
  });
});
