import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { addDays, today } from "@onewindow/platform";
import { startStack, type Stack } from "./harness/stack";
import { freshCreditCode, freshIdNumber } from "./harness/fixtures";

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}) {
  const res = await stack.query(query, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const REGISTER = `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`;
const UNEMPLOYED = `mutation ($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { status } }`;
const OUTREACH = `query ($c: String!, $after: String) { outreachList(community: $c, category: FORTY_FIFTY, first: 2, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { citizen { idNumber } lastContactOn waitingSince due { kind } } } } }`;
const CLERK = { roles: ["window_clerk" as const], user: "clerk-outreach", purpose: "民情直通车走访" };

describe("employment aid through the gateway: outreach and training (送政策 / 送培训)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Every entry of a community's outreach list, page after page. */
  async function outreach(community: string) {
    const seen: { citizen: { idNumber: string }; lastContactOn: string | null; waitingSince: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: (typeof seen)[number] }[];
      } = (await ok(stack, OUTREACH, { c: community, after })).outreachList;
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
    }
  }

  test("the person waiting longest comes first; a clerk's visit sends them to the end", async () => {
    const day = today();
    // A community of this test's own, so that nobody else's people are on its list.
    const community = `外展测试社区${Math.floor(Math.random() * 1e6)}`;
    const people = [300, 100, 200].map(() => freshIdNumber(addDays(day, -(53 * 365)), "MALE"));
    for (const [k, idNumber] of people.entries()) {
      await ok(stack, REGISTER, { i: { idNumber, name: `待走访${k}`, community } });
      await ok(stack, UNEMPLOYED, { i: { idNumber, registeredOn: addDays(day, -[300, 100, 200][k]) } });
    }
    const [longest, latest, middle] = people;
    const before = await outreach(community);
    assert.deepEqual(
      before.map((e) => e.citizen.idNumber),
      [longest, middle, latest],
    );
    assert.deepEqual(
      before.map((e) => [e.lastContactOn, e.waitingSince]),
      [
        [null, addDays(day, -300)],
        [null, addDays(day, -200)],
        [null, addDays(day, -100)],
      ],
    );

    const visit = await stack.query(
      `mutation ($i: RecordOutreachVisitInput!) { recordOutreachVisit(input: $i) { kind channel visitedOn } }`,
      { i: { idNumber: longest, kind: "POLICY", channel: "VISIT", outcome: "已讲解失业保险金政策" } },
      CLERK,
    );
    assert.equal(visit.errors, undefined, JSON.stringify(visit.errors));
    assert.deepEqual(visit.data.recordOutreachVisit, { kind: "POLICY", channel: "VISIT", visitedOn: day });
    const after = await outreach(community);
    assert.deepEqual(
      after.map((e) => e.citizen.idNumber),
      [middle, latest, longest],
    );
    assert.equal(after[2].lastContactOn, day);
    const own = await ok(
      stack,
      `query ($id: ID!) { citizen(idNumber: $id) { outreach { edges { node { kind outcome } } } } }`,
      {
        id: longest,
      },
    );
    assert.deepEqual(own.citizen.outreach.edges, [{ node: { kind: "POLICY", outcome: "已讲解失业保险金政策" } }]);
  });

  test("a passed course's certificate appears in the person's matches as a skill", async () => {
    const day = today();
    const idNumber = freshIdNumber(addDays(day, -(45 * 365)), "FEMALE");
    const creditCode = freshCreditCode();
    await ok(stack, REGISTER, { i: { idNumber, name: "陈秀兰", community: "景芳社区" } });
    await ok(stack, `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`, {
      i: { creditCode, name: "景芳养老服务中心", industry: "卫生和社会工作" },
    });
    const skill = `养老护理员证${Math.floor(Math.random() * 1e6)}`;
    const posting = (
      await ok(stack, `mutation ($i: PostJobInput!) { postJob(input: $i) { id } }`, {
        i: { creditCode, title: "护理员", salaryMin: 4500, salaryMax: 5500, skills: [skill] },
      })
    ).postJob.id;
    const reasons = async () => {
      const data = await ok(
        stack,
        `query ($id: ID!) { citizen(idNumber: $id) { jobMatches(first: 50) { reasons posting { id } } } }`,
        { id: idNumber },
      );
      return data.citizen.jobMatches.find((m: { posting: { id: string } }) => m.posting.id === posting).reasons;
    };
    assert.ok(!(await reasons()).some((r: string) => r.startsWith("技能匹配")));

    const course = (
      await ok(stack, `mutation ($i: OpenTrainingCourseInput!) { openTrainingCourse(input: $i) { id seatsLeft } }`, {
        i: {
          provider: "上城区职业技能培训中心",
          title: "养老护理员（五级）",
          trade: "卫生和社会工作",
          certificates: [skill],
          startDate: day,
          endDate: addDays(day, 30),
          seats: 20,
          subsidy: 1400,
          subsidySource: "补贴性职业技能培训项目公告",
        },
      })
    ).openTrainingCourse;
    const enrolment = (
      await ok(stack, `mutation ($i: EnrolInTrainingInput!) { enrolInTraining(input: $i) { id status } }`, {
        i: { idNumber, courseId: course.id },
      })
    ).enrolInTraining;
    assert.equal(enrolment.status, "ENROLLED");
    const result = await stack.query(
      `mutation ($i: RecordTrainingResultInput!) { recordTrainingResult(input: $i) { status certificate } }`,
      { i: { enrolmentId: enrolment.id, passed: true, certificate: "养老护理员证 T2026" } },
      CLERK,
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data.recordTrainingResult, { status: "PASSED", certificate: "养老护理员证 T2026" });
    assert.ok((await reasons()).includes(`技能匹配：${skill}`));
    const mine = await ok(
      stack,
      `query ($id: ID!) { citizen(idNumber: $id) { trainingEnrolments { status course { title } } } }`,
      {
        id: idNumber,
      },
    );
    assert.deepEqual(mine.citizen.trainingEnrolments, [{ status: "PASSED", course: { title: "养老护理员（五级）" } }]);
  });
});
