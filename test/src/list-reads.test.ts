import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { startStack, type As, type Stack } from "./harness/stack";
import { freshIdNumber } from "./harness/fixtures";

/** Low enough to reach in a test, high enough for the reads the other tests make. */
const CLERK_CAP = 12;
const PEOPLE = 15;

const PAGE = `query ($community: String, $first: Int, $after: String) {
  citizens(filter: { community: $community }, first: $first, after: $after) {
    edges { cursor node { idNumber } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const clerk = (user: string): As => ({ roles: ["window_clerk"], user, purpose: "list reads test" });
const analyst: As = { roles: ["analyst"], user: "analyst-lists", purpose: "statistics" };

describe("lists of persons and their cursors, through the gateway", () => {
  let stack: Stack;
  let ids: string[];
  const community = `游标社区${process.pid % 100000}`;

  /** The audit rows of labor security written for `user`. */
  const auditOf = (user: string) =>
    stack.sql<{ id_number: string | null; fields: string; outcome: string; reason: string | null }>(
      "labor-security",
      `SELECT id_number, fields, outcome, reason FROM audit_entry WHERE user_id = '${user}' ORDER BY id`,
    );

  beforeAll(async () => {
    stack = await startStack({ env: { PERSON_READ_CAPS: `window_clerk=${CLERK_CAP}` } });
    ids = [];
    for (let i = 0; i < PEOPLE; i++) {
      const idNumber = freshIdNumber("1975-03-02", i % 2 ? "MALE" : "FEMALE");
      const res = await stack.query(
        `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`,
        { i: { idNumber, name: "游标", community } },
      );
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      ids.push(idNumber);
    }
    ids.sort();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("an analyst gets the totalCount of a list, and a FORBIDDEN naming the field for its edges, cursors or pageInfo", async () => {
    const count = await stack.query(
      `query ($c: String) { citizens(filter: { community: $c }) { totalCount } }`,
      { c: community },
      analyst,
    );
    assert.equal(count.errors, undefined, JSON.stringify(count.errors));
    assert.equal(count.data.citizens.totalCount, PEOPLE);
    for (const [selection, field] of [
      ["edges { cursor }", "CitizenConnection.edges"],
      ["totalCount pageInfo { hasNextPage }", "CitizenConnection.pageInfo"],
      ["pageInfo { endCursor }", "CitizenConnection.pageInfo"],
      ["edges { node { idNumber } }", "CitizenConnection.edges"],
    ]) {
      const res: any = await stack.query(
        `query ($c: String) { citizens(filter: { community: $c }) { ${selection} } }`,
        { c: community },
        analyst,
      );
      assert.equal(res.data?.citizens ?? null, null, selection);
      assert.equal(res.errors?.[0]?.extensions?.code, "FORBIDDEN", `${selection}: ${JSON.stringify(res.errors)}`);
      assert.ok(res.errors![0].message.includes(field), `${selection}: ${res.errors![0].message}`);
    }
    // Nothing was read: the trail holds the refusals (repeats of one kind tallied), naming nobody.
    const rows = await auditOf("analyst-lists");
    assert.ok(rows.length >= 1, "the refusals are on the record");
    assert.ok(
      rows.every(
        (r) =>
          r.outcome === "refused" &&
          r.id_number === null &&
          r.fields === "Query.citizens" &&
          /^FORBIDDEN/.test(r.reason ?? ""),
      ),
      JSON.stringify(rows),
    );
  });

  /** Asserts that no cursor of `edges`, decoded as base64 in any reading, holds an ID number or a part that says region or birthday. */
  const assertOpaque = (edges: { cursor: string }[]) => {
    for (const { cursor } of edges) {
      for (const decoded of [Buffer.from(cursor, "base64url"), Buffer.from(cursor, "base64")]) {
        for (const text of [decoded.toString("utf8"), decoded.toString("latin1"), decoded.toString("hex")]) {
          for (const id of ids)
            assert.ok(
              !text.includes(id) && !text.includes(id.slice(0, 6)) && !text.includes(id.slice(6, 14)),
              `cursor ${cursor} decodes to ${text}`,
            );
        }
      }
    }
  };

  test("a clerk's cursors decode to nothing that identifies a person, pages walk the whole list, and each person read is audited", async () => {
    const page: any = await stack.query(PAGE, { community, first: 5 }, clerk("clerk-page"));
    assert.equal(page.errors, undefined, JSON.stringify(page.errors));
    assertOpaque(page.data.citizens.edges);
    const onPage = page.data.citizens.edges.map((e: any) => e.node.idNumber);
    assert.deepEqual(onPage, ids.slice(0, 5));
    const rows = await auditOf("clerk-page");
    assert.deepEqual(
      rows.map((r) => r.id_number),
      onPage,
      "one audit row per person on the page",
    );
    assert.ok(
      rows.every((r) => r.fields.split(",").includes("CitizenConnection.edges")),
      JSON.stringify(rows),
    );

    // An officer (whose cap is higher than the clerk's) walks the whole list by cursor.
    const officer: As = { roles: ["labor_officer"], user: "officer-walk", purpose: "list reads test" };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await stack.query(PAGE, { community, first: 4, after }, officer);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const { edges, pageInfo } = res.data.citizens;
      assertOpaque(edges);
      seen.push(...edges.map((e: any) => e.node.idNumber));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    assert.deepEqual(seen, ids);
    assert.equal((await auditOf("officer-walk")).length, PEOPLE);
  });

  test("a hand-made cursor (an ID number in base64, an altered byte, a cursor of another list) is BAD_USER_INPUT and writes nothing", async () => {
    const user = "clerk-forger";
    const officer: As = { roles: ["labor_officer"], user: "officer-cursors", purpose: "list reads test" };
    const first: any = await stack.query(PAGE, { community, first: 2 }, officer);
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const real: string = first.data.citizens.pageInfo.endCursor;
    const bytes = Buffer.from(real, "base64url");
    const altered = Buffer.from(bytes);
    altered[bytes.length >> 1] ^= 0x01;
    // A cursor of the same field over another filter (every citizen), and one of another field.
    const everyone: any = await stack.query(PAGE, { community: null, first: 1 }, officer);
    const board: any = await stack.query(`{ jobPostings(first: 1) { pageInfo { endCursor } } }`, undefined, officer);
    const forged = {
      "an ID number in base64url": Buffer.from(`k:${ids[3]}`).toString("base64url"),
      "an ID number in base64": Buffer.from(ids[3]).toString("base64"),
      "an altered byte": altered.toString("base64url"),
      "a cursor of another filter": everyone.data.citizens.pageInfo.endCursor,
      "a cursor of another list": board.data.jobPostings.pageInfo.endCursor ?? real.slice(1),
    };
    for (const [what, cursor] of Object.entries(forged)) {
      const res = await stack.query(PAGE, { community, first: 3, after: cursor }, clerk(user));
      assert.equal(res.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", `${what}: ${JSON.stringify(res)}`);
      assert.equal(res.data?.citizens ?? null, null, what);
    }
    assert.deepEqual(await auditOf(user), []);
  });

  test("the cap on persons read per hour refuses the read past it with RATE_LIMITED and an audit row", async () => {
    const user = "clerk-export";
    const firstPage: any = await stack.query(PAGE, { community, first: 10 }, clerk(user));
    assert.equal(firstPage.errors, undefined, JSON.stringify(firstPage.errors));
    const next = await stack.query(
      PAGE,
      { community, first: 5, after: firstPage.data.citizens.pageInfo.endCursor },
      clerk(user),
    );
    assert.equal(next.errors?.[0]?.extensions?.code, "RATE_LIMITED", JSON.stringify(next));
    assert.match(String(next.errors![0].extensions?.localizedMessage), /上限/);
    assert.equal(next.data?.citizens ?? null, null);
    // The persons already read may be read again: the cap counts distinct persons.
    const again = await stack.query(PAGE, { community, first: 10 }, clerk(user));
    assert.equal(again.errors, undefined, JSON.stringify(again.errors));
    const rows = await auditOf(user);
    const refusals = rows.filter((r) => r.outcome === "refused");
    assert.equal(refusals.length, 1, JSON.stringify(rows));
    assert.equal(refusals[0].id_number, null);
    assert.match(refusals[0].reason ?? "", /^RATE_LIMITED/);
    assert.deepEqual(new Set(rows.filter((r) => r.id_number).map((r) => r.id_number)), new Set(ids.slice(0, 10)));
  });
});
