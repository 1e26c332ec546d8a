import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { addDays, today } from "@onewindow/platform";
import { startStack, type As, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshCreditCode, freshIdNumber } from "./harness/fixtures";

const OFFICER: As = { roles: ["labor_officer"], user: "officer-3", purpose: "劳动争议调解" };
const CLERK: As = { roles: ["window_clerk"], user: "clerk-9", purpose: "楼宇服务站受理" };
const ANALYST: As = { roles: ["analyst"], user: "analyst-1" };

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}, as?: As) {
  const res = await stack.query(query, variables, as);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const OPEN_MEDIATION = `mutation ($i: OpenMediationCaseInput!) {
  openMediationCase(input: $i) { id appliedOn dueOn overdue status claim worker { idNumber } }
}`;
const OVERDUE = `query ($c: String) { overdueMediationCases(centre: $c) { totalCount edges { node { id dueOn overdue } } } }`;

/**
 * Labor inspection and dispute mediation at the hall through the gateway: the 15-day mediation
 * limit (劳动争议调解仲裁法第十四条) and the overdue list, and both kinds of case reaching labor
 * security's `Employer.inspections` and `Employer.disputes` by event.
 */
describe("labor inspection and dispute mediation through the gateway", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("a mediation case not closed within 15 days of its application shows as overdue, and leaves the list once closed", async () => {
    const day = today();
    const creditCode = freshCreditCode();
    // The processes run on the real clock: the application was received 20 days ago.
    const late = (
      await ok(
        stack,
        OPEN_MEDIATION,
        {
          i: {
            centre: "KAIXUAN",
            workerIdNumber: freshIdNumber(),
            creditCode,
            claim: 8600,
            matter: "拖欠工资",
            appliedOn: addDays(day, -20),
          },
        },
        OFFICER,
      )
    ).openMediationCase;
    assert.equal(late.overdue, true);
    assert.ok(late.dueOn >= addDays(day, -5) && late.dueOn < day, late.dueOn);
    const fresh = (
      await ok(
        stack,
        OPEN_MEDIATION,
        { i: { centre: "KAIXUAN", workerIdNumber: freshIdNumber(), creditCode, claim: 1200, matter: "加班费" } },
        CLERK,
      )
    ).openMediationCase;
    assert.equal(fresh.overdue, false);
    assert.equal(fresh.appliedOn, day);
    // An analyst reads the overdue list (no person in it); the worker field is refused.
    const listed = (await ok(stack, OVERDUE, { c: "KAIXUAN" }, ANALYST)).overdueMediationCases;
    const ids = listed.edges.map((e: { node: { id: string } }) => e.node.id);
    assert.ok(ids.includes(late.id) && !ids.includes(fresh.id));
    const refused = await stack.query(
      `{ overdueMediationCases { edges { node { worker { idNumber } } } } }`,
      {},
      ANALYST,
    );
    assert.equal(refused.errors?.[0].extensions?.code, "FORBIDDEN");
    await ok(
      stack,
      `mutation ($i: CloseMediationCaseInput!) { closeMediationCase(input: $i) { status outcome overdue } }`,
      { i: { caseId: late.id, outcome: "FAILED_REFERRED_TO_ARBITRATION", note: "调解不成，告知可申请仲裁" } },
      OFFICER,
    );
    const after = (await ok(stack, OVERDUE, { c: "KAIXUAN" }, ANALYST)).overdueMediationCases;
    assert.ok(!after.edges.some((e: { node: { id: string } }) => e.node.id === late.id));
  });

  test("an inspection and a mediation case appear on the employer in labor security, the worker's read audited", async () => {
    const creditCode = freshCreditCode();
    const worker = freshIdNumber();
    await ok(stack, `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`, {
      i: { creditCode, name: "杭州物产楼宇科技有限公司", industry: "信息技术" },
    });
    const inspection = (
      await ok(
        stack,
        `mutation ($i: OpenInspectionCaseInput!) { openInspectionCase(input: $i) { id status } }`,
        { i: { centre: "KAIXUAN", creditCode, kind: "ROUTINE", subject: "劳动合同签订情况日常检查" } },
        CLERK,
      )
    ).openInspectionCase;
    await ok(
      stack,
      `mutation ($i: RecordInspectionFindingsInput!) { recordInspectionFindings(input: $i) { id } }`,
      { i: { caseId: inspection.id, findings: "3名员工未签订书面劳动合同", violationFound: true } },
      OFFICER,
    );
    const ordered = (
      await ok(
        stack,
        `mutation ($i: IssueRectificationOrderInput!) { issueRectificationOrder(input: $i) { status rectificationDeadline } }`,
        { i: { caseId: inspection.id, requirement: "补签书面劳动合同", workingDays: 10 } },
        OFFICER,
      )
    ).issueRectificationOrder;
    assert.equal(ordered.status, "RECTIFYING");
    const mediation = (
      await ok(
        stack,
        OPEN_MEDIATION,
        { i: { centre: "KAIXUAN", workerIdNumber: worker, creditCode, claim: 5000, matter: "经济补偿" } },
        OFFICER,
      )
    ).openMediationCase;
    await ok(
      stack,
      `mutation ($i: RecordMediationSessionInput!) { recordMediationSession(input: $i) { id } }`,
      { i: { caseId: mediation.id, note: "双方到场" } },
      OFFICER,
    );

    const EMPLOYER = `query ($c: ID!) { employer(creditCode: $c) {
      inspections { totalCount edges { node { inspectionId kind status violationFound rectificationDeadline } } }
      disputes { totalCount edges { node { mediationId idNumber claim sessions status overdue } } }
    } }`;
    const seen = await eventually(async () => {
      const e = (await ok(stack, EMPLOYER, { c: creditCode }, OFFICER)).employer;
      assert.equal(e.inspections.edges[0]?.node.status, "RECTIFYING");
      assert.equal(e.disputes.edges[0]?.node.sessions, 1);
      return e;
    });
    assert.deepEqual(seen.inspections.edges[0].node, {
      inspectionId: inspection.id,
      kind: "ROUTINE",
      status: "RECTIFYING",
      violationFound: true,
      rectificationDeadline: ordered.rectificationDeadline,
    });
    assert.deepEqual(seen.disputes.edges[0].node, {
      mediationId: mediation.id,
      idNumber: worker,
      claim: 5000,
      sessions: 1,
      status: "OPEN",
      overdue: false,
    });
    // Analysts: the counts, not the workers.
    const counts = (
      await ok(
        stack,
        `query ($c: ID!) { employer(creditCode: $c) { inspections { totalCount } disputes { totalCount } } }`,
        { c: creditCode },
        ANALYST,
      )
    ).employer;
    assert.deepEqual(counts, { inspections: { totalCount: 1 }, disputes: { totalCount: 1 } });
    const denied = await stack.query(EMPLOYER, { c: creditCode }, ANALYST);
    assert.equal(denied.errors?.[0].extensions?.code, "FORBIDDEN");
    // The officer's read of the worker is on labor security's audit trail.
    const audit = await stack.sql<{ user_id: string; id_number: string | null; fields: string }>(
      "labor-security",
      `SELECT user_id, id_number, fields FROM audit_entry WHERE id_number = '${worker}'`,
    );
    assert.ok(
      audit.some((r) => r.user_id === "officer-3" && r.fields.includes("EmployerDispute")),
      JSON.stringify(audit),
    );
    // And the hall's answer naming the worker when the case was opened, on the hall's trail.
    const hallAudit = await stack.sql<{ user_id: string; fields: string }>(
      "service-hall",
      `SELECT user_id, fields FROM audit_entry WHERE id_number = '${worker}'`,
    );
    assert.ok(
      hallAudit.some((r) => r.user_id === "officer-3" && r.fields.includes("MediationCase.worker")),
      JSON.stringify(hallAudit),
    );
  });
});
