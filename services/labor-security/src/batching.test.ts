import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { graphql, type GraphQLSchema } from "graphql";
import { makeIdNumber, type RequestContext } from "@onewindow/platform";
import { countStatements, fixedClock, openDepartmentDatabase } from "@onewindow/testing";
import { laborSecurity } from "./index";
import { company } from "./labor-security.fixture";
import type { Services } from "./services";

/*
 * What the benchmark's queries (infra/src/bench/queries.ts) cost labor security in SQL statements,
 * sent as the gateway sends them: Q1, one citizen across the departments, is labor's part of the
 * citizen and then the name of the employer medical insurance names; Q2 a page of citizens; Q4
 * the job board.
 */

const TODAY = "2026-11-20";
const CLERK = { userId: "clerk-01", roles: ["window_clerk" as const], purpose: "batching test" };

/** Labor's part of Q1, as the gateway asks for it. */
const Q1_CITIZEN = `query ($id: ID!) { citizen(idNumber: $id) { __typename idNumber name gender birthDate community
  employment { position startDate employer { creditCode name } } unemployment { registeredOn status }
  assistanceCategories retirement { retiredOn } } }`;
/** The same fields of the same person through `_entities`, where every field reads on its own. */
const Q1_ENTITY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { __typename idNumber name gender
  birthDate community employment { position startDate employer { creditCode name } } unemployment { registeredOn status }
  assistanceCategories retirement { retiredOn } } } }`;
/** Q1's second fetch from labor: the name of the employer medical insurance has on record. */
const Q1_EMPLOYER = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employer { name } } }`;
const Q2_PAGE = `query ($after: String) { citizens(first: 50, after: $after) { edges { cursor node { __typename idNumber
  name birthDate community } } pageInfo { hasNextPage endCursor } } }`;
const Q4 = `{ jobPostings(filter: { openOnly: true }, first: 20) { totalCount
  edges { cursor node { title salaryMin salaryMax vacancies employer { name } } } pageInfo { hasNextPage endCursor } } }`;

async function execute(
  schema: GraphQLSchema,
  context: RequestContext,
  source: string,
  variableValues: Record<string, unknown> = {},
) {
  const result = await graphql({ schema, source, variableValues, contextValue: context });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  // graphql-js builds null-prototype objects; plain copies compare with deepEqual.
  return JSON.parse(JSON.stringify(result.data)) as Record<string, any>;
}

/** A worker, an unemployed woman of the 4050 and zero-employment groups, a retiree and an unemployed man whose household works. */
async function seed(s: Services) {
  const worker = makeIdNumber("330102", "1980-04-04", 11);
  const jobless = makeIdNumber("330102", "1979-05-05", 12);
  const retiree = makeIdNumber("330102", "1960-02-02", 13);
  const sibling = makeIdNumber("330102", "1990-06-06", 15);
  await s.employers.register({ creditCode: company(1), name: "凯旋机电有限公司", industry: "制造业" });
  await s.employers.register({ creditCode: company(2), name: "杭州物产服务公司", industry: "服务业" });
  await s.citizens.register({ idNumber: worker, name: "王强", community: "景芳社区", household: "H2" });
  await s.citizens.register({ idNumber: jobless, name: "李红", community: "景芳社区", household: "H1" });
  await s.citizens.register({ idNumber: retiree, name: "赵老", community: "三里亭社区" });
  await s.citizens.register({ idNumber: sibling, name: "王弟", community: "景芳社区", household: "H2" });
  await s.employments.record({ idNumber: worker, creditCode: company(1), startDate: "2020-01-01", position: "电工" });
  await s.employments.record({ idNumber: jobless, creditCode: company(2), startDate: "2015-03-01", position: "保洁" });
  await s.unemployment.register({ idNumber: jobless, registeredOn: "2024-06-01", reason: "合同到期" });
  await s.unemployment.register({ idNumber: sibling, registeredOn: "2026-10-01" });
  await s.retirements.approve({ idNumber: retiree, retiredOn: "2020-03-01" });
  for (let i = 0; i < 25; i++)
    await s.jobPostings.post({
      creditCode: company(1 + (i % 2)),
      title: `岗位 ${i}`,
      salaryMin: 4000 + i,
      salaryMax: 6000 + i,
      vacancies: 1 + (i % 3),
    });
  return { worker, jobless, retiree, sibling };
}

