import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { demoPerson } from "@onewindow/infra";
import { parseIdNumber, today } from "@onewindow/platform";
import { startStack, type Stack } from "./harness/stack";
import { freshIdNumber } from "./harness/fixtures";

const TAX = { roles: ["tax_officer" as const], user: "tax-officer-1", purpose: "annual reconciliation" };
const CLERK = { roles: ["window_clerk" as const], user: "clerk-1", purpose: "walk-in enquiry" };
const ANALYST = { roles: ["analyst" as const], user: "analyst-1" };

const FILE = `mutation ($i: FileTaxReturnInput!) { fileTaxReturn(input: $i) {
  year comprehensiveIncome taxableIncome taxDue balance exempt exemptionReason late filingDeadline
  additionalDeductionItems { category amount cap months basis } } }`;

const METRICS = `query ($from: Date!, $to: Date!, $c: PeriodComparison) { hospital(code: "JD001") {
  qualityMetrics(from: $from, to: $to, compareWith: $c) { from to comparison evaluations satisfactionRate
    satisfactionByChannel { channel evaluations }
    previousPeriod { from to outpatientDrugCostPerVisit } change { outpatientDrugCostPerVisit } } } }`;

/** Today and the last year that can be reconciled, by the calendar the stack runs on. */
const day = today();
const lastYear = Number(day.slice(0, 4)) - 1;

