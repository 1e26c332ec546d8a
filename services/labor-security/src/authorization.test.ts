import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { declaredRoles, today } from "@onewindow/platform";
import { isObjectType } from "graphql";
import type { Role } from "@onewindow/contracts";
import { allowed, auditRows, openDepartmentDatabase, refusedWith } from "@onewindow/testing";
import { laborSecurity } from "./index";
import { company, person } from "./labor-security.fixture";
import type { Services } from "./services";

/** Root fields anyone may use: the job board, the statutory retirement ages (law), and federation's own. */
const PUBLIC_ROOT_FIELDS = new Set([
  "Query.jobPostings",
  "Query.retirementAgeRules",
  "Query._entities",
  "Query._service",
  "Query.unemploymentBenefitLevels",
  "Query.trainingCourses",
]);

/**
 * Root fields that the shared audit module declares and guards in code (an auditor; a citizen
 * their own reads), not with `@Authorized`: checked by running them anonymously.
 */
const SHARED_ROOT_FIELDS: Record<string, string> = {
  "Query.auditTrail": "{ auditTrail { scope } }",
  "Query.verifyAuditTrail": "{ verifyAuditTrail { scope } }",
};

/** Types that are a person's records: every field must name its readers. */
const PERSONAL_TYPES = [
  "Citizen",
  "Employment",
  "UnemploymentRegistration",
  "Retirement",
  "JobSeekerProfile",
  "JobMatch",
  "Referral",
  "UnemploymentBenefit",
  "BenefitPayment",
  "ReliefGrant",
  "ReliefHardshipFlag",
  "TrainingEnrolment",
  "OutreachVisit",
  "OutreachEntry",
  "OutreachDue",
];

/** Employer fields anyone may read: name and credit code (both on the business licence), and its postings (on the job board). */
const PUBLIC_EMPLOYER_FIELDS = new Set(["creditCode", "name", "jobPostings"]);

const officer = (role: Role) => ({ userId: role, roles: [role], purpose: "unit test" });
const CLERK = officer("window_clerk");
const LABOR = officer("labor_officer");
const ANALYST = officer("analyst");

async function seed(s: Services): Promise<void> {
  await s.employers.register({
    creditCode: company(1),
    name: "杭州景芳纺织有限公司",
    industry: "纺织",
    address: "景芳路 1 号",
  });
  await s.citizens.register({ idNumber: person(1), name: "王小明", community: "景芳社区" });
  await s.citizens.register({ idNumber: person(2), name: "李秀英", community: "景芳社区" });
  await s.employments.record({
    idNumber: person(1),
    creditCode: company(1),
    startDate: "2020-01-01",
    position: "挡车工",
  });
  await s.jobPostings.post({ creditCode: company(1), title: "缝纫工", salaryMin: 4500, salaryMax: 7000 });
}

test("every root field of labor security names its roles, or is on the public list", async () => {
  const { schema, run } = await openDepartmentDatabase(laborSecurity);
  for (const type of [schema.getQueryType()!, schema.getMutationType()!]) {
    for (const field of Object.keys(type.getFields())) {
      const name = `${type.name}.${field}`;
      if (PUBLIC_ROOT_FIELDS.has(name)) continue;
      if (SHARED_ROOT_FIELDS[name]) {
        refusedWith(await run({}, SHARED_ROOT_FIELDS[name]), "UNAUTHENTICATED");
        continue;
      }
      assert.ok(
        declaredRoles(type.name, field)?.length,
        `${name} has no @Authorized: add one, or add it to the public list if anonymous callers may use it`,
      );
    }
  }
  for (const typeName of [...PERSONAL_TYPES, "Employer"]) {
    const type = schema.getType(typeName);
    assert.ok(isObjectType(type), typeName);
    for (const field of Object.keys(type.getFields())) {
      if (typeName === "Employer" && PUBLIC_EMPLOYER_FIELDS.has(field)) continue;
      assert.ok(declaredRoles(typeName, field)?.length, `${typeName}.${field} has no @Authorized`);
    }
  }
  // Mutations are the labor officer's alone, but for these: employment aid (referrals, training,
  // outreach), which the window keeps too; the window clerk takes a benefit claim at the window; an administrator may set the
  // benefit level from a notice.
  const OTHER_WRITERS: Record<string, Role[]> = {
    updateJobSeekerProfile: ["window_clerk", "labor_officer"],
    referJob: ["window_clerk", "labor_officer"],
    recordReferralOutcome: ["window_clerk", "labor_officer"],
    claimUnemploymentBenefit: ["window_clerk", "labor_officer"],
    updateUnemploymentBenefitLevel: ["admin", "labor_officer"],
    enrolInTraining: ["window_clerk", "labor_officer"],
    recordTrainingResult: ["window_clerk", "labor_officer"],
    recordOutreachVisit: ["window_clerk", "labor_officer"],
  };
  for (const field of Object.keys(schema.getMutationType()!.getFields()))
    assert.deepEqual(declaredRoles("Mutation", field), OTHER_WRITERS[field] ?? ["labor_officer"], field);
});

