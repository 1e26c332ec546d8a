import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { OneWindowError, runSql } from "@onewindow/platform";
import { HallEvaluationChannel, HallRating } from "../evaluation/evaluation.enums";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { openTestHall, person, snapshot } from "../service-hall.fixture";
import { SERVICE_STAR_RULE } from "./service-star.rule";
import { monthDays, requireStaff } from "./staff.service";
import { WindowStaffBadge } from "./staff.enums";

const WANG = {
  staffNumber: "KX20",
  name: "王丽",
  centre: "kaixuan",
  window: "20",
  partyMember: false,
  badges: [WindowStaffBadge.YOUTH_CIVILISED_POST],
  duties: ["纳税申报受理"],
};

test("an administrator records staff; Party badges need a Party member; unknown centres and staff are refused in Chinese", async () => {
  const { db, s } = await openTestHall();
  const staff = await s.staff.record(WANG);
  assert.equal(staff.centre, "KAIXUAN");
  assert.deepEqual((await s.staff.find("KX20"))?.badges, [WindowStaffBadge.YOUTH_CIVILISED_POST]);
  const before = await snapshot(db);
  await assert.rejects(
    s.staff.record({ ...WANG, badges: [WindowStaffBadge.PARTY_VANGUARD_POST] }),
    (e: OneWindowError) => {
      assert.match(e.message, /the badge PARTY_VANGUARD_POST \(党员先锋岗\) is for Party members only/);
      assert.match(String(e.extensions.localizedMessage), /“党员先锋岗”称号只能授予中共党员/);
      return true;
    },
  );
  await assert.rejects(s.staff.record({ ...WANG, centre: "NOWHERE" }), /NOWHERE/);
  await assert.rejects(s.staff.record({ ...WANG, staffNumber: "KX 20" }), /staff number/);
  await assert.rejects(requireStaff(db.manager, "KX99"), (e: OneWindowError) => {
    assert.match(String(e.extensions.localizedMessage), /没有工号为 KX99 的窗口工作人员/);
    return true;
  });
  assert.deepEqual(await snapshot(db), before);
  // Recording again replaces the record.
  await s.staff.record({ ...WANG, partyMember: true, badges: [WindowStaffBadge.PARTY_VANGUARD_POST] });
  assert.deepEqual((await s.staff.find("KX20"))?.badges, [WindowStaffBadge.PARTY_VANGUARD_POST]);
});

test("the sign shows name, window, badges, duties and commitments; commitments are reviewed in the ledger", async () => {
  const { s, setNow } = await openTestHall("2026-11-02T09:00:00+08:00");
  await s.staff.record(WANG);
  const commitment = await s.staff.recordCommitment({ staffNumber: "KX20", text: "首问负责，一次性告知" });
  assert.equal(commitment.madeOn, "2026-11-02");
  await assert.rejects(s.staff.recordCommitment({ staffNumber: "KX99", text: "x" }), /no window staff member KX99/);
  await assert.rejects(
    s.staff.recordCommitment({ staffNumber: "KX20", text: "x", madeOn: "2026-12-01" }),
    /future|晚于/,
  );
  setNow("2026-11-30T17:00:00+08:00");
  const review = await s.staff.reviewCommitment({
    commitmentId: String(commitment.id),
    kept: true,
    reviewer: "中心主任",
    note: "群众无投诉",
  });
  assert.equal(review.reviewedOn, "2026-11-30");
  await assert.rejects(
    s.staff.reviewCommitment({ commitmentId: "999", kept: false, reviewer: "x" }),
    /no commitment 999/,
  );
  assert.deepEqual(
    (await s.staff.reviewsOf([commitment.id]))[0].map((r) => [r.kept, r.reviewer]),
    [[true, "中心主任"]],
  );
  const signs = await s.staff.badges("KAIXUAN", null);
  assert.deepEqual(JSON.parse(JSON.stringify(signs)), [
    {
      name: "王丽",
      centre: "KAIXUAN",
      window: "20",
      badges: ["YOUTH_CIVILISED_POST"],
      duties: ["纳税申报受理"],
      commitments: ["首问负责，一次性告知"],
    },
  ]);
  assert.deepEqual(await s.staff.badges("KAIXUAN", "01"), []);
});

