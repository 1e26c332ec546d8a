import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { makeIdNumber, today } from "@onewindow/platform";
import { TaxEvents } from "@onewindow/contracts";
import { AdditionalDeductionCategory as C, ContinuingEducationKind, RentCityTier } from "./tax-return.enums";
import { TaxLimitItem } from "../limits/tax-limit.enums";
import { openDepartmentDatabase, rejectsWith, rowCounts, type Rejection } from "@onewindow/testing";
import { tax } from "../index";
import { TABLES } from "../tax.fixture";

/** 2026-04-15 10:00 in Beijing: the reconciliation of 2025 is open. */
const APRIL_2026 = { clock: () => new Date("2026-04-15T02:00:00Z") };

/** The refusal's Chinese, which the clerk reads (`message` is the English, for API clients). */
const chinese = (refusal: Rejection): string => String(refusal.extensions.localizedMessage);

const alice = makeIdNumber("330182", "1975-03-14", 122);
const bob = makeIdNumber("330182", "1962-11-02", 131);

test("a first return is reconciled, stored in fen and announced in the outbox", async () => {
  const { db, services: s } = await openDepartmentDatabase(tax);
  const r = await s.taxReturns.file({
    idNumber: alice,
    year: 2023,
    wageIncome: 150_000,
    specialDeductions: 20_000,
    additionalDeductionClaims: [{ category: C.CHILD_EDUCATION, amount: 24_000 }], // 2,000 × 12 months
    taxWithheld: 4_000,
  });
  assert.equal(r.taxableIncome, 46_000); // 150,000 − 60,000 − 20,000 − 24,000
  assert.equal(r.taxDue, 2_080); // 46,000 × 10% − 2,520
  assert.equal(r.balance, -1_920); // refund
  assert.equal(r.amendment, false);
  assert.equal(r.current, true);
  assert.equal(r.exempt, false); // a refund is never "exempt"
  assert.deepEqual(
    r.additionalDeductionItems.map((l) => [l.category, l.amount, l.cap, l.months]),
    [["CHILD_EDUCATION", 24_000, 24_000, 12]],
  );
  const [raw] = await db.query("SELECT tax_due_fen, pension_income_fen FROM tax_return");
  assert.equal(Number(raw.tax_due_fen), 208_000);
  assert.equal(Number(raw.pension_income_fen), 0); // optional amounts default to 0
  const [event] = await db.query("SELECT type, subject, source, data FROM outbox_event");
  assert.equal(event.type, TaxEvents.returnFiled);
  assert.equal(event.subject, alice);
  assert.equal(event.source, "tax");
  assert.equal(JSON.parse(event.data).balance, -1_920);
});

test("an amendment supersedes the first return, both are kept, and the summary uses the latest", async () => {
  const { db, services: s } = await openDepartmentDatabase(tax);
  const first = await s.taxReturns.file({ idNumber: alice, year: 2023, wageIncome: 100_000, taxWithheld: 500 });
  const second = await s.taxReturns.file({ idNumber: alice, year: 2023, wageIncome: 120_000, taxWithheld: 500 });
  assert.equal(second.amendment, true);
  assert.equal(second.supersedesId, first.id);

  const [history] = await s.taxReturns.histories([alice]);
  assert.deepEqual(
    history.map((r) => r.id),
    [second.id, first.id],
  ); // newest first
  assert.equal(history[1].current, false);
  assert.ok(history[1].supersededAt);
  assert.equal(history[1].wageIncome, 100_000); // the superseded figures are unchanged
  assert.equal(history[0].current, true);

  const [summary] = await s.taxReturns.summaries([alice], 2023);
  assert.ok(summary);
  assert.equal(summary.wageIncome, 120_000);
  assert.equal(summary.taxableIncome, 60_000);
  assert.equal(summary.taxDue, 3_480); // 60,000 × 10% − 2,520
  // 2,980 to top up, but an income of at most 120,000 yuan owes no top-up (公告2021年第42号 for 2023).
  assert.equal(summary.exempt, true);
  assert.equal(summary.balance, 0);
  assert.match(
    summary.exemptionReason!,
    /120,000.00元不超过120,000.00元，免于补税2,980.00元（财政部 税务总局公告2021年第42号）/,
  );
  assert.equal(summary.amended, true);
  assert.equal(summary.returnId, second.id);

  const events = await db.query("SELECT data FROM outbox_event ORDER BY sequence");
  assert.deepEqual(
    events.map((e: { data: string }) => JSON.parse(e.data).amendment),
    [false, true],
  );
});

