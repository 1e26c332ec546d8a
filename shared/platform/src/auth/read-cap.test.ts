import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { DEFAULT_PERSON_READ_CAPS, loadPersonReadCaps, PersonReadCap } from "./read-cap";
import type { Caller } from "@onewindow/contracts";

const who = (userId: string, ...roles: Caller["roles"]): Caller => ({
  userId,
  roles,
  hospitalCode: null,
  idNumber: null,
  purpose: "test",
});
const persons = (from: number, n: number) => Array.from({ length: n }, (_, i) => `P${from + i}`);

test("a user reads distinct persons up to their role's cap per clock hour; rereads are free; the hour starts again", () => {
  let now = Date.UTC(2026, 0, 5, 9, 10);
  const cap = new PersonReadCap({ ...DEFAULT_PERSON_READ_CAPS, window_clerk: 5 }, () => now);
  const clerk = who("clerk-1", "window_clerk");
  assert.equal(cap.admit(clerk, persons(0, 3)), null);
  assert.equal(cap.admit(clerk, persons(0, 5)), null, "3 again and 2 new: 5");
  assert.equal(cap.admit(clerk, persons(5, 1)), 5, "the sixth is refused");
  assert.equal(cap.admit(clerk, persons(3, 2)), null, "those counted may be read again");
  // A refused read counts nothing: a smaller page of known persons still passes.
  assert.equal(cap.admit(who("clerk-2", "window_clerk"), persons(0, 5)), null, "each user has their own count");
  now = Date.UTC(2026, 0, 5, 10, 0);
  assert.equal(cap.admit(clerk, persons(5, 5)), null, "a new hour");
  // Several roles: the largest cap.
  assert.equal(cap.admit(who("both", "window_clerk", "labor_officer"), persons(0, 6)), null);
});

test("memory is bounded: past the bound the users counted longest ago are forgotten", () => {
  const cap = new PersonReadCap({ ...DEFAULT_PERSON_READ_CAPS, window_clerk: 3 }, Date.now, 10);
  for (let u = 0; u < 100; u++) cap.admit(who(`clerk-${u}`, "window_clerk"), persons(0, 3));
  assert.ok(cap.trackedUsers <= 4, `${cap.trackedUsers} users tracked`);
  // The most recent user is still counted.
  assert.equal(cap.admit(who("clerk-99", "window_clerk"), persons(3, 1)), 3);
});

test("PERSON_READ_CAPS sets caps by role; anything else stops the process with the variable's name", () => {
  const caps = loadPersonReadCaps({ PERSON_READ_CAPS: "window_clerk=50, labor_officer=9000" });
  assert.deepEqual(
    [caps.window_clerk, caps.labor_officer, caps.tax_officer],
    [50, 9000, DEFAULT_PERSON_READ_CAPS.tax_officer],
  );
  for (const bad of ["window_clerk", "janitor=5", "window_clerk=-1", "window_clerk=1000000"]) {
    assert.throws(() => loadPersonReadCaps({ PERSON_READ_CAPS: bad }), /PERSON_READ_CAPS/, bad);
  }
});
