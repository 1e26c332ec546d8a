import { test } from "@jest/globals";
import assert from "node:assert/strict";
import {
  ANNUAL_TAX_BRACKETS,
  comprehensiveIncomeFen,
  computeIncomeTax,
  reconcileAnnualIncome,
  type ReconciliationExemption,
} from "./income-tax.policy";

const yuan = (fen: number) => fen / 100;
const taxOn = (taxableYuan: number) => yuan(computeIncomeTax(Math.round(taxableYuan * 100)));

// Expected figures are computed by hand: taxable × rate − quick deduction, half up to the fen.
test("tax at every bracket boundary and just past it", () => {
  const cases: [taxable: number, tax: number][] = [
    [0, 0],
    [0.01, 0], // 1 fen × 3% = 0.03 fen → 0
    [100.5, 3.02], // 10,050 fen × 3% = 301.5 fen → 302 (half up)
    [36_000, 1_080], // 36,000 × 3%
    [36_000.01, 1_080], // 3,600,001 × 10% = 360,000.1 → 360,000 − 252,000
    [144_000, 11_880], // 14,400 − 2,520
    [144_000.01, 11_880], // 2,880,000.2 → 2,880,000 − 1,692,000
    [300_000, 43_080], // 60,000 − 16,920
    [300_000.01, 43_080], // 7,500,000.25 → 7,500,000 − 3,192,000
    [420_000, 73_080], // 105,000 − 31,920
    [420_000.01, 73_080], // 12,600,000.3 → 12,600,000 − 5,292,000
    [660_000, 145_080], // 198,000 − 52,920
    [660_000.01, 145_080], // 23,100,000.35 → 23,100,000 − 8,592,000
    [960_000, 250_080], // 336,000 − 85,920
    [960_000.01, 250_080], // 43,200,000.45 → 43,200,000 − 18,192,000
    [1_000_000, 268_080], // 450,000 − 181,920
  ];
  for (const [taxable, tax] of cases) assert.equal(taxOn(taxable), tax, `taxable ${taxable}`);
});

test("the table has seven brackets from 3% to 45%", () => {
  assert.deepEqual(
    ANNUAL_TAX_BRACKETS.map((b) => b.ratePercent),
    [3, 10, 20, 25, 30, 35, 45],
  );
});

test("tax is exact for amounts past 2^53 / 45 fen", () => {
  // 10^15 fen (10^13 yuan): 45% is 4.5 × 10^14 fen exactly, minus the quick deduction.
  assert.equal(computeIncomeTax(1e15), 450_000_000_000_000 - 18_192_000);
});

test("negative or fractional fen are refused", () => {
  assert.throws(() => computeIncomeTax(-1), RangeError);
  assert.throws(() => computeIncomeTax(0.5), RangeError);
});

const none = {
  labourRemunerationFen: 0,
  authorRemunerationFen: 0,
  royaltiesFen: 0,
  pensionIncomeFen: 0,
  specialDeductionsFen: 0,
  additionalDeductionsFen: 0,
  taxWithheldFen: 0,
};

test("wages at or below the 60,000 basic deduction owe nothing", () => {
  for (const wage of [0, 30_000_00, 60_000_00]) {
    const r = reconcileAnnualIncome({ ...none, wageIncomeFen: wage });
    assert.equal(r.taxableIncomeFen, 0);
    assert.equal(r.taxDueFen, 0);
  }
});

test("deductions never push taxable income below zero", () => {
  const r = reconcileAnnualIncome({
    ...none,
    wageIncomeFen: 80_000_00,
    specialDeductionsFen: 15_000_00,
    additionalDeductionsFen: 24_000_00,
  });
  assert.equal(r.taxableIncomeFen, 0);
  assert.equal(r.taxDueFen, 0);
});

test("basic pension is exempt: recorded, not taxed", () => {
  const r = reconcileAnnualIncome({ ...none, wageIncomeFen: 100_000_00, pensionIncomeFen: 50_000_00 });
  assert.equal(r.pensionIncomeFen, 50_000_00);
  assert.equal(r.taxableIncomeFen, 40_000_00); // 100,000 − 60,000
  assert.equal(r.taxDueFen, 1_480_00); // 40,000 × 10% − 2,520
  const pensionOnly = reconcileAnnualIncome({ ...none, wageIncomeFen: 0, pensionIncomeFen: 90_000_00 });
  assert.equal(pensionOnly.taxDueFen, 0);
});

test("special and additional deductions reduce taxable income; balance is due − withheld", () => {
  const r = reconcileAnnualIncome({
    ...none,
    wageIncomeFen: 200_000_00,
    pensionIncomeFen: 0,
    specialDeductionsFen: 24_000_00,
    additionalDeductionsFen: 12_000_00,
    taxWithheldFen: 9_000_00,
  });
  assert.equal(r.taxableIncomeFen, 104_000_00); // 200,000 − 60,000 − 24,000 − 12,000
  assert.equal(r.taxDueFen, 7_880_00); // 10,400 − 2,520
  assert.equal(r.balanceFen, -1_120_00); // refund
});