test("summaries come in key order, null for a person or year without a return", async () => {
  const { services: s } = await openDepartmentDatabase(tax);
  await s.taxReturns.file({ idNumber: bob, year: 2022, wageIncome: 50_000, pensionIncome: 36_000, taxWithheld: 0 });
  await s.taxReturns.file({ idNumber: alice, year: 2023, wageIncome: 70_000, taxWithheld: 0 });
  const summaries = await s.taxReturns.summaries([alice, bob], 2022);
  assert.equal(summaries[0], null);
  assert.equal(summaries[1]?.pensionIncome, 36_000);
  assert.equal(summaries[1]?.taxDue, 0);
  assert.equal(summaries[1]?.balance, 0);
  const [aliceSummary] = await s.taxReturns.summaries([alice], 2023);
  assert.equal(aliceSummary?.taxDue, 300); // 10,000 × 3%, nothing withheld
  assert.equal(aliceSummary?.balance, 0); // exempt: income under 120,000
  assert.equal(aliceSummary?.exempt, true);
});

test("a return for the current year is refused with its reason: the reconciliation settles a finished year", async () => {
  const { db, services: s } = await openDepartmentDatabase(tax, APRIL_2026);
  for (const year of [2026, 2027]) {
    const refusal = await rejectsWith(
      s.taxReturns.file({ idNumber: alice, year, wageIncome: 1, taxWithheld: 0 }),
      "BAD_USER_INPUT",
      { field: "year", reason: "TAX_YEAR_NOT_ENDED" },
    );
    // Chinese for the clerk, English for API clients, from the same catalogue entry.
    assert.equal(chinese(refusal), `${year}年度尚未结束，该年度的汇算在${year + 1}年3月1日至6月30日办理`);
    assert.equal(
      refusal.message,
      `year: the tax year ${year} has not ended; it is reconciled from 1 March to 30 June ${year + 1}`,
    );
  }
  assert.deepEqual(await rowCounts(db, TABLES), {
    tax_return: 0,
    withholding_return: 0,
    pension_income: 0,
    outbox_event: 0,
  });
  const last = await s.taxReturns.file({ idNumber: alice, year: 2025, wageIncome: 1, taxWithheld: 0 });
  const other = await s.taxReturns.file({ idNumber: bob, year: 2025, wageIncome: 1, taxWithheld: 0 });
  assert.equal(other.amendment, false); // people's returns do not interfere
  assert.equal(last.late, false);
  assert.equal(last.filedAt, "2026-04-15T02:00:00.000Z"); // by the service's clock
  assert.equal(last.filingDeadline, "2026-06-30");
});

test("a return filed after 30 June of the following year is late; on 30 June it is not", async () => {
  const onTime = await openDepartmentDatabase(tax, { clock: () => new Date("2026-06-30T15:59:00Z") }); // 23:59 in Beijing
  const late = await openDepartmentDatabase(tax, { clock: () => new Date("2026-06-30T16:00:00Z") }); // 1 July, 00:00
  const first = await onTime.services.taxReturns.file({
    idNumber: alice,
    year: 2025,
    wageIncome: 50_000,
    taxWithheld: 0,
  });
  assert.equal(first.late, false);
  const second = await late.services.taxReturns.file({
    idNumber: alice,
    year: 2025,
    wageIncome: 50_000,
    taxWithheld: 0,
  });
  assert.equal(second.late, true);
  const older = await late.services.taxReturns.file({ idNumber: bob, year: 2020, wageIncome: 50_000, taxWithheld: 0 });
  assert.equal(older.late, true);
  const [summary] = await late.services.taxReturns.summaries([alice], 2025);
  assert.equal(summary?.late, true);
  const [event] = await late.db.query("SELECT data FROM outbox_event ORDER BY sequence");
  assert.equal(JSON.parse(event.data).late, true);
});

test("100,000 yuan of wages with 1,000 withheld: 480 to top up, exempt, nothing to pay", async () => {
  const { services: s } = await openDepartmentDatabase(tax, APRIL_2026);
  const r = await s.taxReturns.file({ idNumber: alice, year: 2025, wageIncome: 100_000, taxWithheld: 1_000 });
  assert.equal(r.taxDue, 1_480);
  assert.equal(r.exempt, true);
  assert.equal(r.balance, 0);
  assert.match(r.exemptionReason!, /免于补税480.00元（财政部 税务总局公告2023年第32号）/);
});

