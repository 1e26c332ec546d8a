import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { CursorKey, addDays } from "@onewindow/platform";
import { fixedClock, openDepartmentDatabase, rejectsWith, rowCounts } from "@onewindow/testing";
import { laborSecurity } from "../index";
import { company, person } from "../labor-security.fixture";
import type { Services } from "../services";
import { TrainingEnrolmentStatus } from "./training.enums";

const TODAY = "2026-06-01";
const TABLES = ["training_course", "training_enrolment", "job_seeker_profile"];

/** A clock whose day a test moves on. */
function movableClock(start: string) {
  let day = start;
  return { clock: () => fixedClock(day)(), moveTo: (next: string) => (day = next) };
}

const course = (s: Services, extra: Record<string, unknown> = {}) =>
  s.training.open({
    provider: "杭州市上城区职业技能培训中心",
    title: "低压电工作业（初训）",
    trade: "制造业",
    certificates: ["电工证"],
    startDate: addDays(TODAY, 10),
    endDate: addDays(TODAY, 40),
    seats: 2,
    subsidy: 1200,
    subsidySource: "上城区人社局 2026 年第 3 号补贴培训项目公告",
    ...extra,
  });

async function people(s: Services, n: number): Promise<string[]> {
  const ids = [];
  for (let i = 1; i <= n; i++) {
    await s.citizens.register({ idNumber: person(i), name: `学员${i}`, community: "景芳社区" });
    ids.push(person(i));
  }
  return ids;
}

test("bad courses, enrolments and results are refused with their codes and write nothing", async () => {
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  const [a] = await people(s, 1);
  const before = await rowCounts(db, TABLES);
  await rejectsWith(course(s, { endDate: addDays(TODAY, 5) }), "BAD_USER_INPUT", { field: "endDate" });
  await rejectsWith(course(s, { startDate: "2026-02-30" }), "BAD_USER_INPUT", { field: "startDate" });
  await rejectsWith(course(s, { seats: 0 }), "BAD_USER_INPUT", { field: "seats" });
  await rejectsWith(course(s, { seats: 501 }), "BAD_USER_INPUT", { field: "seats" });
  await rejectsWith(course(s, { subsidy: -1 }), "BAD_USER_INPUT", { field: "subsidy" });
  await rejectsWith(course(s, { provider: "  " }), "BAD_USER_INPUT", { field: "provider" });
  await rejectsWith(course(s, { subsidySource: "" }), "BAD_USER_INPUT", { field: "subsidySource" });
  await rejectsWith(course(s, { certificates: ["证".repeat(41)] }), "BAD_USER_INPUT", { field: "certificates" });
  await rejectsWith(s.training.enrol({ idNumber: a, courseId: "x" }), "BAD_USER_INPUT", { field: "courseId" });
  await rejectsWith(s.training.enrol({ idNumber: a, courseId: "99" }), "NOT_FOUND");
  await rejectsWith(s.training.enrol({ idNumber: "123", courseId: "1" }), "BAD_USER_INPUT", { field: "idNumber" });
  await rejectsWith(s.training.recordResult({ enrolmentId: "99", passed: true }), "NOT_FOUND");
  await rejectsWith(
    s.training.recordResult({ enrolmentId: "1", passed: false, certificate: "电工证 3301" }),
    "BAD_USER_INPUT",
    { field: "certificate" },
  );
  assert.deepEqual(await rowCounts(db, TABLES), before);
  // The limits themselves are accepted.
  const ok = await course(s, { seats: 500, subsidy: 0, startDate: TODAY, endDate: TODAY });
  assert.equal(ok.seatsLeft, 500);
  assert.equal(ok.subsidy, 0);
});

test("a course takes no more enrolments than seats, even two at once for the last seat, and a person once", async () => {
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  const [a, b, c, d] = await people(s, 4);
  const { id } = await course(s);
  await s.training.enrol({ idNumber: a, courseId: String(id) });
  await rejectsWith(s.training.enrol({ idNumber: a, courseId: String(id) }), "CONFLICT");
  // Two clerks enrol two people in the last seat at the same moment: one gets it.
  const raced = await Promise.allSettled([
    s.training.enrol({ idNumber: b, courseId: String(id) }),
    s.training.enrol({ idNumber: c, courseId: String(id) }),
  ]);
  assert.equal(raced.filter((r) => r.status === "fulfilled").length, 1);
  const lost = raced.find((r) => r.status === "rejected") as PromiseRejectedResult;
  assert.equal(lost.reason.extensions.reason, "TRAINING_NO_SEAT_LEFT");
  const before = await rowCounts(db, TABLES);
  await rejectsWith(s.training.enrol({ idNumber: d, courseId: String(id) }), "BAD_USER_INPUT", {
    field: "courseId",
    reason: "TRAINING_NO_SEAT_LEFT",
  });
  assert.deepEqual(await rowCounts(db, TABLES), before);
  const [listed] = (await s.training.courses([id]))!;
  assert.equal(listed!.seatsLeft, 0);
  assert.equal(before.training_enrolment, 2);
});

