import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { graphql, type GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { CursorKey, localContext, pageRequest, type RequestContext } from "@onewindow/platform";
import { Claim } from "./claim/claim.entity";
import { monthlyContributions } from "./enrolment/contribution.policy";
import { Enrolment } from "./enrolment/enrolment.entity";
import { EnrolmentStatus, MedicalInsuranceScheme } from "./enrolment/enrolment.enums";
import { countStatements, openDepartmentDatabase } from "@onewindow/testing";
import { company, person } from "./medical-insurance.fixture";
import { medicalInsurance } from "./index";

/** Cursors of this process only, as a department seals them for one list. */
const cursors = CursorKey.ephemeral().list("test");

/** Bulk-inserts an ACTIVE employee enrolment and three claims for each of `count` people. */
async function seed(db: DataSource, count: number): Promise<void> {
  const { personalFen, employerFen } = monthlyContributions(MedicalInsuranceScheme.EMPLOYEE, 600_000);
  const enrolments = Array.from({ length: count }, (_, i) => ({
    idNumber: person(i),
    scheme: MedicalInsuranceScheme.EMPLOYEE,
    status: EnrolmentStatus.ACTIVE,
    creditCode: company(i % 7),
    since: "2023-01-01",
    endedOn: null,
    contributionBaseFen: 600_000,
    monthlyContributionFen: personalFen,
    employerMonthlyContributionFen: employerFen,
    personalAccountBalanceFen: 0,
    enrolledAt: new Date().toISOString(),
  }));
  await db.getRepository(Enrolment).insert(enrolments);
  const claims = enrolments.flatMap((e) =>
    ["2024-01-05", "2024-02-05", "2024-03-05"].map((visitDate) => ({
      idNumber: e.idNumber,
      hospitalCode: "H1",
      visitDate,
      totalCostFen: 10_000,
      drugCostFen: 4_000,
      submittedAt: new Date().toISOString(),
    })),
  );
  for (let i = 0; i < claims.length; i += 100) await db.getRepository(Claim).insert(claims.slice(i, i + 100));
}

/** An insurance officer with a purpose: the batching, not the rules, is under test here. */
const context = (db: DataSource): RequestContext =>
  localContext("medical-insurance", medicalInsurance.personalDataReaders, db, {
    userId: "officer",
    roles: ["insurance_officer"],
    purpose: "batching test",
  });

/** Runs a gateway-style `_entities` query for `count` citizens, as the gateway does for a page of them. */
async function entities(schema: GraphQLSchema, db: DataSource, count: number, selection: string) {
  const representations = Array.from({ length: count }, (_, i) => ({ __typename: "Citizen", idNumber: person(i) }));
  const result = await graphql({
    schema,
    source: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { ${selection} } } }`,
    variableValues: { r: representations },
    contextValue: context(db),
  });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  // graphql-js builds null-prototype objects; plain copies compare with deepEqual.
  return (JSON.parse(JSON.stringify(result.data)) as { _entities: any[] })._entities;
}

test("active enrolments of 10 or 100 citizens cost one statement", async () => {
  const { services: s, db, service } = await openDepartmentDatabase(medicalInsurance);
  await seed(db, 100);
  const ten = await countStatements(service, () =>
    s.enrolments.activeFor(Array.from({ length: 10 }, (_, i) => person(i))),
  );
  const hundred = await countStatements(service, () =>
    s.enrolments.activeFor(Array.from({ length: 100 }, (_, i) => person(i))),
  );
  assert.equal(ten, 1);
  assert.equal(hundred, ten);
});

test("a page of 100 citizens with medicalInsurance costs one statement through the schema", async () => {
  const { db, schema, service } = await openDepartmentDatabase(medicalInsurance);
  await seed(db, 100);
  const selection = "medicalInsurance { scheme employer { creditCode } monthlyContribution }";
  let rows: any[] = [];
  const ten = await countStatements(service, () => entities(schema, db, 10, selection));
  const hundred = await countStatements(service, async () => (rows = await entities(schema, db, 100, selection)));
  assert.equal(ten, 1);
  assert.equal(hundred, 1);
  assert.equal(rows.length, 100);
  assert.deepEqual(rows[8].medicalInsurance, {
    scheme: "EMPLOYEE",
    employer: { creditCode: company(1) },
    monthlyContribution: 120,
  });
});

test("insuranceClaims for 10 or 100 citizens cost the same statements", async () => {
  const { services: s, db, schema, service } = await openDepartmentDatabase(medicalInsurance);
  await seed(db, 100);
  const selection = "insuranceClaims(first: 2) { totalCount edges { node { visitDate totalCost } } }";
  let rows: any[] = [];
  const ten = await countStatements(service, () => entities(schema, db, 10, selection));
  const hundred = await countStatements(service, async () => (rows = await entities(schema, db, 100, selection)));
  assert.equal(ten, 2);
  assert.equal(hundred, ten);
  assert.deepEqual(rows[99].insuranceClaims, {
    totalCount: 3,
    edges: [
      { node: { visitDate: "2024-03-05", totalCost: 100 } },
      { node: { visitDate: "2024-02-05", totalCost: 100 } },
    ],
  });
  // The service batch function itself: same count for any batch size.
  const page = pageRequest(1, null, cursors);
  const direct10 = await countStatements(service, () =>
    s.claims.pagesFor(
      Array.from({ length: 10 }, (_, i) => person(i)),
      page,
    ),
  );
  const direct100 = await countStatements(service, () =>
    s.claims.pagesFor(
      Array.from({ length: 100 }, (_, i) => person(i)),
      page,
    ),
  );
  assert.equal(direct100, direct10);
});

test("Employer fields for a batch of employers share one GROUP BY statement", async () => {
  const { db, schema, service } = await openDepartmentDatabase(medicalInsurance);
  await seed(db, 100);
  const run = async (count: number) => {
    const representations = Array.from({ length: count }, (_, i) => ({
      __typename: "Employer",
      creditCode: company(i),
    }));
    const result = await graphql({
      schema,
      source: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Employer { insuredEmployeeCount monthlyContributions } } }`,
      variableValues: { r: representations },
      contextValue: context(db),
    });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    return (JSON.parse(JSON.stringify(result.data)) as { _entities: any[] })._entities;
  };
  let rows: any[] = [];
  assert.equal(await countStatements(service, () => run(3)), 1);
  assert.equal(await countStatements(service, async () => (rows = await run(50))), 1);
  // 100 people over 7 employers: employer 0 has people 0, 7, ..., 98 (15 of them); 570 yuan each.
  assert.deepEqual(rows[0], { insuredEmployeeCount: 15, monthlyContributions: 15 * 570 });
  assert.deepEqual(rows[49], { insuredEmployeeCount: 0, monthlyContributions: 0 });
});
