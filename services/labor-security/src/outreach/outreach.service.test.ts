import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { COMMUNITIES } from "@onewindow/contracts/demo";
import { CursorKey, addDays, keysetPageRequest, type ListCursors } from "@onewindow/platform";
import { fixedClock, openDepartmentDatabase, rejectsWith, rowCounts } from "@onewindow/testing";
import { AssistanceCategory } from "../citizen/citizen.enums";
import { laborSecurity, seedLaborDemo } from "../index";
import { company, person } from "../labor-security.fixture";
import type { Services } from "../services";
import { OutreachChannel, OutreachDueKind, OutreachKind } from "./outreach.enums";

const TODAY = "2026-06-01";
const HOME = "景芳社区";
/** Men born 1975 (odd sequence numbers): 51 on TODAY, "4050" when registered unemployed. */
const [A, B, C, D, EMPLOYED, ELSEWHERE] = [1, 3, 5, 7, 9, 11].map(person);

function movableClock(start: string) {
  let day = start;
  return { clock: () => fixedClock(day)(), moveTo: (next: string) => (day = next) };
}

const visit = (s: Services, idNumber: string) =>
  s.outreach.record({ idNumber, kind: OutreachKind.POLICY, channel: OutreachChannel.VISIT, outcome: "已告知政策" });

/**
 * A community's unemployed: A (registered 2025-01-10, a year's job before, a profile wishing for
 * manufacturing) and B (2025-08-01) never contacted; D (2025-02-01) last contacted 2026-01-15 and
 * C (2024-03-01) on 2026-03-01; an employed neighbour and an unemployed man elsewhere.
 */
async function street(time: ReturnType<typeof movableClock>, s: Services) {
  time.moveTo("2026-01-15");
  await s.employers.register({ creditCode: company(1), name: "杭州景芳机电有限公司", industry: "制造业" });
  for (const [idNumber, community] of [
    [A, HOME],
    [B, HOME],
    [C, HOME],
    [D, HOME],
    [EMPLOYED, HOME],
    [ELSEWHERE, "南肖埠社区"],
  ]) {
    await s.citizens.register({ idNumber, name: "居民", community });
  }
  await s.employments.record({ idNumber: A, creditCode: company(1), startDate: "2020-01-01" });
  await s.employments.record({ idNumber: EMPLOYED, creditCode: company(1), startDate: "2020-01-01" });
  for (const [idNumber, registeredOn] of [
    [A, "2025-01-10"],
    [B, "2025-08-01"],
    [C, "2024-03-01"],
    [D, "2025-02-01"],
    [ELSEWHERE, "2024-01-01"],
  ]) {
    await s.unemployment.register({ idNumber, registeredOn, reason: "劳动合同期满终止" });
  }
  await s.jobSeekers.update({ idNumber: A, desiredIndustries: ["制造业"] });
  await visit(s, D);
  time.moveTo("2026-03-01");
  await visit(s, C);
  time.moveTo(TODAY);
}

