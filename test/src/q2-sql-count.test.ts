import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { startStack, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshIdNumber } from "./harness/fixtures";

const REGISTER_CITIZEN = `mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { idNumber } }`;
const ENROLL = `mutation ($input: EnrollMedicalInsuranceInput!) { enrollMedicalInsurance(input: $input) { scheme } }`;
const FILE_RETURN = `mutation ($input: FileTaxReturnInput!) { fileTaxReturn(input: $input) { taxDue } }`;

/** The benchmark's Q2 (`infra/src/bench/queries.ts`): a page of citizens with their insurance and tax, here of one community. */
const Q2 = `query ($community: String!, $first: Int!) {
  citizens(filter: { community: $community }, first: $first) {
    edges { cursor node { idNumber name birthDate community
      medicalInsurance { scheme status monthlyContribution }
      taxSummary(year: 2024) { taxableIncome taxDue balance } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const DEPARTMENTS = ["labor-security", "medical-insurance", "tax"];

describe("Q2 (a page of citizens with insurance and tax) through the gateway", () => {
  let stack: Stack;
  const community = `批量社区${process.pid % 100000}`;

  beforeAll(async () => {
    stack = await startStack();
    for (let i = 0; i < 100; i++) {
      const idNumber = freshIdNumber("1988-06-15", i % 2 ? "MALE" : "FEMALE");
      for (const [mutation, input] of [
        [REGISTER_CITIZEN, { idNumber, name: "批量", community }],
        [ENROLL, { idNumber, scheme: "RESIDENT", since: "2024-01-01" }],
        [FILE_RETURN, { idNumber, year: 2024, wageIncome: 100000 + i * 1000, taxWithheld: 1000 }],
      ] as const) {
        const res = await stack.query(mutation, { input });
        assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      }
    }
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("costs each department the same number of SQL statements for 10 citizens as for 100", async () => {
    // Measured again if a relay's idle poll fell inside one of the windows.
    const counts = await eventually(async () => {
      const counts: Record<string, number>[] = [];
      for (const first of [10, 100]) {
        const before = await Promise.all(DEPARTMENTS.map((d) => stack.sqlCount(d)));
        const res = await stack.query(Q2, { community, first });
        const after = await Promise.all(DEPARTMENTS.map((d) => stack.sqlCount(d)));
        assert.equal(res.errors, undefined, JSON.stringify(res.errors));
        const edges = res.data.citizens.edges;
        assert.equal(edges.length, first);
        assert.ok(
          edges.every(
            (e: any) => e.node.medicalInsurance?.scheme === "RESIDENT" && e.node.taxSummary?.taxDue !== undefined,
          ),
        );
        counts.push(Object.fromEntries(DEPARTMENTS.map((d, i) => [d, after[i] - before[i]])));
      }
      assert.deepEqual(
        counts[1],
        counts[0],
        `SQL statements per department for 10 vs 100 citizens: ${JSON.stringify(counts)}`,
      );
      return counts;
    });
    // Every department was asked (a page that skipped one would pass the comparison vacuously).
    for (const d of DEPARTMENTS) assert.ok(counts[0][d] > 0, `${d} ran no SQL statement`);
  });

  test("pages follow each other by cursor, and the total is counted only when it is asked for", async () => {
    const PAGE = `query ($community: String!, $after: String, $count: Boolean!) {
      citizens(filter: { community: $community }, first: 30, after: $after) {
        totalCount @include(if: $count)
        edges { node { idNumber } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages++) {
      const res: any = await stack.query(PAGE, { community, after, count: false });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const { edges, pageInfo } = res.data.citizens;
      assert.equal(pageInfo.hasPreviousPage, after !== null);
      seen.push(...edges.map((e: any) => e.node.idNumber));
      if (!pageInfo.hasNextPage) {
        assert.equal(pages, 4);
        break;
      }
      after = pageInfo.endCursor;
    }
    assert.equal(seen.length, 100);
    assert.deepEqual(seen, [...seen].sort(), "in ID-number order");
    assert.equal(new Set(seen).size, 100, "no citizen twice");

    // The count is one statement more, run only when totalCount is selected.
    const statements = async (count: boolean) => {
      const before = await stack.sqlCount("labor-security");
      const res = await stack.query(PAGE, { community, after: null, count });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      if (count) assert.equal(res.data.citizens.totalCount, 100);
      return (await stack.sqlCount("labor-security")) - before;
    };
    await eventually(async () => assert.equal(await statements(true), (await statements(false)) + 1));
  });
});