test("officers of other departments and window clerks cannot run labor mutations", async () => {
  const { run } = await openDepartmentDatabase(laborSecurity);
  const register = `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`;
  for (const role of ["insurance_officer", "tax_officer", "window_clerk", "analyst", "auditor", "citizen"] as Role[]) {
    refusedWith(
      await run({ ...officer(role), idNumber: person(9) }, register, {
        i: { idNumber: person(9), name: "赵六" },
      }),
      "FORBIDDEN",
      /registerCitizen/,
    );
  }
  refusedWith(await run({}, register, { i: { idNumber: person(9), name: "赵六" } }), "UNAUTHENTICATED");
  const post = `mutation ($i: PostJobInput!) { postJob(input: $i) { id } }`;
  refusedWith(
    await run(officer("insurance_officer"), post, {
      i: { creditCode: company(1), title: "x", salaryMin: 1, salaryMax: 2 },
    }),
    "FORBIDDEN",
  );
  const ok = allowed(await run(LABOR, register, { i: { idNumber: person(9), name: "赵六" } }));
  assert.equal(ok.registerCitizen.idNumber, person(9));
});

test("an analyst counts citizens but reads none of them", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(laborSecurity);
  await seed(s);
  const count = allowed(
    await run(
      { ...ANALYST, purpose: null },
      `{ citizens(filter: { community: "景芳社区" }) { totalCount __typename } }`,
    ),
  );
  assert.equal(count.citizens.totalCount, 2);
  refusedWith(await run(ANALYST, `{ citizens { totalCount edges { node { name } } } }`), "FORBIDDEN", /totalCount/);
  // A cursor, or hasNextPage after a cursor, answers questions about the persons listed.
  refusedWith(await run(ANALYST, `{ citizens { edges { cursor } } }`), "FORBIDDEN", /CitizenConnection\.edges/);
  refusedWith(
    await run(ANALYST, `{ citizens { totalCount pageInfo { hasNextPage } } }`),
    "FORBIDDEN",
    /CitizenConnection\.pageInfo/,
  );
  refusedWith(
    await run(ANALYST, `{ citizens { ...on CitizenConnection { pageInfo { endCursor } } } }`),
    "FORBIDDEN",
    /CitizenConnection\.pageInfo/,
  );
  // An empty page is refused all the same: the answer does not depend on the data.
  refusedWith(
    await run(ANALYST, `{ citizens(filter: { community: "无此社区" }) { edges { node { idNumber } } } }`),
    "FORBIDDEN",
  );
  refusedWith(
    await run(ANALYST, `query ($id: ID!) { citizen(idNumber: $id) { name } }`, { id: person(1) }),
    "FORBIDDEN",
  );
  refusedWith(
    await run(ANALYST, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { name } } }`, {
      r: [{ __typename: "Citizen", idNumber: person(1) }],
    }),
    "FORBIDDEN",
  );
  // Nothing was read, and each refusal is on the record (who, what, why).
  const refusals = await auditRows(db);
  assert.deepEqual(
    refusals.map((r) => r.outcome),
    Array(7).fill("refused"),
  );
  for (const r of refusals)
    assert.match(`${r.fields} ${r.reason}`, /^(Query|Mutation)\.\w+ (FORBIDDEN|UNAUTHENTICATED): ./);
});

test("a citizen reads their own records and nobody else's", async () => {
  const { services: s, run } = await openDepartmentDatabase(laborSecurity);
  await seed(s);
  const me = { userId: "wxm", roles: ["citizen"] as Role[], idNumber: person(1), purpose: "my own records" };
  const query = `query ($id: ID!) { citizen(idNumber: $id) { name community employment { position employer { name } } assistanceCategories } }`;
  const mine = allowed(await run(me, query, { id: person(1) }));
  assert.deepEqual(mine.citizen, {
    name: "王小明",
    community: "景芳社区",
    employment: { position: "挡车工", employer: { name: "杭州景芳纺织有限公司" } },
    assistanceCategories: [],
  });
  refusedWith(await run(me, query, { id: person(2) }), "FORBIDDEN", /another person/);
  // Not even whether someone else is registered.
  refusedWith(await run(me, query, { id: person(77) }), "FORBIDDEN", /another person/);
  refusedWith(await run(me, `{ citizens { totalCount } }`), "FORBIDDEN");
  refusedWith(await run(me, `query ($c: ID!) { employer(creditCode: $c) { name } }`, { c: company(1) }), "FORBIDDEN");
  refusedWith(
    await run(me, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { name } } }`, {
      r: [{ __typename: "Citizen", idNumber: person(2) }],
    }),
    "FORBIDDEN",
  );
});

