import { makeCreditCode, makeIdNumber } from "@onewindow/platform";

// Each test file runs against its own fresh stack; within a file a counter keeps people apart,
// so no test depends on another's data or on the order tests run in.
let next = Math.floor(Math.random() * 1_000_000);

/** A valid ID number no other call in this process returns (for up to 45,000 calls). */
export function freshIdNumber(birthDate = "1980-04-12", gender: "MALE" | "FEMALE" = "FEMALE"): string {
  const n = next++;
  const region = `3301${String(10 + (n % 90)).padStart(2, "0")}`;
  const seq = (Math.floor(n / 90) % 500) * 2 + (gender === "MALE" ? 1 : 0);
  return makeIdNumber(region, birthDate, seq);
}

/** A valid unified social credit code no other call in this process returns. */
export function freshCreditCode(): string {
  return makeCreditCode("330104", (next++ % 90_000_000) + 1);
}