/** Every entry of the list, page by page of `first`, through the cursors. */
async function walk(s: Services, category: AssistanceCategory | null, first: number) {
  const cursors: ListCursors = CursorKey.ephemeral().list("outreach");
  const seen: { idNumber: string; lastContactOn: string | null; waitingSince: string; waitingDays: number }[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await s.outreach.list(HOME, category, keysetPageRequest(first, after, cursors, 50));
    for (const { node } of page.edges) {
      const { lastContactOn, waitingSince, waitingDays } = node;
      seen.push({ idNumber: node.citizen.idNumber, lastContactOn, waitingSince, waitingDays });
    }
    if (!page.pageInfo.hasNextPage) return { seen, total: await page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

test("the outreach list puts the never contacted first, by registration, then the oldest last contact", async () => {
  const time = movableClock(TODAY);
  const { services: s } = await openDepartmentDatabase(laborSecurity, { clock: time.clock });
  await street(time, s);
  const { seen, total } = await walk(s, null, 1);
  assert.equal(total, 4);
  assert.deepEqual(seen, [
    { idNumber: A, lastContactOn: null, waitingSince: "2025-01-10", waitingDays: 507 },
    { idNumber: B, lastContactOn: null, waitingSince: "2025-08-01", waitingDays: 304 },
    { idNumber: D, lastContactOn: "2026-01-15", waitingSince: "2026-01-15", waitingDays: 137 },
    { idNumber: C, lastContactOn: "2026-03-01", waitingSince: "2026-03-01", waitingDays: 92 },
  ]);
  assert.deepEqual((await walk(s, null, 50)).seen, seen, "one page says the same as four");
  // Registered a year or more: not B.
  assert.deepEqual(
    (await walk(s, AssistanceCategory.LONG_TERM_UNEMPLOYED, 2)).seen.map((e) => e.idNumber),
    [A, D, C],
  );
  // A visit today sends A to the end.
  await visit(s, A);
  assert.deepEqual(
    (await walk(s, null, 3)).seen.map((e) => e.idNumber),
    [B, D, C, A],
  );
});

test("what is due: a suitable posting not referred, a course of a wished trade not enrolled, benefit not claimed", async () => {
  const time = movableClock(TODAY);
  const { services: s } = await openDepartmentDatabase(laborSecurity, { clock: time.clock });
  await street(time, s);
  const posting = await s.jobPostings.post({
    creditCode: company(1),
    title: "装配工",
    salaryMin: 4500,
    salaryMax: 5500,
  });
  const course = await s.training.open({
    provider: "上城区职业技能培训中心",
    title: "数控车工（中级）",
    trade: "制造业",
    certificates: ["数控车工证"],
    startDate: addDays(TODAY, 7),
    endDate: addDays(TODAY, 37),
    seats: 30,
    subsidy: 1500,
    subsidySource: "上城区人社局补贴培训项目公告",
  });
  // A course of another trade fits nobody here.
  await s.training.open({
    provider: "上城区职业技能培训中心",
    title: "育婴员",
    trade: "居民服务业",
    startDate: TODAY,
    endDate: addDays(TODAY, 30),
    seats: 10,
    subsidy: 800,
    subsidySource: "同上",
  });
  const dueOf = async () => {
    const page = await s.outreach.list(HOME, null, keysetPageRequest(2, null, CursorKey.ephemeral().list("o"), 50));
    const due = await s.outreach.due(page.edges.map((e) => e.node));
    return Object.fromEntries(page.edges.map((e, i) => [e.node.citizen.idNumber, due[i]]));
  };
  const first = await dueOf();
  assert.deepEqual(Object.keys(first), [A, B]);
  assert.deepEqual(
    first[A].map((d) => [d.kind, d.postingId, d.courseId]),
    [
      [OutreachDueKind.JOB_MATCH, String(posting.id), null],
      [OutreachDueKind.TRAINING_COURSE, null, String(course.id)],
      [OutreachDueKind.BENEFIT_CLAIM, null, null],
    ],
  );
  assert.match(first[A][0].text, /^有合适岗位尚未推荐：装配工/);
  assert.equal(
    first[A][1].text,
    `可报名培训：上城区职业技能培训中心「数控车工（中级）」，${addDays(TODAY, 7)} 开课，余 30 个名额，补贴 1500 元`,
  );
  assert.match(first[A][2].text, /^符合失业保险金领取条件，尚未申领/);
  // B: no profile, so no trade; no job on record, so no benefit; the posting suits him all the same.
  assert.deepEqual(
    first[B].map((d) => d.kind),
    [OutreachDueKind.JOB_MATCH],
  );

  await s.referrals.refer({ idNumber: A, postingId: String(posting.id) });
  await s.training.enrol({ idNumber: A, courseId: String(course.id) });
  await s.benefits.claim({ idNumber: A });
  assert.deepEqual((await dueOf())[A], []);
});

test("a visit with a bad kind, channel, outcome or person is refused and writes nothing; the community is required", async () => {
  const time = movableClock(TODAY);
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, { clock: time.clock });
  await street(time, s);
  const before = await rowCounts(db, ["outreach_visit"]);
  const ok = { idNumber: A, kind: OutreachKind.JOBS, channel: OutreachChannel.PHONE };
  await rejectsWith(s.outreach.record({ ...ok, kind: "GOSSIP" as never }), "BAD_USER_INPUT", { field: "kind" });
  await rejectsWith(s.outreach.record({ ...ok, channel: "MAIL" as never }), "BAD_USER_INPUT", { field: "channel" });
  await rejectsWith(s.outreach.record({ ...ok, outcome: "好".repeat(201) }), "BAD_USER_INPUT", { field: "outcome" });
  await rejectsWith(s.outreach.record({ ...ok, note: "好".repeat(501) }), "BAD_USER_INPUT", { field: "note" });
  await rejectsWith(s.outreach.record({ ...ok, idNumber: person(99) }), "NOT_FOUND");
  assert.deepEqual(await rowCounts(db, ["outreach_visit"]), before);
  const page = keysetPageRequest(1, null, CursorKey.ephemeral().list("o"));
  await rejectsWith(s.outreach.list(" ", null, page), "BAD_USER_INPUT", { field: "community" });
  // The limits themselves are accepted, and the visit keeps the community of the day.
  const saved = await s.outreach.record({ ...ok, outcome: "好".repeat(200), note: "好".repeat(500) });
  assert.deepEqual([saved.visitedOn, saved.community], [TODAY, HOME]);
  const [pages] = await s.outreach.pagesFor([A], { offset: 0, limit: 5, cursors: CursorKey.ephemeral().list("v") });
  assert.deepEqual(
    pages.edges.map((e) => e.node.kind),
    [OutreachKind.JOBS],
  );
});

test("the demo street has courses with their enrolments and results, and a year of outreach", async () => {
  const { services: s, db } = await openDepartmentDatabase(laborSecurity, { clock: fixedClock(TODAY) });
  await seedLaborDemo(db, { citizens: 3_000, employers: 30, jobPostings: 0, today: TODAY });
  const courses = await db.query(
    "SELECT c.seats AS seats, c.enrolled AS enrolled, (SELECT COUNT(*) FROM training_enrolment e WHERE e.course_id = c.id) AS n FROM training_course c",
  );
  assert.equal(courses.length, 8);
  for (const c of courses) {
    assert.equal(Number(c.enrolled), Number(c.n));
    assert.ok(Number(c.n) <= Number(c.seats));
  }
  const statuses = await db.query("SELECT status, COUNT(*) AS n FROM training_enrolment GROUP BY status");
  assert.deepEqual(statuses.map((r: { status: string }) => r.status).sort(), ["ENROLLED", "FAILED", "PASSED"]);
  const [visits] = await db.query(
    "SELECT CAST(MIN(visited_on) AS varchar(10)) AS first, CAST(MAX(visited_on) AS varchar(10)) AS last FROM outreach_visit",
  );
  assert.ok(String(visits.first) >= addDays(TODAY, -365) && String(visits.last) <= TODAY, JSON.stringify(visits));
  // Each community's list shows the never contacted first, then the contacted; the street has both.
  const all: boolean[] = [];
  for (const community of COMMUNITIES) {
    const page = keysetPageRequest(50, null, CursorKey.ephemeral().list("o"), 50);
    const contacted = (await s.outreach.list(community, null, page)).edges.map((e) => e.node.lastContactOn !== null);
    assert.deepEqual(contacted, [...contacted].sort(), community);
    all.push(...contacted);
  }
  assert.ok(all.includes(true) && all.includes(false), JSON.stringify(all));
});
