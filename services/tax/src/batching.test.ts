import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { graphql } from "graphql";
import { CursorKey, localContext, makeCreditCode, makeIdNumber, pageRequest } from "@onewindow/platform";
import { tax } from "./index";
import { countStatements, openDepartmentDatabase } from "@onewindow/testing";

/** Cursors of this process only, as a department seals them for one list. */
const cursors = CursorKey.ephemeral().list("test");

const people = (n: number) => Array.from({ length: n }, (_, i) => makeIdNumber("330182", "1980-01-01", i));
const employers = (n: number) => Array.from({ length: n }, (_, i) => makeCreditCode("330182", 2000 + i));

/** 100 people with a return (a third of them amended) and 100 employers with two months each. */
async function seeded() {
  const ctx = await openDepartmentDatabase(tax);
  for (const [i, idNumber] of people(100).entries()) {
    await ctx.services.taxReturns.file({ idNumber, year: 2023, wageIncome: 70_000 + i * 1_000, taxWithheld: 100 });
    if (i % 3 === 0) await ctx.services.taxReturns.file({ idNumber, year: 2023, wageIncome: 80_000, taxWithheld: 100 });
  }
  for (const [i, creditCode] of employers(100).entries()) {
    for (const period of ["2024-01", "2024-02"]) {
      await ctx.services.withholdingReturns.file({
        creditCode,
        period,
        employees: 3,
        wagesTotal: 18_000,
        taxWithheld: 300,
        taxPaid: i % 4 === 0 ? 200 : 300,
      });
    }
  }
  return ctx;
}

test("batch reads cost the same number of statements for 10 and for 100 citizens or employers", async () => {
  const { services: s, service } = await seeded();
  const page = pageRequest(1, null, cursors);
  // One after the other: statements of concurrent reads would be counted together.
  const cost = async (n: number) => [
    await countStatements(service, () => s.taxReturns.summaries(people(n), 2023)),
    await countStatements(service, () => s.taxReturns.histories(people(n))),
    await countStatements(service, () => s.withholdingReturns.pages(employers(n), page, false)),
    await countStatements(service, () => s.withholdingReturns.arrears(employers(n))),
  ];
  const ten = await cost(10);
  const hundred = await cost(100);
  assert.deepEqual(hundred, ten);
  assert.deepEqual(ten, [1, 1, 2, 1]);
  const summaries = await s.taxReturns.summaries(people(100), 2023);
  assert.equal(summaries.filter((x) => x !== null).length, 100);
  const arrears = await s.withholdingReturns.arrears(employers(100));
  assert.equal(arrears.filter((a) => a > 0).length, 25);
});

const ENTITIES = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Citizen { idNumber taxSummary(year: 2023) { taxDue balance amended } taxReturns { id amendment current } }
    ... on Employer { creditCode taxStanding taxArrears withholdingReturns(first: 1) { totalCount edges { node { period arrears } } } }
  }
}`;

test("the subgraph's entity fields batch: one request for 100 entities costs what one for 10 does", async () => {
  const { services: s, db, service } = await seeded();
  const schema = await tax.buildSchema(s);
  const run = async (n: number) => {
    const reps = [
      ...people(n).map((idNumber) => ({ __typename: "Citizen", idNumber })),
      ...employers(n).map((creditCode) => ({ __typename: "Employer", creditCode })),
    ];
    // A tax officer with a purpose: the batching, not the rules, is under test here.
    const contextValue = localContext("tax", tax.personalDataReaders, db, {
      userId: "officer",
      roles: ["tax_officer"],
      purpose: "batching test",
    });
    let result: Awaited<ReturnType<typeof graphql>> | undefined;
    const statements = await countStatements(service, async () => {
      result = await graphql({ schema, source: ENTITIES, variableValues: { reps }, contextValue });
    });
    assert.equal(result?.errors, undefined);
    return { statements, entities: (result?.data as { _entities: Record<string, any>[] })._entities };
  };
  const ten = await run(10);
  const hundred = await run(100);
  assert.equal(hundred.statements, ten.statements);
  assert.equal(ten.statements, 5); // summaries, histories, arrears, page totals, page rows
  const [first] = hundred.entities;
  assert.equal(first.taxSummary.amended, true);
  assert.deepEqual(
    first.taxReturns.map((r: { amendment: boolean }) => r.amendment),
    [true, false],
  );
  const employer = hundred.entities[100];
  assert.equal(employer.taxStanding, "ARREARS");
  assert.equal(employer.taxArrears, 200);
  assert.equal(employer.withholdingReturns.totalCount, 2);
  assert.deepEqual(
    employer.withholdingReturns.edges.map((e: { node: { period: string } }) => e.node.period),
    ["2024-02"],
  );
  assert.equal(hundred.entities[101].taxStanding, "GOOD");
});
