import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { OutboxEvent, addDays, today } from "@onewindow/platform";
import { Enrolment } from "./enrolment.entity";
import { EnrolmentStatus, MedicalInsuranceScheme } from "./enrolment.enums";
import { InsuranceEvents } from "@onewindow/contracts";
import { openDepartmentDatabase, rejectsWith, rowCounts } from "@onewindow/testing";
import { medicalInsurance } from "../index";
import { company, person, TABLES } from "../medical-insurance.fixture";

const { EMPLOYEE, RESIDENT, RETIREE, UNEMPLOYED } = MedicalInsuranceScheme;

test("an employee enrolment stores fen and shows yuan, with the employer stub", async () => {
  const { services: s, db } = await openDepartmentDatabase(medicalInsurance);
  const e = await s.enrolments.enroll({
    idNumber: person(1),
    scheme: EMPLOYEE,
    creditCode: company(1),
    since: "2024-03-01",
    contributionBase: 8000,
  });
  assert.equal(e.status, EnrolmentStatus.ACTIVE);
  assert.equal(e.monthlyContribution, 160);
  assert.equal(e.employerMonthlyContribution, 760);
  assert.equal(e.contributionBase, 8000);
  assert.equal(e.personalAccountBalance, 0);
  assert.deepEqual({ ...e.employer }, { creditCode: company(1) });
  const stored = await db.getRepository(Enrolment).findOneByOrFail({ id: e.id });
  assert.equal(stored.monthlyContributionFen, 16_000);
  assert.equal(stored.contributionBaseFen, 800_000);
  const events = await db.getRepository(OutboxEvent).find();
  assert.equal(events.length, 1);
  assert.equal(events[0].type, InsuranceEvents.enrolmentChanged);
  assert.equal(events[0].subject, person(1));
});

test("a resident enrolment has no employer and no contribution base", async () => {
  const { services: s } = await openDepartmentDatabase(medicalInsurance);
  const e = await s.enrolments.enroll({ idNumber: person(2), scheme: RESIDENT, since: "2024-01-01" });
  assert.equal(e.employer, null);
  assert.equal(e.contributionBase, null);
  assert.equal(e.monthlyContribution, 73.33);
  assert.equal(e.employerMonthlyContribution, 0);
});

test("enrolling again ends the current enrolment and keeps it as history", async () => {
  const { services: s, db } = await openDepartmentDatabase(medicalInsurance);
  await s.enrolments.enroll({ idNumber: person(3), scheme: EMPLOYEE, creditCode: company(1), since: "2020-01-01" });
  await db.getRepository(Enrolment).update({ idNumber: person(3) }, { personalAccountBalanceFen: 123_45 });
  await s.enrolments.enroll({ idNumber: person(3), scheme: UNEMPLOYED, since: "2023-05-10" });
  const latest = await s.enrolments.enroll({
    idNumber: person(3),
    scheme: EMPLOYEE,
    creditCode: company(2),
    since: "2024-02-01",
  });
  const history = await db.getRepository(Enrolment).find({ where: { idNumber: person(3) }, order: { id: "ASC" } });
  assert.deepEqual(
    history.map((e) => [e.scheme, e.status, e.creditCode, e.since, e.endedOn]),
    [
      [EMPLOYEE, EnrolmentStatus.ENDED, company(1), "2020-01-01", "2023-05-10"],
      [UNEMPLOYED, EnrolmentStatus.ENDED, null, "2023-05-10", "2024-02-01"],
      [EMPLOYEE, EnrolmentStatus.ACTIVE, company(2), "2024-02-01", null],
    ],
  );
  // The personal account belongs to the person: it follows them into the new enrolment.
  assert.equal(latest.personalAccountBalance, 123.45);
  const [active] = await s.enrolments.activeFor([person(3)]);
  assert.equal(active?.id, latest.id);
  assert.equal(await db.getRepository(OutboxEvent).count(), 3);
});

test("a new employer under the same scheme is a switch, not a conflict", async () => {
  const { services: s } = await openDepartmentDatabase(medicalInsurance);
  await s.enrolments.enroll({ idNumber: person(4), scheme: EMPLOYEE, creditCode: company(1), since: "2022-01-01" });
  const e = await s.enrolments.enroll({
    idNumber: person(4),
    scheme: EMPLOYEE,
    creditCode: company(2),
    since: "2022-01-01",
  });
  assert.equal(e.creditCode, company(2));
});