test("officers of other departments read a citizen's identity, not labor's records", async () => {
  const { services: s, run } = await openDepartmentDatabase(laborSecurity);
  await seed(s);
  for (const role of ["insurance_officer", "tax_officer"] as Role[]) {
    const identity = allowed(
      await run(officer(role), `query ($id: ID!) { citizen(idNumber: $id) { idNumber name gender birthDate } }`, {
        id: person(1),
      }),
    );
    assert.equal(identity.citizen.name, "王小明");
    const answer = await run(
      officer(role),
      `query ($id: ID!) { citizen(idNumber: $id) { name employment { position } } }`,
      { id: person(1) },
    );
    refusedWith(answer, "FORBIDDEN", /Citizen\.employment/);
  }
  // Hospital staff hold none of labor's personal data.
  refusedWith(
    await run(
      { ...officer("hospital_admin"), hospitalCode: "H001" },
      `query ($id: ID!) { citizen(idNumber: $id) { name } }`,
      { id: person(1) },
    ),
    "FORBIDDEN",
  );
});

test("anonymous callers see the job board with employer names, and nothing else", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(laborSecurity);
  await seed(s);
  const board = allowed(
    await run({}, `{ jobPostings { totalCount edges { node { title salaryMin employer { name } } } } }`),
  );
  assert.deepEqual(board.jobPostings.edges[0].node, {
    title: "缝纫工",
    salaryMin: 4500,
    employer: { name: "杭州景芳纺织有限公司" },
  });
  refusedWith(await run({}, `{ jobPostings { edges { node { employer { address } } } } }`), "UNAUTHENTICATED");
  refusedWith(
    await run({}, `query ($c: ID!) { employer(creditCode: $c) { name } }`, { c: company(1) }),
    "UNAUTHENTICATED",
  );
  refusedWith(
    await run({}, `query ($id: ID!) { citizen(idNumber: $id) { name } }`, { id: person(1) }),
    "UNAUTHENTICATED",
  );
  refusedWith(await run({}, `{ citizens { totalCount } }`), "UNAUTHENTICATED");
  // Nothing was read, and each refusal is on the record (who, what, why).
  const refusals = await auditRows(db);
  assert.deepEqual(
    refusals.map((r) => r.outcome),
    Array(4).fill("refused"),
  );
  for (const r of refusals)
    assert.match(`${r.fields} ${r.reason}`, /^(Query|Mutation)\.\w+ (FORBIDDEN|UNAUTHENTICATED): ./);
});