test("labour remuneration counts at 80 %, author's remuneration at 56 %, royalties at 80 %", async () => {
  const { services: s } = await openDepartmentDatabase(tax, APRIL_2026);
  const r = await s.taxReturns.file({
    idNumber: alice,
    year: 2025,
    wageIncome: 100_000,
    labourRemuneration: 50_000, // 40,000
    authorRemuneration: 10_000, // 5,600
    royalties: 5_000, // 4,000
    taxWithheld: 10_000,
  });
  assert.equal(r.comprehensiveIncome, 149_600);
  assert.equal(r.taxableIncome, 89_600); // − 60,000
  assert.equal(r.taxDue, 6_440); // 89,600 × 10 % − 2,520
  assert.equal(r.balance, -3_560); // a refund
  assert.equal(r.labourRemuneration, 50_000);
  // 165,000 of 收入 is above the exemption's 120,000: a top-up above 400 would be payable.
  const topUp = await s.taxReturns.file({
    idNumber: bob,
    year: 2025,
    wageIncome: 100_000,
    labourRemuneration: 50_000,
    authorRemuneration: 10_000,
    royalties: 5_000,
    taxWithheld: 1_000,
  });
  assert.equal(topUp.exempt, false);
  assert.equal(topUp.balance, 5_440);
});

test("a claim above its cap is refused with the cap and its source, and nothing is written", async () => {
  const { db, services: s } = await openDepartmentDatabase(tax, APRIL_2026);
  const base = { idNumber: alice, year: 2025, wageIncome: 200_000, taxWithheld: 20_000 };
  const refused: [object, string, RegExp][] = [
    [
      { category: C.CHILD_EDUCATION, amount: 30_000 },
      "additionalDeductionClaims[0].amount",
      /子女教育申报30,000.00元，超过上限24,000.00元：每个子女每月2,000.00元 × 1名 × 12个月（国发〔2023〕13号）/,
    ],
    [
      { category: C.ELDERLY_SUPPORT, amount: 18_001, onlyChild: false },
      "additionalDeductionClaims[0].amount",
      /上限18,000.00元/,
    ],
    [{ category: C.ELDERLY_SUPPORT, amount: 18_000 }, "additionalDeductionClaims[0].onlyChild", /是否独生子女/],
    [
      { category: C.HOUSING_RENT, amount: 13_201, cityTier: RentCityTier.TIER_2 },
      "additionalDeductionClaims[0].amount",
      /13,200.00/,
    ],
    [{ category: C.HOUSING_LOAN_INTEREST, amount: 12_000.01 }, "additionalDeductionClaims[0].amount", /12,000.00/],
    [{ category: C.PERSONAL_PENSION, amount: 12_001 }, "additionalDeductionClaims[0].amount", /个人养老金/],
    [
      { category: C.SERIOUS_ILLNESS, amount: 10_000, outOfPocket: 24_999 },
      "additionalDeductionClaims[0].amount",
      /上限9,999.00元/,
    ],
    [{ category: C.INFANT_CARE, amount: 4_001, months: 2 }, "additionalDeductionClaims[0].amount", /4,000.00/],
    [
      { category: C.CONTINUING_EDUCATION, amount: 3_601, educationKind: ContinuingEducationKind.CERTIFICATE },
      "additionalDeductionClaims[0].amount",
      /3,600.00/,
    ],
    [
      // Started in March 2022: the 48 months end in February 2026, so 2025 has all 12.
      {
        category: C.CONTINUING_EDUCATION,
        amount: 4_801,
        educationKind: ContinuingEducationKind.DEGREE,
        degreeStartMonth: "2022-03",
      },
      "additionalDeductionClaims[0].amount",
      /4,800.00/,
    ],
    [
      // Started in March 2021: the 48 months end in February 2025, so only 2 months of 2025.
      {
        category: C.CONTINUING_EDUCATION,
        amount: 800,
        months: 3,
        educationKind: ContinuingEducationKind.DEGREE,
        degreeStartMonth: "2021-03",
      },
      "additionalDeductionClaims[0].months",
      /只有2个月/,
    ],
    [{ category: C.CHILD_EDUCATION, amount: 1_000, months: 13 }, "additionalDeductionClaims[0].months", /1 到 12/],
  ];
  for (const [claim, field, message] of refused) {
    const refusal = await rejectsWith(
      s.taxReturns.file({ ...base, additionalDeductionClaims: [claim as never] }),
      "BAD_USER_INPUT",
      { field, about: JSON.stringify(claim) },
    );
    assert.match(chinese(refusal), message, JSON.stringify(claim));
  }
  // Loan interest and rent for the same months; two lines of elderly support.
  const sameMonths = await rejectsWith(
    s.taxReturns.file({
      ...base,
      additionalDeductionClaims: [
        { category: C.HOUSING_LOAN_INTEREST, amount: 6_000, months: 6 },
        { category: C.HOUSING_RENT, amount: 10_500, months: 7, cityTier: RentCityTier.TIER_1 },
      ],
    }),
    "BAD_USER_INPUT",
    { message: /cannot be deducted for the same months/ },
  );
  assert.match(
    chinese(sameMonths),
    /住房贷款利息（6个月）和住房租金（7个月）不能在同一月份同时扣除（国发〔2018〕41号）/,
  );
  await rejectsWith(
    s.taxReturns.file({
      ...base,
      additionalDeductionClaims: [
        { category: C.ELDERLY_SUPPORT, amount: 1_000, onlyChild: true },
        { category: C.ELDERLY_SUPPORT, amount: 1_000, onlyChild: true },
      ],
    }),
    "BAD_USER_INPUT",
    { field: "additionalDeductionClaims[1].category" },
  );
  // The old untyped total can no longer bypass the caps.
  await rejectsWith(s.taxReturns.file({ ...base, additionalDeductions: 999_999 }), "BAD_USER_INPUT", {
    field: "additionalDeductions",
  });
  assert.deepEqual(await rowCounts(db, TABLES), {
    tax_return: 0,
    withholding_return: 0,
    pension_income: 0,
    outbox_event: 0,
  });
});

