import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { today } from "@onewindow/platform";
import { startStack, type As, type Stack } from "./harness/stack";
import { freshCreditCode } from "./harness/fixtures";

const CLERK: As = { roles: ["window_clerk"], user: "WC0301" };
const ANALYST: As = { roles: ["analyst"], user: "analyst-1" };

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}, as?: As) {
  const res = await stack.query(query, variables, as);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const TOTALS = `query ($s: String!, $f: Date!, $t: Date!) {
  enterpriseServiceTotals(station: $s, from: $f, to: $t) { station services companies byKind { kind services companies } }
}`;
type Totals = { services: number; companies: number; byKind: { kind: string; services: number }[] };
const of = (t: Totals, ...kinds: string[]) =>
  t.byKind.filter((k) => kinds.includes(k.kind)).reduce((sum, k) => sum + k.services, 0);

describe("building stations' enterprise services through the gateway", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: { citizens: 200, employers: 10, jobPostings: 10, extraVisits: 0 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("物产大厦's station shows 书面审查和服务联系卡 120, 宣传 420, 代理服务 115 to an analyst, its companies as labor's employers", async () => {
    const data = await ok(stack, TOTALS, { s: "WUCHAN", f: "2010-01-01", t: "2010-12-31" }, ANALYST);
    const t: Totals = data.enterpriseServiceTotals;
    assert.equal(of(t, "COMPLIANCE_REVIEW", "CONTACT_CARD"), 120);
    assert.equal(of(t, "PUBLICITY"), 420);
    assert.equal(of(t, "PROXY"), 115);
    assert.equal(t.services, 655);

    // The building's companies are labor security's demo employers: their names come from labor.
    const b = await ok(stack, `{ buildings(station: "WUCHAN") { id name station companies { creditCode name } } }`);
    assert.equal(b.buildings.length, 1);
    assert.equal(b.buildings[0].name, "物产大厦");
    assert.equal(b.buildings[0].companies.length, 10);
    assert.ok(
      b.buildings[0].companies.every((c: any) => /^杭州.+公司/.test(c.name)),
      JSON.stringify(b.buildings),
    );
    // And from labor's side: the employer's building, added by the hall.
    const code = b.buildings[0].companies[0].creditCode;
    const e = await ok(stack, `query ($c: ID!) { employer(creditCode: $c) { name building { name station } } }`, {
      c: code,
    });
    assert.deepEqual(e.employer.building, { name: "物产大厦", station: "WUCHAN" });
  });

  test("a station worker's recorded services move the station's totals; a company in no building is refused in Chinese", async () => {
    const day = today();
    const company = freshCreditCode();
    const record = `mutation ($i: RecordEnterpriseServiceInput!) { recordEnterpriseService(input: $i) { id kind date station staffNumber company { creditCode } } }`;
    const input = { creditCode: company, kind: "PUBLICITY", date: day, staffNumber: "WC0301", note: "劳动合同法宣传" };

    const refused = await stack.query(record, { i: input }, CLERK);
    assert.equal(refused.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.match(String(refused.errors?.[0].extensions?.localizedMessage), /不在任何楼宇服务站的服务范围内/);

    const totals = async () =>
      (await ok(stack, TOTALS, { s: "WUCHAN", f: day, t: day }, ANALYST)).enterpriseServiceTotals as Totals;
    const before = await totals();

    const { buildings } = await ok(stack, `{ buildings(station: "WUCHAN") { id } }`, {}, CLERK);
    const placed = await ok(
      stack,
      `mutation ($i: PlaceCompanyInput!) { placeCompanyInBuilding(input: $i) { name } }`,
      { i: { building: buildings[0].id, creditCode: company } },
      CLERK,
    );
    assert.equal(placed.placeCompanyInBuilding.name, "物产大厦");
    // An analyst reads the totals but does not record.
    assert.equal((await stack.query(record, { i: input }, ANALYST)).errors?.[0].extensions?.code, "FORBIDDEN");

    const r = await ok(stack, record, { i: input }, CLERK);
    assert.deepEqual(
      { ...r.recordEnterpriseService, id: undefined },
      {
        id: undefined,
        kind: "PUBLICITY",
        date: day,
        station: "WUCHAN",
        staffNumber: "WC0301",
        company: { creditCode: company },
      },
    );
    await ok(stack, record, { i: { ...input, kind: "PROXY", note: null } }, CLERK);
    await ok(stack, record, { i: { ...input, kind: "CONTACT_CARD" } }, CLERK);

    const after = await totals();
    assert.equal(after.services, before.services + 3);
    assert.equal(of(after, "PUBLICITY"), of(before, "PUBLICITY") + 1);
    assert.equal(of(after, "PROXY"), of(before, "PROXY") + 1);
    assert.equal(of(after, "CONTACT_CARD"), of(before, "CONTACT_CARD") + 1);
    assert.equal(after.companies, before.companies + 1);

    const unknown = await stack.query(TOTALS, { s: "NOWHERE", f: day, t: day }, ANALYST);
    assert.equal(unknown.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(
      (await stack.query(TOTALS, { s: "WUCHAN", f: day, t: day }, "anonymous")).errors?.[0].extensions?.code,
      "UNAUTHENTICATED",
    );
  });
});
