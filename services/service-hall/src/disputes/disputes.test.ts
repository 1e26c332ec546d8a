import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { CursorKey, makeCreditCode, OneWindowError, pageRequest } from "@onewindow/platform";
import { openTestHall, outboxTypes, person } from "../service-hall.fixture";
import { LaborInspectionKind, LaborInspectionStatus, MediationOutcome, MediationStatus } from "./disputes.enums";
import { mediationDueOn } from "./disputes.service";

const cursors = CursorKey.ephemeral().list("test");
const employer = makeCreditCode("330104", 30_001);

async function refused(p: Promise<unknown>, field: string, zh?: RegExp): Promise<void> {
  await assert.rejects(p, (e: OneWindowError) => {
    assert.equal(e.extensions?.code, "BAD_USER_INPUT");
    assert.equal(e.extensions?.field, field);
    if (zh) assert.match(String(e.extensions?.localizedMessage), zh);
    return true;
  });
}

test("the mediation limit: 15 days after receipt, a last day off moved to the next working day", () => {
  const weekdays = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
  assert.equal(mediationDueOn("2026-11-02", weekdays), "2026-11-17");
  // 2026-11-06 + 15 = Saturday 2026-11-21 → Monday 2026-11-23.
  assert.equal(mediationDueOn("2026-11-06", weekdays), "2026-11-23");
});