test("reading a citizen without a stated purpose is FORBIDDEN and says which header to send", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(laborSecurity);
  await seed(s);
  const noPurpose = { ...CLERK, purpose: null };
  refusedWith(
    await run(noPurpose, `query ($id: ID!) { citizen(idNumber: $id) { name } }`, { id: person(1) }),
    "FORBIDDEN",
    /x-access-purpose/,
  );
  refusedWith(await run(noPurpose, `{ citizens { edges { node { name } } } }`), "FORBIDDEN", /x-access-purpose/);
  refusedWith(
    await run(noPurpose, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { name } } }`, {
      r: [{ __typename: "Citizen", idNumber: person(1) }],
    }),
    "FORBIDDEN",
    /x-access-purpose/,
  );
  // A write answers with the person's record, so it needs a purpose too; refused before anything is written.
  const answer = await run(
    { ...LABOR, purpose: null },
    `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { name } }`,
    { i: { idNumber: person(9), name: "赵六" } },
  );
  refusedWith(answer, "FORBIDDEN", /x-access-purpose/);
  assert.deepEqual(await s.citizens.findByIds([person(9)]), [null]);
  // Counting reads no one.
  allowed(await run(noPurpose, `{ citizens { totalCount } }`));
  // Nothing was read, and each refusal is on the record (who, what, why).
  const refusals = await auditRows(db);
  assert.deepEqual(
    refusals.map((r) => r.outcome),
    Array(4).fill("refused"),
  );
  for (const r of refusals)
    assert.match(`${r.fields} ${r.reason}`, /^(Query|Mutation)\.\w+ (FORBIDDEN|UNAUTHENTICATED): ./);
});

test("the audit trail gets one row per citizen read, with the fields read", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(laborSecurity);
  await seed(s);
  const clerk = { ...CLERK, userId: "clerk-7", purpose: "case HC-2025-001" };
  allowed(
    await run(
      clerk,
      `{ citizens(filter: { community: "景芳社区" }) { totalCount edges { node { name community } } } }`,
    ),
  );
  allowed(
    await run(clerk, `query ($id: ID!) { citizen(idNumber: $id) { name employment { position } } }`, {
      id: person(1),
    }),
  );
  allowed(
    await run(LABOR, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { gender } } }`, {
      r: [{ __typename: "Citizen", idNumber: person(2) }],
    }),
  );
  allowed(
    await run(LABOR, `mutation ($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { status } }`, {
      i: { idNumber: person(2), registeredOn: "2025-01-02" },
    }),
  );
  // Cursors alone, or pageInfo alone, read the persons on the page too.
  allowed(await run(clerk, `{ citizens(filter: { community: "景芳社区" }, first: 1) { edges { cursor } } }`));
  allowed(await run(clerk, `{ citizens(filter: { community: "景芳社区" }, first: 1) { pageInfo { hasNextPage } } }`));
  const rows = (await auditRows(db)).map((r) => ({
    idNumber: r.idNumber,
    fields: r.fields,
    roles: r.roles,
    purpose: r.purpose,
    userId: r.userId,
    department: r.department,
  }));
  const read = (idNumber: string, fields: string, who = clerk) => ({
    idNumber,
    fields,
    roles: who.roles.join(","),
    purpose: who.purpose,
    userId: who.userId,
    department: "labor-security",
  });
  assert.deepEqual(rows, [
    read(person(1), "CitizenConnection.edges,community,name"),
    read(person(2), "CitizenConnection.edges,community,name"),
    read(person(1), "employment,name"),
    read(person(2), "gender", LABOR),
    read(person(2), "Mutation.registerUnemployment,UnemploymentRegistration.status", LABOR),
    read(person(1), "CitizenConnection.edges"),
    read(person(1), "CitizenConnection.pageInfo"),
  ]);
});

