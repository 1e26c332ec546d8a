import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { DEFAULT_CONTRIBUTION_BASE_FEN, monthlyContributions } from "./contribution.policy";
import { MedicalInsuranceScheme } from "./enrolment.enums";

test("EMPLOYEE: 2% personal and 9.5% employer of the contribution base", () => {
  assert.deepEqual(monthlyContributions(MedicalInsuranceScheme.EMPLOYEE, 800_000), {
    personalFen: 16_000,
    employerFen: 76_000,
  });
});

test("EMPLOYEE without a base uses 6,000 yuan", () => {
  assert.equal(DEFAULT_CONTRIBUTION_BASE_FEN, 600_000);
  assert.deepEqual(monthlyContributions(MedicalInsuranceScheme.EMPLOYEE, null), {
    personalFen: 12_000,
    employerFen: 57_000,
  });
});

test("EMPLOYEE rounds half-up to the fen", () => {
  // 2% of 123.25 yuan = 2.465 -> 2.47; 9.5% of 123.30 yuan = 11.7135 -> 11.71; 9.5% of 1.30 = 0.1235 -> 0.12.
  assert.equal(monthlyContributions(MedicalInsuranceScheme.EMPLOYEE, 12_325).personalFen, 247);
  assert.equal(monthlyContributions(MedicalInsuranceScheme.EMPLOYEE, 12_330).employerFen, 1_171);
  // 9.5% of 10.00 yuan = 0.95 exactly; of 0.10 yuan = 0.0095 -> 0.01 (half-up at the fen).
  assert.equal(monthlyContributions(MedicalInsuranceScheme.EMPLOYEE, 1_000).employerFen, 95);
  assert.equal(monthlyContributions(MedicalInsuranceScheme.EMPLOYEE, 10).employerFen, 1);
});

test("RESIDENT: 880 yuan a year is 73.33 a month, no employer share", () => {
  assert.deepEqual(monthlyContributions(MedicalInsuranceScheme.RESIDENT, null), { personalFen: 7_333, employerFen: 0 });
  // The base is ignored outside the EMPLOYEE scheme.
  assert.deepEqual(monthlyContributions(MedicalInsuranceScheme.RESIDENT, 900_000), {
    personalFen: 7_333,
    employerFen: 0,
  });
});

test("RETIREE and UNEMPLOYED pay nothing personally", () => {
  assert.deepEqual(monthlyContributions(MedicalInsuranceScheme.RETIREE), { personalFen: 0, employerFen: 0 });
  assert.deepEqual(monthlyContributions(MedicalInsuranceScheme.UNEMPLOYED), { personalFen: 0, employerFen: 0 });
});
