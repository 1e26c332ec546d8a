import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { addDays, CursorKey, OutboxEvent, pageRequest, today } from "@onewindow/platform";
import { Claim } from "./claim.entity";
import { MedicalInsuranceScheme } from "../enrolment/enrolment.enums";
import { InsuranceEvents } from "@onewindow/contracts";
import { openDepartmentDatabase, rejectsWith, rowCounts } from "@onewindow/testing";
import { medicalInsurance } from "../index";
import { person, TABLES } from "../medical-insurance.fixture";

/** Cursors of this process only, as a department seals them for one list. */
const cursors = CursorKey.ephemeral().list("test");

const claim = (n: number, visitDate: string, totalCost = 100, drugCost = 40) => ({
  idNumber: person(n),
  hospitalCode: "H330106001",
  visitDate,
  totalCost,
  drugCost,
});

test("a claim stores fen, shows yuan and publishes an event", async () => {
  const { services: s, db } = await openDepartmentDatabase(medicalInsurance);
  await s.enrolments.enroll({ idNumber: person(1), scheme: MedicalInsuranceScheme.RESIDENT, since: "2024-01-01" });
  const c = await s.claims.submit(claim(1, "2024-03-02", 1234.56, 789.01));
  assert.equal(c.totalCost, 1234.56);
  assert.equal(c.drugCost, 789.01);
  const stored = await db.getRepository(Claim).findOneByOrFail({ id: c.id });
  assert.equal(stored.totalCostFen, 123_456);
  assert.equal(stored.drugCostFen, 78_901);
  const events = await db.getRepository(OutboxEvent).findBy({ type: InsuranceEvents.claimSubmitted });
  assert.equal(events.length, 1);
  assert.equal(JSON.parse(events[0].data).totalCostFen, 123_456);
});

test("a claim for a person never enrolled is NOT_FOUND and writes nothing", async () => {
  const { services: s, db } = await openDepartmentDatabase(medicalInsurance);
  const refusal = await rejectsWith(s.claims.submit(claim(2, "2024-03-02")), "NOT_FOUND", {
    message: /never been enrolled/,
  });
  // The clerk reads the Chinese; API clients the English message.
  assert.equal(refusal.extensions.localizedMessage, `${person(2)} 从未参加医疗保险，请先办理参保登记再提交报销申请`);
  assert.deepEqual(await rowCounts(db, TABLES), { enrolment: 0, claim: 0, outbox_event: 0 });
});

test("invalid claim input is BAD_USER_INPUT naming the field, and writes nothing", async () => {
  const { services: s, db } = await openDepartmentDatabase(medicalInsurance);
  await s.enrolments.enroll({ idNumber: person(3), scheme: MedicalInsuranceScheme.RETIREE, since: "2024-01-01" });
  const before = await rowCounts(db, TABLES);
  const cases: [object, RegExp][] = [
    [{ ...claim(3, "2024-03-02"), totalCost: -1 }, /totalCost: .*negative/],
    [{ ...claim(3, "2024-03-02"), drugCost: -0.01 }, /drugCost: .*negative/],
    [claim(3, "2024-03-02", 100, 100.01), /drugCost: must not exceed totalCost/],
    [claim(3, addDays(today(), 1)), /visitDate: .*in the future/],
    [{ ...claim(3, "2024-03-02"), hospitalCode: "  " }, /hospitalCode: must not be empty/],
    [{ ...claim(3, "2024-03-02"), idNumber: "110101199003070000" }, /idNumber: .*check character/],
  ];
  for (const [input, message] of cases) {
    await rejectsWith(s.claims.submit(input as never), "BAD_USER_INPUT", { message });
  }
  assert.deepEqual(await rowCounts(db, TABLES), before);
});

test("claims page per person, newest visit first, with totals and cursors", async () => {
  const { services: s } = await openDepartmentDatabase(medicalInsurance);
  for (const n of [4, 5])
    await s.enrolments.enroll({ idNumber: person(n), scheme: MedicalInsuranceScheme.RESIDENT, since: "2024-01-01" });
  const dates = ["2024-02-01", "2024-05-01", "2024-03-01", "2024-05-01", "2024-04-01"];
  const ids: number[] = [];
  for (const d of dates) ids.push((await s.claims.submit(claim(4, d))).id);
  await s.claims.submit(claim(5, "2024-06-01"));

  const first = pageRequest(2, null, cursors);
  const [p4, p5, p6] = await s.claims.pagesFor([person(4), person(5), person(6)], first);
  // Same visit date: the later claim (higher id) first.
  assert.deepEqual(
    p4.edges.map((e) => e.node.id),
    [ids[3], ids[1]],
  );
  assert.equal(p4.totalCount, 5);
  assert.equal(p4.pageInfo.hasNextPage, true);
  assert.deepEqual(
    p5.edges.map((e) => e.node.visitDate),
    ["2024-06-01"],
  );
  assert.equal(p5.pageInfo.hasNextPage, false);
  assert.deepEqual([p6.totalCount, p6.edges.length], [0, 0]);

  const next = pageRequest(2, p4.pageInfo.endCursor, cursors);
  const [q4, q5] = await s.claims.pagesFor([person(4), person(5)], next);
  assert.deepEqual(
    q4.edges.map((e) => e.node.visitDate),
    ["2024-04-01", "2024-03-01"],
  );
  assert.equal(q4.pageInfo.hasPreviousPage, true);
  assert.deepEqual(q5.edges, []);
  const [last] = await s.claims.pagesFor([person(4)], pageRequest(2, q4.pageInfo.endCursor, cursors));
  assert.deepEqual(
    last.edges.map((e) => e.node.visitDate),
    ["2024-02-01"],
  );
  assert.equal(last.pageInfo.hasNextPage, false);
});

test("visits and enrolments are dated by the department's clock, not the machine's", async () => {
  const { services: s, db } = await openDepartmentDatabase(medicalInsurance, {
    clock: () => new Date("2010-06-30T15:30:00Z"),
  });
  // 2010-06-30 23:30 in Beijing: the 30th is today, the 1st of July is still to come.
  await s.enrolments.enroll({ idNumber: person(9), scheme: MedicalInsuranceScheme.RESIDENT, since: "2010-06-30" });
  const c = await s.claims.submit(claim(9, "2010-06-30"));
  assert.equal((await db.getRepository(Claim).findOneByOrFail({ id: c.id })).submittedAt, "2010-06-30T15:30:00.000Z");
  await rejectsWith(s.claims.submit(claim(9, "2010-07-01")), "BAD_USER_INPUT", {
    message: /visitDate: .*in the future/,
  });
  await rejectsWith(
    s.enrolments.enroll({ idNumber: person(10), scheme: MedicalInsuranceScheme.RESIDENT, since: "2010-07-01" }),
    "BAD_USER_INPUT",
    { message: /since: .*in the future/ },
  );
});
