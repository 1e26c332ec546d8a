import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { ANNUAL_TAX_BRACKETS, computeIncomeTax, reconcileAnnualIncome } from "./income-tax.policy";

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

const none = { pensionIncomeFen: 0, specialDeductionsFen: 0, additionalDeductionsFen: 0, taxWithheldFen: 0 };

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