test("enrolment is open until the course's last day; a result is recorded once, from its first day", async () => {
  const time = movableClock(TODAY);
  const { services: s } = await openDepartmentDatabase(laborSecurity, { clock: time.clock });
  const [a, b] = await people(s, 2);
  const { id } = await course(s);
  const enrolment = await s.training.enrol({ idNumber: a, courseId: String(id) });
  await rejectsWith(s.training.recordResult({ enrolmentId: String(enrolment.id), passed: true }), "BAD_USER_INPUT", {
    reason: "TRAINING_NOT_STARTED",
  });
  // While it runs: still open.
  time.moveTo(addDays(TODAY, 40));
  await s.training.enrol({ idNumber: b, courseId: String(id) });
  const failed = await s.training.recordResult({ enrolmentId: String(enrolment.id), passed: false });
  assert.equal(failed.status, TrainingEnrolmentStatus.FAILED);
  await rejectsWith(s.training.recordResult({ enrolmentId: String(enrolment.id), passed: true }), "CONFLICT");
  assert.deepEqual(await s.jobSeekers.findByIds([a]), [null], "a failed course gives no skill");
  time.moveTo(addDays(TODAY, 41));
  await s.citizens.register({ idNumber: person(9), name: "迟到者" });
  await rejectsWith(s.training.enrol({ idNumber: person(9), courseId: String(id) }), "BAD_USER_INPUT", {
    reason: "TRAINING_COURSE_ENDED",
  });
  const list = await s.training.list(
    { open: true },
    { offset: 0, limit: 10, cursors: CursorKey.ephemeral().list("courses") },
  );
  assert.equal(list.totalCount, 0);
});

test("a passed course's certificate becomes a skill on the profile, and matching then counts it", async () => {
  const time = movableClock(TODAY);
  const { services: s } = await openDepartmentDatabase(laborSecurity, { clock: time.clock });
  const [a, b] = await people(s, 2);
  await s.employers.register({ creditCode: company(1), name: "杭州景芳机电有限公司", industry: "制造业" });
  const posting = await s.jobPostings.post({
    creditCode: company(1),
    title: "维修电工",
    salaryMin: 5000,
    salaryMax: 6000,
    skills: ["电工证"],
  });
  await s.jobSeekers.update({ idNumber: a, skills: ["叉车证"], desiredIndustries: ["制造业"] });
  const reasonsOf = async (idNumber: string) => {
    const [citizen] = await s.citizens.findByIds([idNumber]);
    return (await s.jobSeekers.matches(citizen!, 10)).find((m) => m.posting.id === posting.id)!.reasons;
  };
  assert.ok(!(await reasonsOf(a)).some((r) => r.startsWith("技能匹配")));

  const { id } = await course(s);
  const first = await s.training.enrol({ idNumber: a, courseId: String(id) });
  const second = await s.training.enrol({ idNumber: b, courseId: String(id) });
  time.moveTo(addDays(TODAY, 40));
  const passed = await s.training.recordResult({
    enrolmentId: String(first.id),
    passed: true,
    certificate: " 低压电工作业证 T330102 ",
  });
  assert.deepEqual([passed.status, passed.certificate], [TrainingEnrolmentStatus.PASSED, "低压电工作业证 T330102"]);
  const [profile] = await s.jobSeekers.findByIds([a]);
  assert.deepEqual(profile!.skills, ["叉车证", "电工证"]);
  assert.deepEqual(profile!.desiredIndustries, ["制造业"], "the rest of the profile is kept");
  assert.ok((await reasonsOf(a)).includes("技能匹配：电工证"));

  // A pass without a certificate adds no skill (and makes no profile).
  await s.training.recordResult({ enrolmentId: String(second.id), passed: true });
  assert.deepEqual(await s.jobSeekers.findByIds([b]), [null]);
  const enrolments = await s.training.ofPersons([a, b]);
  assert.deepEqual(
    enrolments.map((e) => e.map((x) => x.status)),
    [[TrainingEnrolmentStatus.PASSED], [TrainingEnrolmentStatus.PASSED]],
  );
});

test("a pass with a certificate creates the profile when the person has none", async () => {
  const time = movableClock(TODAY);
  const { services: s } = await openDepartmentDatabase(laborSecurity, { clock: time.clock });
  const [a] = await people(s, 1);
  const { id } = await course(s, { certificates: ["电工证", "高压电工证"] });
  const enrolment = await s.training.enrol({ idNumber: a, courseId: String(id) });
  time.moveTo(addDays(TODAY, 10));
  await s.training.recordResult({ enrolmentId: String(enrolment.id), passed: true, certificate: "电工证 T1" });
  const [profile] = await s.jobSeekers.findByIds([a]);
  assert.deepEqual(profile!.skills, ["电工证", "高压电工证"]);
  assert.equal(profile!.availability, "IMMEDIATE");
});