test("labour remuneration and royalties count at 80 %, author's remuneration at 56 %", () => {
  const income = { wageIncomeFen: 0, labourRemunerationFen: 0, authorRemunerationFen: 0, royaltiesFen: 0 };
  assert.equal(comprehensiveIncomeFen({ ...income, labourRemunerationFen: 50_000_00 }), 40_000_00);
  assert.equal(comprehensiveIncomeFen({ ...income, authorRemunerationFen: 50_000_00 }), 28_000_00); // 50,000 × 80 % × 70 %
  assert.equal(comprehensiveIncomeFen({ ...income, royaltiesFen: 50_000_00 }), 40_000_00);
  assert.equal(comprehensiveIncomeFen({ ...income, labourRemunerationFen: 1 }), 1); // 0.8 fen, half up
  assert.equal(comprehensiveIncomeFen({ ...income, authorRemunerationFen: 1 }), 1); // 0.56 fen
  // 80,000 wages and 50,000 labour remuneration: 80,000 + 40,000 − 60,000 = 60,000 taxable.
  const r = reconcileAnnualIncome({ ...none, wageIncomeFen: 80_000_00, labourRemunerationFen: 50_000_00 });
  assert.equal(r.grossIncomeFen, 130_000_00);
  assert.equal(r.comprehensiveIncomeFen, 120_000_00);
  assert.equal(r.taxableIncomeFen, 60_000_00);
  assert.equal(r.taxDueFen, 3_480_00); // 60,000 × 10 % − 2,520
});

const EXEMPTION: ReconciliationExemption = {
  incomeLimitFen: 120_000_00,
  topUpLimitFen: 400_00,
  source: "财政部 税务总局公告2023年第32号",
};

test("100,000 yuan of wages with 1,000 withheld owe nothing at reconciliation: exempt, not 480 payable", () => {
  const r = reconcileAnnualIncome({ ...none, wageIncomeFen: 100_000_00, taxWithheldFen: 1_000_00 }, EXEMPTION);
  assert.equal(r.taxDueFen, 1_480_00); // 40,000 × 10 % − 2,520: the tax itself is unchanged
  assert.equal(r.exempt, true);
  assert.equal(r.balanceFen, 0);
  assert.match(r.exemptionReason!, /年度综合所得收入100,000.00元不超过120,000.00元，免于补税480.00元/);
  assert.match(r.exemptionReason!, /2023年第32号/);
  // Without a notice for the year, the 480 are payable.
  assert.equal(
    reconcileAnnualIncome({ ...none, wageIncomeFen: 100_000_00, taxWithheldFen: 1_000_00 }).balanceFen,
    480_00,
  );
});

test("a top-up of at most 400 yuan is waived whatever the income; 400.01 is payable above 120,000", () => {
  // 150,000 wages: 90,000 taxable, 6,480 due.
  const at400 = reconcileAnnualIncome({ ...none, wageIncomeFen: 150_000_00, taxWithheldFen: 6_080_00 }, EXEMPTION);
  assert.equal(at400.exempt, true);
  assert.equal(at400.balanceFen, 0);
  assert.match(at400.exemptionReason!, /补税金额400.00元不超过400.00元/);
  const above = reconcileAnnualIncome({ ...none, wageIncomeFen: 150_000_00, taxWithheldFen: 6_079_99 }, EXEMPTION);
  assert.equal(above.exempt, false);
  assert.equal(above.exemptionReason, null);
  assert.equal(above.balanceFen, 400_01);
});

test("the income limit counts gross income: 100,000 of labour remuneration is 80,000 of income but 100,000 of 收入", () => {
  const atLimit = reconcileAnnualIncome(
    { ...none, wageIncomeFen: 60_000_00, labourRemunerationFen: 60_000_00 },
    EXEMPTION,
  );
  assert.equal(atLimit.grossIncomeFen, 120_000_00);
  assert.equal(atLimit.exempt, true); // 120,000 is "not above" the limit
  const above = reconcileAnnualIncome(
    { ...none, wageIncomeFen: 60_000_00, labourRemunerationFen: 60_000_01 },
    EXEMPTION,
  );
  assert.equal(above.exempt, false);
  assert.equal(above.balanceFen, above.taxDueFen);
});

test("a refund is paid even when the income is under the exemption limit", () => {
  const r = reconcileAnnualIncome({ ...none, wageIncomeFen: 100_000_00, taxWithheldFen: 2_000_00 }, EXEMPTION);
  assert.equal(r.exempt, false);
  assert.equal(r.balanceFen, -520_00);
});