test("claims at their caps are accepted and itemised; the caps are those of the return's year", async () => {
  const { services: s } = await openDepartmentDatabase(tax, APRIL_2026);
  const r = await s.taxReturns.file({
    idNumber: alice,
    year: 2025,
    wageIncome: 300_000,
    additionalDeductionClaims: [
      { category: C.CHILD_EDUCATION, amount: 24_000 },
      { category: C.CHILD_EDUCATION, amount: 8_000, months: 4 }, // a second child from September
      { category: C.INFANT_CARE, amount: 24_000 },
      { category: C.ELDERLY_SUPPORT, amount: 18_000, onlyChild: false },
      { category: C.HOUSING_LOAN_INTEREST, amount: 6_000, months: 6 },
      { category: C.HOUSING_RENT, amount: 9_000, months: 6, cityTier: RentCityTier.TIER_1 },
      { category: C.SERIOUS_ILLNESS, amount: 80_000, outOfPocket: 120_000 },
      { category: C.PERSONAL_PENSION, amount: 12_000 },
      { category: C.CONTINUING_EDUCATION, amount: 3_600, educationKind: ContinuingEducationKind.CERTIFICATE },
    ],
    taxWithheld: 0,
  });
  assert.equal(r.additionalDeductions, 184_600);
  assert.equal(r.additionalDeductionItems.length, 9);
  assert.equal(r.taxableIncome, 55_400); // 300,000 − 60,000 − 184,600
  const rent = r.additionalDeductionItems.find((l) => l.category === C.HOUSING_RENT)!;
  assert.match(rent.basis, /^直辖市、省会（首府）城市、计划单列市等每月1,500.00元 × 6个月（国发〔2018〕41号）$/);
  // In 2022 child education was 1,000 a month (国发〔2018〕41号): 24,000 is above that year's cap.
  const in2022 = await rejectsWith(
    s.taxReturns.file({
      idNumber: bob,
      year: 2022,
      wageIncome: 300_000,
      additionalDeductionClaims: [{ category: C.CHILD_EDUCATION, amount: 24_000 }],
      taxWithheld: 0,
    }),
    "BAD_USER_INPUT",
    { message: /child education claims 24,000.00 yuan, above its cap of 12,000.00 yuan/ },
  );
  assert.match(chinese(in2022), /上限12,000.00元：每个子女每月1,000.00元 × 1名 × 12个月（国发〔2018〕41号）/);
  // Infant care began in 2022; the personal pension in 2022.
  for (const category of [C.INFANT_CARE, C.PERSONAL_PENSION]) {
    const refusal = await rejectsWith(
      s.taxReturns.file({
        idNumber: bob,
        year: 2021,
        wageIncome: 1,
        additionalDeductionClaims: [{ category, amount: 1 }],
        taxWithheld: 0,
      }),
      "BAD_USER_INPUT",
      { message: /no such deduction in 2021/ },
    );
    assert.match(chinese(refusal), /2021年度没有这项扣除/);
  }
});