test("benefit and relief: a citizen reads their own, analysts totals only, every personal read audited", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(laborSecurity);
  await seed(s);
  await s.unemployment.register({ idNumber: person(1), registeredOn: "2025-01-02", reason: "劳动合同期满终止" });
  const claim = `mutation ($i: ClaimUnemploymentBenefitInput!) { claimUnemploymentBenefit(input: $i) { eligible claimed entitlementMonths } }`;
  refusedWith(await run(ANALYST, claim, { i: { idNumber: person(1) } }), "FORBIDDEN");
  const claimed = allowed(await run(CLERK, claim, { i: { idNumber: person(1) } }));
  assert.deepEqual(claimed.claimUnemploymentBenefit, { eligible: true, claimed: true, entitlementMonths: 18 });
  const me = { userId: "wxm", roles: ["citizen"] as Role[], idNumber: person(1), purpose: "my own records" };
  const mine = `query ($id: ID!) { citizen(idNumber: $id) { unemploymentBenefit { claimed monthsLeft } reliefGrants { amount } } }`;
  assert.deepEqual(allowed(await run(me, mine, { id: person(1) })).citizen, {
    unemploymentBenefit: { claimed: true, monthsLeft: 18 },
    reliefGrants: [],
  });
  refusedWith(await run(me, mine, { id: person(2) }), "FORBIDDEN", /another person/);
  refusedWith(await run(CLERK, `mutation { runBenefitPayments(month: "2025-01") { paid } }`), "FORBIDDEN");
  const run1 = allowed(await run(LABOR, `mutation { runBenefitPayments(month: "2025-01") { paid } }`));
  assert.equal(run1.runBenefitPayments.paid, 0, "claimed today: the first month is today's");
  const month = today().slice(0, 7);
  // The claim is dated by the clock: pay its month, then list it.
  assert.equal(
    allowed(await run(LABOR, `mutation ($m: String!) { runBenefitPayments(month: $m) { paid } }`, { m: month }))
      .runBenefitPayments.paid,
    1,
  );
  const list = `query ($m: String!) { benefitPayments(month: $m) { totalCount edges { node { idNumber amount } } } }`;
  assert.equal(allowed(await run(LABOR, list, { m: month })).benefitPayments.edges[0].node.idNumber, person(1));
  assert.equal(
    allowed(
      await run({ ...ANALYST, purpose: null }, `query ($m: String!) { benefitPayments(month: $m) { totalCount } }`, {
        m: month,
      }),
    ).benefitPayments.totalCount,
    1,
  );
  refusedWith(await run(ANALYST, list, { m: month }), "FORBIDDEN", /totalCount/);
  const totals = `{ reliefTotals(from: "2020-01-01", to: "2030-12-31") { grants amount } reliefCampaigns { name } }`;
  assert.deepEqual(allowed(await run({ ...ANALYST, purpose: null }, totals)).reliefTotals, { grants: 0, amount: 0 });
  refusedWith(await run(me, totals), "FORBIDDEN");
  const reads = (await auditRows(db)).filter((r) => r.outcome !== "refused" && r.idNumber === person(1));
  assert.ok(
    reads.some((r) => /UnemploymentBenefit/.test(r.fields)),
    JSON.stringify(reads),
  );
  assert.ok(
    reads.some((r) => /BenefitPayment/.test(r.fields)),
    JSON.stringify(reads),
  );
  assert.ok(
    reads.some((r) => /reliefGrants/.test(r.fields)),
    JSON.stringify(reads),
  );
});

