import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { today } from "@onewindow/platform";
import { startStack, type As, type Stack } from "./harness/stack";
import { freshIdNumber } from "./harness/fixtures";

const ADMIN: As = { roles: ["admin"], user: "hall-admin" };
const ANALYST: As = { roles: ["analyst"], user: "analyst-1" };
/** A named clerk: the token's subject is their staff number. */
const CLERK: As = { roles: ["window_clerk"], user: "E2E-07", purpose: "窗口办件" };

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}, as?: As) {
  const res = await stack.query(query, variables, as);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const KPIS = `query($n: String!, $from: Date!, $to: Date!) {
  staffKpis(staffNumber: $n, from: $from, to: $to) { casesHandled onTimeRate onSiteRate evaluations satisfactionRate ticketsCalled }
}`;
const STARS = `query($m: String!) { serviceStars(centre: "KAIXUAN", month: $m) { rank staffNumber score badge { name window badges } kpis { casesHandled evaluations } } }`;

describe("window staff through the gateway", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: { citizens: 50, employers: 5, jobPostings: 5, extraVisits: 0 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("the demo's 22 windows are staffed, their signs public, their records and figures not", async () => {
    const signs = await ok(
      stack,
      `{ staffBadges(centre: "KAIXUAN") { name window badges duties commitments } }`,
      {},
      "anonymous",
    );
    assert.equal(signs.staffBadges.length, 22);
    assert.ok(signs.staffBadges.some((b: { badges: string[] }) => b.badges.includes("PARTY_VANGUARD_POST")));
    assert.ok(signs.staffBadges.some((b: { badges: string[] }) => b.badges.includes("WOMEN_CIVILISED_POST")));
    // The sign names no staff number and no Party membership.
    const personal = await stack.query(`{ staffBadges(centre: "KAIXUAN") { partyMember } }`, {}, "anonymous");
    assert.ok(personal.errors?.length);
    const record = await stack.query(`{ windowStaff(staffNumber: "KX01") { name partyMember } }`, {}, "anonymous");
    assert.ok(record.errors?.length);
    const kx01 = await ok(stack, KPIS, { n: "KX01", from: "2008-01-01", to: "2010-12-31" }, ANALYST);
    assert.ok(kx01.staffKpis.casesHandled > 1_000, JSON.stringify(kx01));
    assert.equal(kx01.staffKpis.onTimeRate, 1);
    // The demo's evaluations are their cases' clerks': summed over the windows, the 800.
    let evaluations = 0;
    for (let w = 1; w <= 22; w++) {
      const k = await ok(
        stack,
        KPIS,
        { n: `KX${String(w).padStart(2, "0")}`, from: "2008-01-01", to: "2010-12-31" },
        ANALYST,
      );
      evaluations += k.staffKpis.evaluations;
    }
    assert.equal(evaluations, 800);
  });

  test("a case handled by a named clerk moves that clerk's KPIs and stars", async () => {
    const day = today();
    const month = day.slice(0, 7);
    await ok(
      stack,
      `mutation($i: RecordWindowStaffInput!) { recordWindowStaff(input: $i) { staffNumber } }`,
      {
        i: {
          staffNumber: "E2E-07",
          name: "测试员",
          centre: "KAIXUAN",
          window: "07",
          partyMember: true,
          badges: ["PARTY_VANGUARD_POST"],
          duties: ["医疗保险参保登记"],
        },
      },
      ADMIN,
    );
    const c = await ok(
      stack,
      `mutation($i: RecordCommitmentInput!) { recordCommitment(input: $i) { id text } }`,
      { i: { staffNumber: "E2E-07", text: "首问负责，一次性告知" } },
      ADMIN,
    );
    await ok(
      stack,
      `mutation($i: ReviewCommitmentInput!) { reviewCommitment(input: $i) { kept reviewer } }`,
      { i: { commitmentId: c.recordCommitment.id, kept: true, reviewer: "中心主任", note: "群众无投诉" } },
      ADMIN,
    );
    const record = await ok(
      stack,
      `{ windowStaff(staffNumber: "E2E-07") { partyMember commitments { text reviews { kept reviewer note } } } }`,
      {},
      ANALYST,
    );
    assert.deepEqual(record.windowStaff, {
      partyMember: true,
      commitments: [
        { text: "首问负责，一次性告知", reviews: [{ kept: true, reviewer: "中心主任", note: "群众无投诉" }] },
      ],
    });

    const before = await ok(stack, KPIS, { n: "E2E-07", from: day, to: day }, ANALYST);
    assert.equal(before.staffKpis.casesHandled, 0);
    assert.deepEqual((await ok(stack, STARS, { m: month }, ANALYST)).serviceStars, []);

    await ok(stack, `mutation { takeQueueTicket(input: { category: MEDICAL_INSURANCE }) { number } }`, {}, "anonymous");
    const call = await ok(
      stack,
      `mutation { callNextTicket(input: { window: "07", categories: [MEDICAL_INSURANCE] }) { number } }`,
      {},
      CLERK,
    );
    assert.ok(call.callNextTicket);
    let first = "";
    for (let n = 0; n < 20; n++) {
      const opened = await ok(
        stack,
        `mutation($i: OpenCaseInput!) { openCase(input: $i) { id staffNumber } }`,
        { i: { idNumber: freshIdNumber(), itemCode: "TX001", window: "07" } },
        CLERK,
      );
      assert.equal(opened.openCase.staffNumber, "E2E-07");
      first ||= opened.openCase.id;
      const done = await ok(
        stack,
        `mutation($i: CompleteCaseInput!) { completeCase(input: $i) { completedBy onTime } }`,
        { i: { caseId: opened.openCase.id } },
        CLERK,
      );
      assert.deepEqual(done.completeCase, { completedBy: "E2E-07", onTime: true });
    }
    const moved = await ok(stack, KPIS, { n: "E2E-07", from: day, to: day }, ANALYST);
    assert.deepEqual(moved.staffKpis, {
      casesHandled: 20,
      onTimeRate: 1,
      onSiteRate: 1,
      evaluations: 0,
      satisfactionRate: null,
      ticketsCalled: 1,
    });
    // Not rated by any citizen yet: no star.
    assert.deepEqual((await ok(stack, STARS, { m: month }, ANALYST)).serviceStars, []);
    await ok(
      stack,
      `mutation($i: SubmitEvaluationInput!) { submitEvaluation(input: $i) { rating } }`,
      { i: { caseId: first, channel: "DEVICE", rating: "SATISFIED" } },
      CLERK,
    );
    const rated = await ok(stack, KPIS, { n: "E2E-07", from: day, to: day }, ANALYST);
    assert.deepEqual([rated.staffKpis.evaluations, rated.staffKpis.satisfactionRate], [1, 1]);
    const stars = await ok(stack, STARS, { m: month }, ANALYST);
    assert.deepEqual(stars.serviceStars, [
      {
        rank: 1,
        staffNumber: "E2E-07",
        score: 20,
        badge: { name: "测试员", window: "07", badges: ["PARTY_VANGUARD_POST"] },
        kpis: { casesHandled: 20, evaluations: 1 },
      },
    ]);
    // An operator account that is no staff member is recorded as nobody.
    const anon = await ok(stack, `mutation($i: OpenCaseInput!) { openCase(input: $i) { staffNumber } }`, {
      i: { idNumber: freshIdNumber(), itemCode: "TX001", window: "07" },
    });
    assert.equal(anon.openCase.staffNumber, null);
    // An unknown staff number is refused in Chinese first.
    const unknown = await stack.query(KPIS, { n: "NOBODY", from: day, to: day }, ANALYST);
    assert.match(unknown.errors![0].message, /no window staff member NOBODY/);
  });
});