test("an inspection: complaint, findings, a rectification order in working days, closure; each step an event", async () => {
  const { s, db, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  await refused(
    s.inspections.open({
      centre: "KAIXUAN",
      creditCode: employer,
      kind: LaborInspectionKind.ROUTINE,
      subject: "日常巡查",
      complainantIdNumber: person(1),
    }),
    "complainantIdNumber",
    /日常巡视检查没有举报人/,
  );
  await refused(
    s.inspections.open({ centre: "NOWHERE", creditCode: employer, kind: LaborInspectionKind.ROUTINE, subject: "x" }),
    "centre",
  );
  const c = await s.inspections.open({
    centre: "kaixuan",
    creditCode: employer,
    kind: LaborInspectionKind.COMPLAINT,
    subject: "拖欠工资两个月",
    complainantIdNumber: person(1),
  });
  assert.equal(c.centre, "KAIXUAN");
  assert.equal(c.status, LaborInspectionStatus.OPEN);
  await refused(s.inspections.close({ caseId: String(c.id), conclusion: "结案" }), "caseId", /尚未记录检查结果/);
  await s.inspections.recordFindings({ caseId: String(c.id), findings: "未依约支付工资", violationFound: false });
  await refused(
    s.inspections.issueOrder({ caseId: String(c.id), requirement: "补发工资", workingDays: 10 }),
    "caseId",
    /未查实违法行为/,
  );
  await s.inspections.recordFindings({ caseId: String(c.id), findings: "拖欠工资属实", violationFound: true });
  await refused(
    s.inspections.issueOrder({ caseId: String(c.id), requirement: "补发工资", workingDays: 0 }),
    "workingDays",
  );
  // Monday 2026-11-23 + 10 working days = Monday 2026-12-07.
  const ordered = await s.inspections.issueOrder({ caseId: String(c.id), requirement: "补发工资", workingDays: 10 });
  assert.equal(ordered.status, LaborInspectionStatus.RECTIFYING);
  assert.equal(ordered.rectificationDeadline, "2026-12-07");
  assert.equal(s.inspections.rectificationOverdue(ordered), false);
  setNow("2026-12-08T09:00:00+08:00");
  assert.equal(s.inspections.rectificationOverdue(ordered), true);
  const closed = await s.inspections.close({ caseId: String(c.id), conclusion: "已补发工资，结案" });
  assert.equal(closed.closedOn, "2026-12-08");
  assert.equal(closed.revision, 5);
  await refused(s.inspections.close({ caseId: String(c.id), conclusion: "again" }), "caseId", /已于 2026-12-08 结案/);
  assert.deepEqual(await outboxTypes(db), [
    "onewindow.hall.inspection.opened",
    "onewindow.hall.inspection.examined",
    "onewindow.hall.inspection.examined",
    "onewindow.hall.inspection.ordered",
    "onewindow.hall.inspection.closed",
  ]);
  const last = JSON.parse((await db.query("SELECT data FROM outbox_event ORDER BY sequence DESC LIMIT 1"))[0].data);
  assert.equal(last.status, "CLOSED");
  assert.equal(last.revision, 5);
  // The complainant is never passed on.
  assert.ok(!JSON.stringify(last).includes(person(1)));
  const listed = await s.inspections.list({ creditCode: employer }, pageRequest(10, null, cursors));
  assert.equal(listed.totalCount, 1);
});

test("a mediation case: sessions, overdue after its 15 days while open, closed with its outcome", async () => {
  const { s, db, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  await refused(
    s.mediations.open({
      centre: "KAIXUAN",
      workerIdNumber: person(2),
      creditCode: employer,
      claim: 100,
      matter: "加班费",
      appliedOn: "2026-11-24",
    }),
    "appliedOn",
  );
  await refused(
    s.mediations.open({ centre: "KAIXUAN", workerIdNumber: person(2), creditCode: employer, claim: -1, matter: "x" }),
    "claim",
  );
  const late = await s.mediations.open({
    centre: "KAIXUAN",
    workerIdNumber: person(2),
    creditCode: employer,
    claim: 12345.67,
    matter: "拖欠加班费",
    appliedOn: "2026-11-02",
  });
  assert.equal(late.claim, 12345.67);
  assert.equal(late.dueOn, "2026-11-17");
  assert.equal(s.mediations.isOverdue(late), true);
  const fresh = await s.mediations.open({
    centre: "KAIXUAN",
    workerIdNumber: person(3),
    creditCode: employer,
    claim: 0,
    matter: "解除劳动合同经济补偿",
  });
  assert.equal(fresh.appliedOn, "2026-11-23");
  assert.equal(fresh.dueOn, "2026-12-08");
  assert.equal(s.mediations.isOverdue(fresh), false);
  let overdue = await s.mediations.overdue({}, pageRequest(10, null, cursors));
  assert.deepEqual(
    overdue.edges.map((e) => e.node.id),
    [late.id],
  );
  await refused(
    s.mediations.close({ caseId: String(fresh.id), outcome: MediationOutcome.AGREEMENT, note: "补偿 5000 元" }),
    "outcome",
    /尚未召开调解会/,
  );
  await refused(
    s.mediations.recordSession({ caseId: String(fresh.id), heldOn: "2026-11-20", note: "x" }),
    "heldOn",
    /早于收到申请之日/,
  );
  await s.mediations.recordSession({ caseId: String(fresh.id), note: "双方到场，初步沟通" });
  const agreed = await s.mediations.close({
    caseId: String(fresh.id),
    outcome: MediationOutcome.AGREEMENT,
    note: "单位支付经济补偿 5000 元",
  });
  assert.equal(agreed.status, MediationStatus.CLOSED);
  assert.equal(agreed.sessionCount, 1);
  assert.deepEqual(
    (await s.mediations.sessionsOf([fresh.id, late.id])).map((l) => l.length),
    [1, 0],
  );
  setNow("2026-12-20T09:00:00+08:00");
  assert.equal(s.mediations.isOverdue(agreed), false);
  const referred = await s.mediations.close({
    caseId: String(late.id),
    outcome: MediationOutcome.FAILED_REFERRED_TO_ARBITRATION,
  });
  assert.equal(s.mediations.isOverdue(referred), false);
  overdue = await s.mediations.overdue({}, pageRequest(10, null, cursors));
  assert.equal(overdue.totalCount, 0);
  const types = await outboxTypes(db);
  assert.deepEqual(types, [
    "onewindow.hall.mediation.opened",
    "onewindow.hall.mediation.opened",
    "onewindow.hall.mediation.heard",
    "onewindow.hall.mediation.closed",
    "onewindow.hall.mediation.closed",
  ]);
  const subjects = (await db.query("SELECT subject FROM outbox_event ORDER BY sequence")).map(
    (r: { subject: string }) => r.subject,
  );
  assert.deepEqual(subjects, [person(2), person(3), person(3), person(3), person(2)]);
});