describe("income tax and hospital metrics rules through the gateway", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: { citizens: 20, employers: 3, jobPostings: 3, extraVisits: 0 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("100,000 yuan of wages with 1,000 withheld owe nothing at reconciliation: exempt, balance 0, with the reason", async () => {
    const idNumber = freshIdNumber("1985-03-03", "MALE");
    // Labor security owns the citizen the tax summary hangs on (the operator may register).
    const registered = await stack.query(
      `mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { idNumber } }`,
      { input: { idNumber, name: "陈建华" } },
    );
    assert.equal(registered.errors, undefined, JSON.stringify(registered.errors));
    const res = await stack.query(
      FILE,
      { i: { idNumber, year: lastYear, wageIncome: 100000, taxWithheld: 1000 } },
      TAX,
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const r = res.data.fileTaxReturn;
    assert.equal(r.taxDue, 1480);
    assert.equal(r.exempt, true);
    assert.equal(r.balance, 0);
    assert.match(r.exemptionReason, /免于补税480.00元/);
    assert.equal(r.filingDeadline, `${lastYear + 1}-06-30`);
    // Filed after 30 June of the following year it is late; before, it is not.
    assert.equal(r.late, day > `${lastYear + 1}-06-30`);
    const summary = await stack.query(
      `query ($id: ID!, $y: Int!) { citizen(idNumber: $id) { taxSummary(year: $y) { taxDue balance exempt exemptionReason } } }`,
      { id: idNumber, y: lastYear },
      CLERK,
    );
    assert.equal(summary.errors, undefined, JSON.stringify(summary.errors));
    assert.equal(summary.data.citizen.taxSummary.balance, 0);
    assert.equal(summary.data.citizen.taxSummary.exempt, true);
  });

  test("labour remuneration counts at 80 % and a claim within its cap is itemised with it", async () => {
    const res = await stack.query(
      FILE,
      {
        i: {
          idNumber: freshIdNumber("1979-07-07", "FEMALE"),
          year: lastYear,
          wageIncome: 120000,
          labourRemuneration: 50000,
          additionalDeductionClaims: [{ category: "HOUSING_RENT", amount: 18000, cityTier: "TIER_1" }],
          taxWithheld: 3000,
        },
      },
      TAX,
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const r = res.data.fileTaxReturn;
    assert.equal(r.comprehensiveIncome, 160000); // 120,000 + 80 % of 50,000
    assert.equal(r.taxableIncome, 82000); // − 60,000 − 18,000
    assert.equal(r.taxDue, 5680); // 82,000 × 10 % − 2,520
    assert.equal(r.exempt, false); // 170,000 of income and 2,680 to top up
    assert.equal(r.balance, 2680);
    assert.deepEqual(
      r.additionalDeductionItems.map((l: any) => [l.category, l.amount, l.cap, l.months]),
      [["HOUSING_RENT", 18000, 18000, 12]],
    );
  });

  test("a claim above its cap, a return for the current year and the old untyped total are refused and write nothing", async () => {
    const idNumber = freshIdNumber("1990-01-01", "FEMALE");
    const base = { idNumber, wageIncome: 200000, taxWithheld: 10000 };
    const over = await stack.query(
      FILE,
      { i: { ...base, year: lastYear, additionalDeductionClaims: [{ category: "CHILD_EDUCATION", amount: 30000 }] } },
      TAX,
    );
    assert.equal(over.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(over.errors?.[0].extensions?.field, "additionalDeductionClaims[0].amount");
    // The Chinese the clerk reads (the gateway's default language); the English is the message.
    assert.match(String(over.errors![0].extensions?.localizedMessage), /子女教育申报30,000.00元，超过上限24,000.00元/);
    assert.match(over.errors![0].message, /child education claims 30,000.00 yuan, above its cap of 24,000.00 yuan/);
    const current = await stack.query(FILE, { i: { ...base, year: lastYear + 1 } }, TAX);
    assert.equal(current.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(current.errors?.[0].extensions?.reason, "TAX_YEAR_NOT_ENDED");
    const total = await stack.query(FILE, { i: { ...base, year: lastYear, additionalDeductions: 50000 } }, TAX);
    assert.equal(total.errors?.[0].extensions?.field, "additionalDeductions");
    const rows = await stack.sql<{ n: string | number }>(
      "tax",
      `SELECT COUNT(*) AS n FROM tax_return WHERE id_number = '${idNumber}'`,
    );
    assert.equal(Number(rows[0].n), 0);
  });

  test("the limits are read from the table with their sources; only a tax officer may set one", async () => {
    const read = await stack.query(`{ taxLimits(year: 2025) { item amount unit source } }`, {}, CLERK);
    assert.equal(read.errors, undefined, JSON.stringify(read.errors));
    const byItem = new Map(read.data.taxLimits.map((l: any) => [l.item, l]));
    assert.deepEqual(byItem.get("ELDERLY_SUPPORT"), {
      item: "ELDERLY_SUPPORT",
      amount: 3000,
      unit: "YUAN_PER_MONTH",
      source: "国发〔2023〕13号",
    });
    assert.equal((byItem.get("RECONCILIATION_EXEMPT_TOP_UP") as any).source, "财政部 税务总局公告2023年第32号");
    const SET = `mutation ($i: SetTaxLimitInput!) { setTaxLimit(input: $i) { item fromYear amount } }`;
    const i = { item: "PERSONAL_PENSION", fromYear: 2030, amount: 15000, source: "test notice" };
    const clerk = await stack.query(SET, { i }, CLERK);
    assert.equal(clerk.errors?.[0].extensions?.code, "FORBIDDEN");
    const officer = await stack.query(SET, { i }, TAX);
    assert.equal(officer.errors, undefined, JSON.stringify(officer.errors));
    assert.deepEqual(officer.data.setTaxLimit, { item: "PERSONAL_PENSION", fromYear: 2030, amount: 15000 });
  });

  test("2010 is compared with the calendar year 2009, 环比 and 同比 alike, and says so", async () => {
    for (const c of ["PREVIOUS_PERIOD", "SAME_PERIOD_LAST_YEAR"]) {
      const res = await stack.query(METRICS, { from: "2010-01-01", to: "2010-12-31", c }, ANALYST);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const m = res.data.hospital.qualityMetrics;
      assert.equal(m.comparison, "PREVIOUS_YEAR");
      assert.deepEqual([m.previousPeriod.from, m.previousPeriod.to], ["2009-01-01", "2009-12-31"]);
      assert.equal(m.previousPeriod.outpatientDrugCostPerVisit, 106.52);
      assert.equal(m.change.outpatientDrugCostPerVisit, -10.43);
    }
  });

  test("March is compared with the whole of February (环比) or March a year earlier (同比); another range with the days before", async () => {
    const march = await stack.query(METRICS, { from: "2010-03-01", to: "2010-03-31" }, ANALYST);
    assert.equal(march.errors, undefined, JSON.stringify(march.errors));
    assert.equal(march.data.hospital.qualityMetrics.comparison, "PREVIOUS_MONTH");
    assert.deepEqual(
      [march.data.hospital.qualityMetrics.previousPeriod.from, march.data.hospital.qualityMetrics.previousPeriod.to],
      ["2010-02-01", "2010-02-28"],
    );
    const yoy = await stack.query(
      METRICS,
      { from: "2010-03-01", to: "2010-03-31", c: "SAME_PERIOD_LAST_YEAR" },
      ANALYST,
    );
    assert.equal(yoy.data.hospital.qualityMetrics.comparison, "SAME_MONTH_LAST_YEAR");
    assert.equal(yoy.data.hospital.qualityMetrics.previousPeriod.from, "2009-03-01");
    const days = await stack.query(METRICS, { from: "2010-03-10", to: "2010-03-19" }, ANALYST);
    assert.equal(days.data.hospital.qualityMetrics.comparison, "PREVIOUS_DAYS");
    assert.deepEqual(
      [days.data.hospital.qualityMetrics.previousPeriod.from, days.data.hospital.qualityMetrics.previousPeriod.to],
      ["2010-02-28", "2010-03-09"],
    );
  });

  test("the demo hospital's overall satisfaction in 2009 and 2010 is the seed text's ≥ 97 %, from the two channels it measured", async () => {
    for (const [from, to, evaluations, satisfied] of [
      ["2009-01-01", "2009-12-31", 7700, 7501],
      ["2010-01-01", "2010-12-31", 9100, 8911],
    ] as const) {
      const res = await stack.query(METRICS, { from, to }, ANALYST);
      const m = res.data.hospital.qualityMetrics;
      assert.equal(m.evaluations, evaluations);
      assert.equal(m.satisfactionRate, satisfied / evaluations);
      assert.ok(m.satisfactionRate >= 0.97, `${from}: ${m.satisfactionRate}`);
      assert.equal(m.satisfactionByChannel.find((c: any) => c.channel === "PHONE").evaluations, 0);
    }
  });

  test("the explorer's saved examples use valid ID numbers of demo residents", () => {
    const source = fs.readFileSync(path.join(__dirname, "..", "..", "dashboard", "src", "operations.ts"), "utf8");
    const ids = [...source.matchAll(/(?:idNumber:|DEMO_\w+ =) "([0-9X]{18})"/g)].map((m) => m[1]);
    assert.ok(ids.length >= 1, "the clerk example names a citizen");
    for (const id of ids) {
      assert.doesNotThrow(() => parseIdNumber(id), id);
      // One of the demo residents that npm start (5,000 of them) seeds.
      assert.ok(
        Array.from({ length: 1000 }, (_, i) => demoPerson(i, 300, day).idNumber).includes(id),
        `${id} is not a demo resident`,
      );
    }
  });
});
