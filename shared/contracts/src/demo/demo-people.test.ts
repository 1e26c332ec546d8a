import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { checkCreditCode, checkIdNumber } from "@onewindow/platform";
import { demoEmployer, demoPerson } from "./demo-people";

test("demo residents have valid, unique ID numbers and realistic statuses", () => {
  const seen = new Set<string>();
  const statuses: Record<string, number> = {};
  for (let i = 0; i < 60_000; i++) {
    const p = demoPerson(i, 100, "2026-11-23");
    seen.add(p.idNumber);
    statuses[p.status] = (statuses[p.status] ?? 0) + 1;
    if (i % 997 === 0) {
      const info = checkIdNumber(p.idNumber);
      assert.ok(!("problem" in info), p.idNumber);
      assert.equal((info as { gender: string }).gender, p.gender);
      assert.equal((info as { birthDate: string }).birthDate, p.birthDate);
      assert.ok(p.since <= "2026-11-23", `${p.idNumber} since ${p.since}`);
    }
  }
  assert.equal(seen.size, 60_000);
  assert.ok(statuses.EMPLOYED > statuses.UNEMPLOYED && statuses.UNEMPLOYED > 0 && statuses.RETIRED > 0);
});

test("demo employers have valid, unique credit codes", () => {
  const codes = new Set(Array.from({ length: 5000 }, (_, j) => demoEmployer(j).creditCode));
  assert.equal(codes.size, 5000);
  for (const code of [...codes].slice(0, 200)) assert.ok(!("problem" in checkCreditCode(code)), code);
});