test("Q1 costs labor security two statements: the citizen with every record asked for, then the employer's name", async () => {
  const {
    services: s,
    schema,
    service,
    context,
  } = await openDepartmentDatabase(laborSecurity, {
    clock: fixedClock(TODAY),
  });
  const people = await seed(s);
  const expected: Record<string, unknown> = {
    [people.worker]: {
      employment: {
        position: "电工",
        startDate: "2020-01-01",
        employer: { creditCode: company(1), name: "凯旋机电有限公司" },
      },
      unemployment: null,
      assistanceCategories: [],
      retirement: null,
    },
    [people.jobless]: {
      employment: null,
      unemployment: { registeredOn: "2024-06-01", status: "OPEN" },
      assistanceCategories: ["FORTY_FIFTY", "ZERO_EMPLOYMENT_FAMILY", "LONG_TERM_UNEMPLOYED"],
      retirement: null,
    },
    [people.retiree]: {
      employment: null,
      unemployment: null,
      assistanceCategories: [],
      retirement: { retiredOn: "2020-03-01" },
    },
    // Someone of his household works: in no group yet (registered a month and a half ago, 36 years old).
    [people.sibling]: {
      employment: null,
      unemployment: { registeredOn: "2026-10-01", status: "OPEN" },
      assistanceCategories: [],
      retirement: null,
    },
  };
  for (const [id, records] of Object.entries(expected)) {
    let answer: Record<string, any> = {};
    const statements = await countStatements(service, async () => {
      answer = await execute(schema, context(CLERK), Q1_CITIZEN, { id });
    });
    assert.equal(statements, 1, `the citizen ${id} and their records in one statement`);
    const { employment, unemployment, assistanceCategories, retirement, idNumber } = answer.citizen;
    assert.deepEqual({ employment, unemployment, assistanceCategories, retirement }, records);
    assert.equal(idNumber, id);
    // Field by field (the `_entities` path reads each record on its own) answers the same.
    const entity = await execute(schema, context(CLERK), Q1_ENTITY, { r: [{ __typename: "Citizen", idNumber: id }] });
    assert.deepEqual(entity._entities[0], answer.citizen);
  }
  const employer = await countStatements(service, () =>
    execute(schema, context(CLERK), Q1_EMPLOYER, { r: [{ __typename: "Employer", creditCode: company(2) }] }),
  );
  assert.equal(employer, 1);
  // An unknown person costs the one statement too, and is null.
  const unknown = makeIdNumber("330102", "1985-01-01", 17);
  let none: Record<string, any> = {};
  assert.equal(
    await countStatements(
      service,
      async () => (none = await execute(schema, context(CLERK), Q1_CITIZEN, { id: unknown })),
    ),
    1,
  );
  assert.equal(none.citizen, null);
});

test("a caller who may not read labor's records gets none of them read for them", async () => {
  const {
    services: s,
    schema,
    service,
    context,
  } = await openDepartmentDatabase(laborSecurity, {
    clock: fixedClock(TODAY),
  });
  const { worker } = await seed(s);
  // An insurance officer reads identity only: the employment field is refused, and not read.
  const officer = { userId: "officer", roles: ["insurance_officer" as const], purpose: "batching test" };
  let result: Awaited<ReturnType<typeof graphql>> | undefined;
  const asOfficer = context(officer);
  const statements = await countStatements(service, async () => {
    result = await graphql({
      schema,
      source: `query ($id: ID!) { citizen(idNumber: $id) { name employment { position } } }`,
      variableValues: { id: worker },
      contextValue: asOfficer,
    });
  });
  // The jobs were not read with the citizen (a read primes the request's loader of jobs).
  assert.equal(asOfficer.loaders.has("currentEmployment"), false);
  const asClerk = context(CLERK);
  await execute(schema, asClerk, `query ($id: ID!) { citizen(idNumber: $id) { name employment { position } } }`, {
    id: worker,
  });
  assert.equal(asClerk.loaders.has("currentEmployment"), true);
  assert.equal(statements, 1);
  assert.equal((result!.data as any).citizen.name, "王强");
  assert.ok(result!.errors?.some((e) => e.extensions?.code === "FORBIDDEN" && e.path?.includes("employment")));
  assert.equal((result!.data as any).citizen.employment, null);
});

test("Q2's page of citizens and Q4's job board are one statement each", async () => {
  const {
    services: s,
    schema,
    service,
    context,
  } = await openDepartmentDatabase(laborSecurity, {
    clock: fixedClock(TODAY),
  });
  await seed(s);
  let page: Record<string, any> = {};
  const first = context(CLERK);
  // The next request as the same department (its cursor key), with loaders of its own.
  const next = () => ({ ...context(CLERK), cursors: first.cursors });
  assert.equal(await countStatements(service, async () => (page = await execute(schema, first, Q2_PAGE))), 1);
  assert.equal(page.citizens.edges.length, 4);
  // In ID-number order: by birth date here.
  assert.deepEqual(
    page.citizens.edges.map((e: any) => e.node.name),
    ["赵老", "李红", "王强", "王弟"],
  );
  const after = page.citizens.edges[1].cursor as string;
  let rest: Record<string, any> = {};
  assert.equal(
    await countStatements(service, async () => (rest = await execute(schema, next(), Q2_PAGE, { after }))),
    1,
  );
  assert.deepEqual(
    rest.citizens.edges.map((e: any) => e.node.idNumber),
    page.citizens.edges.slice(2).map((e: any) => e.node.idNumber),
  );

  let board: Record<string, any> = {};
  assert.equal(await countStatements(service, async () => (board = await execute(schema, next(), Q4))), 1);
  assert.equal(board.jobPostings.totalCount, 25);
  assert.equal(board.jobPostings.edges.length, 20);
  assert.equal(board.jobPostings.pageInfo.hasNextPage, true);
  // Newest first (same day: the later posting first), each with its employer.
  assert.deepEqual(board.jobPostings.edges[0].node, {
    title: "岗位 24",
    salaryMin: 4024,
    salaryMax: 6024,
    vacancies: 1,
    employer: { name: "凯旋机电有限公司" },
  });
  assert.deepEqual(board.jobPostings.edges[19].node.employer, { name: "杭州物产服务公司" });
  // The page past the end still knows the total.
  const last = await execute(
    schema,
    next(),
    `query ($after: String) { jobPostings(filter: { openOnly: true }, first: 20, after: $after) { totalCount edges { node { title } } } }`,
    { after: board.jobPostings.pageInfo.endCursor },
  );
  assert.equal(last.jobPostings.totalCount, 25);
  assert.equal(last.jobPostings.edges.length, 5);
});