test("a limit set by a new notice applies from its year on; earlier years keep theirs", async () => {
  const { services: s } = await openDepartmentDatabase(tax, APRIL_2026);
  const officer = {
    userId: "tax-officer-1",
    roles: ["tax_officer" as const],
    hospitalCode: null,
    idNumber: null,
    purpose: null,
  };
  const set = await s.taxLimits.set(officer, {
    item: TaxLimitItem.CHILD_EDUCATION,
    fromYear: 2025,
    amount: 2_500,
    source: "国发〔2099〕1号 (test)",
  });
  assert.equal(set.amount, 2_500);
  assert.equal(set.updatedBy, "tax-officer-1");
  const r = await s.taxReturns.file({
    idNumber: alice,
    year: 2025,
    wageIncome: 200_000,
    additionalDeductionClaims: [{ category: C.CHILD_EDUCATION, amount: 30_000 }],
    taxWithheld: 0,
  });
  assert.equal(r.additionalDeductionItems[0].cap, 30_000);
  assert.match(r.additionalDeductionItems[0].basis, /国发〔2099〕1号/);
  const in2024 = (await s.taxLimits.inForce(2024)).find((l) => l.item === TaxLimitItem.CHILD_EDUCATION)!;
  assert.equal(in2024.amount, 2_000);
  // Bad limits are refused.
  for (const [input, field] of [
    [{ item: TaxLimitItem.CHILD_EDUCATION, fromYear: 2018, amount: 1, source: "x" }, "fromYear"],
    [{ item: TaxLimitItem.CHILD_EDUCATION, fromYear: 2025, toYear: 2024, amount: 1, source: "x" }, "toYear"],
    [{ item: TaxLimitItem.CHILD_EDUCATION, fromYear: 2025, amount: -1, source: "x" }, "amount"],
    [{ item: TaxLimitItem.CONTINUING_EDUCATION_DEGREE_MONTHS, fromYear: 2025, amount: 1.5, source: "x" }, "amount"],
    [{ item: TaxLimitItem.CHILD_EDUCATION, fromYear: 2025, amount: 1, source: " " }, "source"],
    [{ item: "NOPE", fromYear: 2025, amount: 1, source: "x" }, "item"],
  ] as const) {
    await rejectsWith(s.taxLimits.set(officer, input as never), "BAD_USER_INPUT", { field });
  }
});

test("bad input is BAD_USER_INPUT naming the field, and writes nothing", async () => {
  const { db, services: s } = await openDepartmentDatabase(tax);
  const ok = { idNumber: alice, year: 2023, wageIncome: 100_000, taxWithheld: 1_000 };
  const thisYear = Number(today().slice(0, 4));
  const bad: [Record<string, unknown>, string][] = [
    [{ idNumber: "330182197503141230" }, "idNumber"], // wrong check digit
    [{ idNumber: "12345" }, "idNumber"],
    [{ year: 2018 }, "year"],
    [{ year: thisYear }, "year"],
    [{ year: thisYear + 1 }, "year"],
    [{ labourRemuneration: -1 }, "labourRemuneration"],
    [{ authorRemuneration: 0.001 }, "authorRemuneration"],
    [{ royalties: Number.POSITIVE_INFINITY }, "royalties"],
    [{ wageIncome: -1 }, "wageIncome"],
    [{ wageIncome: 100.001 }, "wageIncome"],
    [{ pensionIncome: -0.01 }, "pensionIncome"],
    [{ specialDeductions: -5 }, "specialDeductions"],
    [{ additionalDeductions: 1.234 }, "additionalDeductions"],
    [{ taxWithheld: -100 }, "taxWithheld"],
    [{ taxWithheld: Number.NaN }, "taxWithheld"],
  ];
  for (const [change, field] of bad) {
    await rejectsWith(s.taxReturns.file({ ...ok, ...change } as never), "BAD_USER_INPUT", {
      field,
      about: JSON.stringify(change),
    });
  }
  assert.deepEqual(await rowCounts(db, TABLES), {
    tax_return: 0,
    withholding_return: 0,
    pension_income: 0,
    outbox_event: 0,
  });
});