test("cases, ticket calls and evaluations name the signed-in clerk when on record; their KPIs and stars follow", async () => {
  const { db, s } = await openTestHall("2026-11-23T09:00:00+08:00");
  await s.staff.record(WANG);
  // An unknown token subject is recorded as nobody.
  const stranger = await s.cases.open({ idNumber: person(900), itemCode: "TX001", window: "20" }, "test-operator");
  assert.equal(stranger.staffNumber, null);
  await s.queue.take({ category: HallDepartment.TAX });
  const called = await s.queue.callNext({ window: "20", categories: [HallDepartment.TAX] }, "KX20");
  assert.equal(called?.staffNumber, "KX20");
  const cases = [];
  for (let n = 1; n <= SERVICE_STAR_RULE.minCases; n++) {
    const c = await s.cases.open({ idNumber: person(n), itemCode: "TX001", window: "20" }, "KX20");
    assert.equal(c.staffNumber, "KX20");
    cases.push(await s.cases.complete({ caseId: String(c.id) }, "KX20"));
  }
  assert.equal(cases[0].completedBy, "KX20");
  let kpis = await s.staff.kpis("KX20", "2026-11-01", "2026-11-30");
  assert.deepEqual(
    [kpis.casesHandled, kpis.onTimeRate, kpis.onSiteRate, kpis.evaluations, kpis.satisfactionRate, kpis.ticketsCalled],
    [SERVICE_STAR_RULE.minCases, 1, 1, 0, null, 1],
  );
  // No evaluation yet: not a star.
  assert.deepEqual(await s.staff.stars("KAIXUAN", "2026-11"), []);
  // The citizen rates the case (the stranger's token at the evaluator does not change whom it rates).
  const rated = await s.evaluations.submit(
    { caseId: String(cases[0].id), channel: HallEvaluationChannel.DEVICE, rating: HallRating.SATISFIED },
    "test-operator",
  );
  const [row] = await runSql<{ staff_number: string }>(
    db.manager,
    "SELECT staff_number FROM hall_evaluation WHERE id = ?",
    [rated.id],
  );
  assert.equal(row.staff_number, "KX20");
  kpis = await s.staff.kpis("KX20", "2026-11-01", "2026-11-30");
  assert.deepEqual([kpis.evaluations, kpis.satisfactionRate], [1, 1]);
  const stars = await s.staff.stars("KAIXUAN", "2026-11");
  assert.deepEqual(
    stars.map((x) => [x.rank, x.staffNumber, x.badge.name, x.score]),
    [[1, "KX20", "王丽", SERVICE_STAR_RULE.minCases]],
  );
  assert.deepEqual(await s.staff.stars("KAIXUAN", "2026-10"), []);
  // A window evaluation at the evaluator signed in as the clerk rates the clerk: UNSATISFIED rules the month out.
  await s.evaluations.submit(
    { window: "20", channel: HallEvaluationChannel.DEVICE, rating: HallRating.UNSATISFIED },
    "KX20",
  );
  assert.equal((await s.staff.kpis("KX20", "2026-11-23", "2026-11-23")).unsatisfied, 1);
  assert.deepEqual(await s.staff.stars("KAIXUAN", "2026-11"), []);
  await assert.rejects(s.staff.kpis("KX20", "2026-11-30", "2026-11-01"), /after/);
  await assert.rejects(s.staff.stars("KAIXUAN", "2026-13"), /not a month/);
});

test("a month's first and last day", () => {
  assert.deepEqual(monthDays("2024-02"), { from: "2024-02-01", to: "2024-02-29" });
  assert.deepEqual(monthDays("2026-12"), { from: "2026-12-01", to: "2026-12-31" });
  assert.throws(() => monthDays("2026-1"), /not a month/);
});