test("training and outreach: clerks enrol and list, analysts count only, a citizen reads their own, every read audited", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(laborSecurity);
  await seed(s);
  await s.unemployment.register({ idNumber: person(1), registeredOn: "2025-01-02", reason: "劳动合同期满终止" });
  const input = {
    provider: "上城区职业技能培训中心",
    title: "中式烹调师",
    trade: "住宿和餐饮业",
    certificates: ["厨师证"],
    startDate: today(),
    endDate: today(),
    seats: 10,
    subsidy: 1000,
    subsidySource: "补贴培训项目公告",
  };
  const course = await s.training.open(input);
  // The course list is public, like the job board.
  const courses = allowed(
    await run({}, `{ trainingCourses { totalCount edges { node { title seatsLeft subsidy } } } }`),
  );
  assert.deepEqual(courses.trainingCourses.edges[0].node, { title: "中式烹调师", seatsLeft: 10, subsidy: 1000 });
  const open = `mutation ($i: OpenTrainingCourseInput!) { openTrainingCourse(input: $i) { id } }`;
  refusedWith(await run(CLERK, open, { i: input }), "FORBIDDEN");

  const enrol = `mutation ($i: EnrolInTrainingInput!) { enrolInTraining(input: $i) { id status course { title } } }`;
  const i = { idNumber: person(1), courseId: String(course.id) };
  for (const who of [ANALYST, officer("insurance_officer"), { ...officer("citizen"), idNumber: person(1) }])
    refusedWith(await run(who, enrol, { i }), "FORBIDDEN");
  refusedWith(await run({ ...CLERK, purpose: null }, enrol, { i }), "FORBIDDEN", /x-access-purpose/);
  const enrolled = allowed(await run(CLERK, enrol, { i })).enrolInTraining;
  assert.deepEqual([enrolled.status, enrolled.course.title], ["ENROLLED", "中式烹调师"]);
  const result = `mutation ($i: RecordTrainingResultInput!) { recordTrainingResult(input: $i) { status } }`;
  refusedWith(await run(ANALYST, result, { i: { enrolmentId: enrolled.id, passed: true } }), "FORBIDDEN");
  allowed(await run(LABOR, result, { i: { enrolmentId: enrolled.id, passed: true, certificate: "厨师证 1" } }));

  const visit = `mutation ($i: RecordOutreachVisitInput!) { recordOutreachVisit(input: $i) { kind visitedOn } }`;
  const v = { idNumber: person(1), kind: "POLICY", channel: "PHONE", outcome: "已告知" };
  refusedWith(await run(ANALYST, visit, { i: v }), "FORBIDDEN");
  allowed(await run(CLERK, visit, { i: v }));

  const list = `{ outreachList(community: "景芳社区") { totalCount edges { cursor node { citizen { name } lastContactOn due { kind } } } } }`;
  const listed = allowed(await run(CLERK, list)).outreachList;
  assert.equal(listed.totalCount, 1);
  assert.equal(listed.edges[0].node.citizen.name, "王小明");
  assert.ok(!listed.edges[0].cursor.includes(person(1)), "a cursor says nothing about the person");
  // Analysts count; a page of people, even an empty one, is refused them.
  const count = `{ outreachList(community: "景芳社区") { totalCount } }`;
  assert.equal(allowed(await run({ ...ANALYST, purpose: null }, count)).outreachList.totalCount, 1);
  refusedWith(await run(ANALYST, list), "FORBIDDEN", /totalCount/);
  refusedWith(await run(ANALYST, `{ outreachList(community: "无此社区") { edges { cursor } } }`), "FORBIDDEN");
  refusedWith(await run(CLERK, `{ outreachList(community: "景芳社区", first: 51) { totalCount } }`), "BAD_USER_INPUT");
  const me = { userId: "wxm", roles: ["citizen"] as Role[], idNumber: person(1), purpose: "my own records" };
  refusedWith(await run(me, count), "FORBIDDEN");

  // A citizen reads their own enrolments and contacts, not another's.
  const mine = `query ($id: ID!) { citizen(idNumber: $id) { trainingEnrolments { status certificate } outreach { totalCount edges { node { kind channel } } } } }`;
  assert.deepEqual(allowed(await run(me, mine, { id: person(1) })).citizen, {
    trainingEnrolments: [{ status: "PASSED", certificate: "厨师证 1" }],
    outreach: { totalCount: 1, edges: [{ node: { kind: "POLICY", channel: "PHONE" } }] },
  });
  refusedWith(await run(me, mine, { id: person(2) }), "FORBIDDEN", /another person/);
  const reads = (await auditRows(db)).filter((r) => r.outcome !== "refused" && r.idNumber === person(1));
  for (const field of [/TrainingEnrolment/, /OutreachVisit/, /OutreachEntryConnection\.edges/, /trainingEnrolments/])
    assert.ok(
      reads.some((r) => field.test(r.fields)),
      `${String(field)} ${JSON.stringify(reads.map((r) => r.fields))}`,
    );
});
