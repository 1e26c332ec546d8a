import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { SeededRandom, today } from "@onewindow/platform";
import { startStack, type Stack } from "./harness/stack";
import { freshIdNumber } from "./harness/fixtures";
import { eventually } from "./harness/eventually";

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}) {
  const res = await stack.query(query, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const OPEN = `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id centre deadline } }`;

describe("service centres through the gateway", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: { citizens: 50, employers: 5, jobPostings: 5, extraVisits: 0 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("a community station escalates a case that then appears at the street centre with its original deadline", async () => {
    const opened = (
      await ok(stack, OPEN, {
        i: { idNumber: freshIdNumber(), itemCode: "LS006", window: "01", centre: "KX_JINGFANG" },
      })
    ).openCase;
    assert.equal(opened.centre, "KX_JINGFANG");
    const escalated = await ok(
      stack,
      `mutation ($i: EscalateCaseInput!) { escalateCase(input: $i) { id centre escalatedFrom escalatedOn deadline } }`,
      { i: { caseId: opened.id } },
    );
    assert.deepEqual(escalated.escalateCase, {
      id: opened.id,
      centre: "KAIXUAN",
      escalatedFrom: "KX_JINGFANG",
      escalatedOn: today(),
      deadline: opened.deadline,
    });
    const atStreet = await ok(
      stack,
      `{ centreCases(centre: "KAIXUAN", first: 100) { totalCount edges { node { id deadline escalatedFrom } } } }`,
    );
    assert.deepEqual(
      atStreet.centreCases.edges.map((e: any) => e.node).find((n: any) => n.id === opened.id),
      { id: opened.id, deadline: opened.deadline, escalatedFrom: "KX_JINGFANG" },
    );
    const atStation = await ok(stack, `{ centreCases(centre: "KX_JINGFANG") { edges { node { id } } } }`);
    assert.ok(!atStation.centreCases.edges.some((e: any) => e.node.id === opened.id));
    // Escalating it again from the street centre is refused, in Chinese for the clerk.
    const again = await stack.query(`mutation ($i: EscalateCaseInput!) { escalateCase(input: $i) { id } }`, {
      i: { caseId: opened.id },
    });
    assert.equal(again.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.match(
      String(again.errors?.[0].extensions?.localizedMessage),
      /只有社区服务站或楼宇服务站的办件可以上报街道/,
    );
  });

  test("district KPIs equal the sum of their centres' rows, on random data, against a direct count", async () => {
    const { hallCentres } = await ok(stack, `{ hallCentres { code level parentCode district } }`);
    const centres = hallCentres.filter((c: any) => c.level !== "CITY" && c.level !== "DISTRICT");
    assert.ok(centres.length >= 15, `${centres.length} centres`);
    const rng = new SeededRandom(Date.now() % 100_000);
    for (let n = 0; n < 30; n++) {
      const c = await ok(stack, OPEN, {
        i: {
          idNumber: freshIdNumber(),
          itemCode: rng.pick(["LS004", "MI004", "UE002", "TX001"]),
          window: "0" + rng.int(1, 4),
          centre: rng.pick<{ code: string }>(centres).code,
        },
      });
      if (rng.chance(0.6))
        await ok(stack, `mutation ($i: CompleteCaseInput!) { completeCase(input: $i) { id } }`, {
          i: { caseId: c.openCase.id },
        });
    }
    const day = today();
    const fields = "casesHandled casesOnSite evaluations";
    let cityCases = 0;
    for (const district of ["JIANGGAN", "SHANGCHENG"]) {
      const members = hallCentres.filter((c: any) => c.district === (district === "JIANGGAN" ? "江干区" : "上城区"));
      const whole = await ok(
        stack,
        `{ hallKpis(from: "${day}", to: "${day}", centre: "${district}", includeSubordinate: true) { ${fields} } }`,
      );
      let sum = 0;
      for (const m of members) {
        const own = await ok(stack, `{ hallKpis(from: "${day}", to: "${day}", centre: "${m.code}") { casesHandled } }`);
        sum += own.hallKpis.casesHandled;
      }
      const [direct] = await stack.sql<{ n: number | string }>(
        "service-hall",
        `SELECT COUNT(*) AS n FROM hall_case WHERE completed_on = '${day}' AND centre IN (${members
          .map((m: any) => `'${m.code}'`)
          .join(", ")})`,
      );
      assert.equal(whole.hallKpis.casesHandled, sum, district);
      assert.equal(whole.hallKpis.casesHandled, Number(direct.n), district);
      cityCases += sum;
    }
    const city = await ok(
      stack,
      `{ hallKpis(from: "${day}", to: "${day}", centre: "HANGZHOU", includeSubordinate: true) { casesHandled } }`,
    );
    assert.equal(city.hallKpis.casesHandled, cityCases);
    const ranking = await ok(
      stack,
      `{ centreRanking(level: DISTRICT, from: "${day}", to: "${day}", metric: CASES_HANDLED) { rows { rank value centre { code } } } }`,
    );
    assert.equal(
      ranking.centreRanking.rows.reduce((s: number, r: any) => s + r.value, 0),
      cityCases,
    );
  });

  test("each centre numbers its own tickets: the street centre and a community station both issue F001 today", async () => {
    const take = `mutation ($c: String) { takeQueueTicket(input: { category: TAX, centre: $c }) { id number centre } }`;
    const atStreet = (await ok(stack, take, { c: "KAIXUAN" })).takeQueueTicket;
    const atStation = (await ok(stack, take, { c: "KX_SANLITING" })).takeQueueTicket;
    assert.deepEqual(
      [atStreet.number, atStreet.centre, atStation.number, atStation.centre],
      ["F001", "KAIXUAN", "F001", "KX_SANLITING"],
    );
    // The station's window calls its own line; the station's screen shows it.
    const call = `mutation { callNextTicket(input: { window: "1", categories: [TAX], centre: "KX_SANLITING" }) { id number } }`;
    assert.equal((await ok(stack, call)).callNextTicket.id, atStation.id);
    const board = `query ($c: String) { queueBoard(centre: $c) { categories { category waiting lastCalled } } }`;
    const tax = async (c: string) =>
      (await ok(stack, board, { c })).queueBoard.categories.find((r: { category: string }) => r.category === "TAX");
    assert.deepEqual(await tax("KX_SANLITING"), { category: "TAX", waiting: 0, lastCalled: "F001" });
    assert.deepEqual(await tax("KAIXUAN"), { category: "TAX", waiting: 1, lastCalled: null });
  });

  test("the demo's mediation cases reach labor security's Employer.disputes through the seed's events", async () => {
    const officer = { roles: ["labor_officer" as const], user: "officer-7", purpose: "劳动争议调解" };
    const seeded = await stack.query(
      `{ mediationCases(centre: "WUCHAN") { edges { node { id creditCode status overdue } } } }`,
      {},
      officer,
    );
    assert.equal(seeded.errors, undefined, JSON.stringify(seeded.errors));
    const cases = seeded.data.mediationCases.edges.map((e: any) => e.node);
    assert.deepEqual(cases.map((c: any) => [c.status, c.overdue]).sort(), [
      ["CLOSED", false],
      ["OPEN", true],
    ]);
    const overdue = cases.find((c: any) => c.overdue);
    await eventually(async () => {
      const res = await stack.query(
        `query ($c: ID!) { employer(creditCode: $c) { disputes { edges { node { mediationId status overdue sessions } } } } }`,
        { c: overdue.creditCode },
        officer,
      );
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.deepEqual(
        res.data.employer.disputes.edges.map((e: any) => e.node),
        [{ mediationId: overdue.id, status: "OPEN", overdue: true, sessions: 1 }],
      );
    });
  });
});
