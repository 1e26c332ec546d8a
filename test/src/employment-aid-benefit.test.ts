import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { addDays, today } from "@onewindow/platform";
import { startStack, type Stack } from "./harness/stack";
import { freshCreditCode, freshIdNumber } from "./harness/fixtures";

/*
 * Employment aid through the gateway: unemployment benefit's monthly run paid twice pays once,
 * and relief for retirees in hardship never passes a campaign's budget. The stack runs on the
 * machine's clock: the month paid is the current one.
 */

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}) {
  const res = await stack.query(query, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const REGISTER = `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`;
const RUN = `mutation ($m: String!) { runBenefitPayments(month: $m) { month paid alreadyPaid stopped amount } }`;
const GRANT = `mutation ($i: GrantReliefInput!) { grantRelief(input: $i) { amount ground campaign { name remaining } } }`;

describe("employment aid: unemployment benefit and relief", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("a laid-off worker claims benefit; the payment run paid twice pays once", async () => {
    const idNumber = freshIdNumber("1974-05-01", "MALE");
    const creditCode = freshCreditCode();
    await ok(stack, `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`, {
      i: { creditCode, name: "杭州凯旋机械制造有限公司" },
    });
    await ok(stack, REGISTER, { i: { idNumber, name: "陈志强" } });
    await ok(stack, `mutation ($i: RecordEmploymentInput!) { recordEmployment(input: $i) { id } }`, {
      i: { idNumber, creditCode, startDate: "2019-03-01" },
    });
    await ok(stack, `mutation ($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { id } }`, {
      i: { idNumber, registeredOn: addDays(today(), -20), reason: "劳动合同期满终止" },
    });
    const claim = await ok(
      stack,
      `mutation ($i: ClaimUnemploymentBenefitInput!) { claimUnemploymentBenefit(input: $i) { eligible claimed entitlementMonths monthlyAmount monthsLeft reasons } }`,
      { i: { idNumber } },
    );
    assert.equal(claim.claimUnemploymentBenefit.eligible, true, claim.claimUnemploymentBenefit.reasons.join("\n"));
    assert.equal(claim.claimUnemploymentBenefit.entitlementMonths, 18);
    const month = today().slice(0, 7);
    const first = await ok(stack, RUN, { m: month });
    assert.equal(first.runBenefitPayments.paid, 1);
    const second = await ok(stack, RUN, { m: month });
    assert.deepEqual(
      [second.runBenefitPayments.paid, second.runBenefitPayments.alreadyPaid, second.runBenefitPayments.amount],
      [0, 1, 0],
    );
    const list = await ok(
      stack,
      `query ($m: String!) { benefitPayments(month: $m) { totalCount edges { node { idNumber month amount } } } }`,
      { m: month },
    );
    assert.equal(list.benefitPayments.totalCount, 1);
    assert.deepEqual(list.benefitPayments.edges[0].node, {
      idNumber,
      month,
      amount: claim.claimUnemploymentBenefit.monthlyAmount,
    });
    const rows = await stack.sql<{ n: string | number }>(
      "labor-security",
      `SELECT COUNT(*) AS n FROM unemployment_benefit_payment WHERE id_number = '${idNumber}'`,
    );
    assert.equal(Number(rows[0].n), 1);
    const mine = await stack.query(
      `query ($id: ID!) { citizen(idNumber: $id) { unemploymentBenefit { monthsPaid monthsLeft } } }`,
      { id: idNumber },
      { roles: ["citizen"], idNumber, user: "chen", purpose: "我的失业保险金" },
    );
    assert.deepEqual(mine.data?.citizen.unemploymentBenefit, { monthsPaid: 1, monthsLeft: 17 });
  });

  test("relief beyond a campaign's budget is refused and the budget holds", async () => {
    const retirees = [freshIdNumber("1957-03-03", "MALE"), freshIdNumber("1957-04-04", "MALE")];
    for (const idNumber of retirees) {
      await ok(stack, REGISTER, { i: { idNumber, name: "退休职工" } });
      await ok(stack, `mutation ($i: ApproveRetirementInput!) { approveRetirement(input: $i) { retiredOn } }`, {
        i: { idNumber, retiredOn: "2017-06-01", monthlyPension: 2100 },
      });
    }
    const opened = await ok(
      stack,
      `mutation ($i: OpenReliefCampaignInput!) { openReliefCampaign(input: $i) { id budget remaining } }`,
      { i: { name: "2026年冬送温暖", season: "WINTER", year: 2026, budget: 500, pensionThreshold: 3000 } },
    );
    const campaignId = opened.openReliefCampaign.id;
    const granted = await ok(stack, GRANT, { i: { campaignId, idNumber: retirees[0], amount: 300 } });
    assert.deepEqual(granted.grantRelief, {
      amount: 300,
      ground: "PENSION_BELOW_THRESHOLD",
      campaign: { name: "2026年冬送温暖", remaining: 200 },
    });
    const refused = await stack.query(GRANT, { i: { campaignId, idNumber: retirees[1], amount: 300 } });
    assert.equal(refused.errors?.length, 1, JSON.stringify(refused));
    assert.equal(refused.errors![0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(refused.errors![0].extensions?.reason, "RELIEF_OVER_BUDGET");
    assert.match(String(refused.errors![0].extensions?.localizedMessage), /超出「2026年冬送温暖」预算：剩余 200.00 元/);
    const again = await stack.query(GRANT, { i: { campaignId, idNumber: retirees[0], amount: 100 } });
    assert.equal(again.errors?.[0].extensions?.code, "CONFLICT");
    const day = today();
    const totals = await stack.query(
      `query ($f: Date!, $t: Date!) { reliefTotals(from: $f, to: $t) { grants amount byCampaign { campaign { name budget granted } amount } } }`,
      { f: day, t: day },
      { roles: ["analyst"], user: "analyst-1" },
    );
    assert.equal(totals.errors, undefined, JSON.stringify(totals.errors));
    assert.deepEqual(totals.data?.reliefTotals, {
      grants: 1,
      amount: 300,
      byCampaign: [{ campaign: { name: "2026年冬送温暖", budget: 500, granted: 300 }, amount: 300 }],
    });
  });
});