test("enrolling into the active scheme and employer again is CONFLICT and writes nothing", async () => {
  const { services: s, db } = await openDepartmentDatabase(medicalInsurance);
  await s.enrolments.enroll({ idNumber: person(5), scheme: EMPLOYEE, creditCode: company(1), since: "2022-01-01" });
  await s.enrolments.enroll({ idNumber: person(6), scheme: RETIREE, since: "2022-01-01" });
  const before = await rowCounts(db, TABLES);
  await rejectsWith(
    s.enrolments.enroll({ idNumber: person(5), scheme: EMPLOYEE, creditCode: company(1), since: "2023-01-01" }),
    "CONFLICT",
  );
  await rejectsWith(s.enrolments.enroll({ idNumber: person(6), scheme: RETIREE, since: "2023-01-01" }), "CONFLICT");
  assert.deepEqual(await rowCounts(db, TABLES), before);
});

test("a start before the current enrolment's start is BAD_USER_INPUT and writes nothing", async () => {
  const { services: s, db } = await openDepartmentDatabase(medicalInsurance);
  await s.enrolments.enroll({ idNumber: person(7), scheme: RESIDENT, since: "2022-06-01" });
  const before = await rowCounts(db, TABLES);
  await rejectsWith(
    s.enrolments.enroll({ idNumber: person(7), scheme: UNEMPLOYED, since: "2022-05-31" }),
    "BAD_USER_INPUT",
    { message: /since.*2022-06-01/ },
  );
  assert.deepEqual(await rowCounts(db, TABLES), before);
  const [active] = await s.enrolments.activeFor([person(7)]);
  assert.equal(active?.scheme, RESIDENT);
});

test("invalid enrolment input is BAD_USER_INPUT with a message naming the problem, and writes nothing", async () => {
  const { services: s, db } = await openDepartmentDatabase(medicalInsurance);
  const good = { idNumber: person(8), scheme: EMPLOYEE, creditCode: company(1), since: "2024-01-01" };
  const badIdNumber = person(8).slice(0, 17) + (person(8)[17] === "0" ? "1" : "0");
  const cases: [object, RegExp][] = [
    [{ ...good, idNumber: badIdNumber }, /idNumber: .*check character should be/],
    [{ ...good, idNumber: "33010619850230001X" }, /idNumber: .*1985-02-30 does not exist/],
    [{ ...good, idNumber: "3301" }, /idNumber: .*must be 18 characters/],
    [{ ...good, creditCode: company(1).slice(0, 17) + "I" }, /creditCode: .*not allowed/],
    [{ ...good, creditCode: null }, /creditCode: is required for the EMPLOYEE scheme/],
    [{ ...good, scheme: RESIDENT }, /creditCode: must be empty for the RESIDENT scheme/],
    [{ ...good, scheme: RETIREE, creditCode: undefined, contributionBase: 5000 }, /contributionBase: must be empty/],
    [{ ...good, contributionBase: -1 }, /contributionBase: .*negative/],
    [{ ...good, contributionBase: 0 }, /contributionBase: must be greater than 0/],
    [{ ...good, contributionBase: 1000.001 }, /contributionBase: .*two decimals/],
    [{ ...good, since: addDays(today(), 1) }, /since: .*in the future/],
    [{ ...good, since: "2024-13-01" }, /since: .*does not exist/],
  ];
  for (const [input, message] of cases) {
    await rejectsWith(s.enrolments.enroll(input as never), "BAD_USER_INPUT", { message });
  }
  assert.deepEqual(await rowCounts(db, TABLES), { enrolment: 0, claim: 0, outbox_event: 0 });
});

test("employer totals count ACTIVE EMPLOYEE enrolments and sum the employer share, one query per batch", async () => {
  const { services: s } = await openDepartmentDatabase(medicalInsurance);
  await s.enrolments.enroll({
    idNumber: person(10),
    scheme: EMPLOYEE,
    creditCode: company(1),
    since: "2023-01-01",
    contributionBase: 10000,
  });
  await s.enrolments.enroll({ idNumber: person(11), scheme: EMPLOYEE, creditCode: company(1), since: "2023-01-01" });
  // Left company 1: the ended enrolment no longer counts.
  await s.enrolments.enroll({ idNumber: person(12), scheme: EMPLOYEE, creditCode: company(1), since: "2023-01-01" });
  await s.enrolments.enroll({ idNumber: person(12), scheme: EMPLOYEE, creditCode: company(2), since: "2023-06-01" });
  const totals = await s.enrolments.employerTotals([company(1), company(2), company(3)]);
  assert.deepEqual(totals, [
    { insuredEmployeeCount: 2, monthlyContributionsFen: 95_000 + 57_000 },
    { insuredEmployeeCount: 1, monthlyContributionsFen: 57_000 },
    { insuredEmployeeCount: 0, monthlyContributionsFen: 0 },
  ]);
});
