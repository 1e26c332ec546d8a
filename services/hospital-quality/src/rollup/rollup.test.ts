import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { addDays, SeededRandom } from "@onewindow/platform";
import { openDepartmentDatabase } from "@onewindow/testing";
import { hospitalQuality } from "../index";
import { PatientEvaluationChannel } from "../evaluation/evaluation.enums";
import { FollowUpOutcome } from "../follow-up/follow-up.enums";
import { RawTotalsReader } from "../metrics/raw-totals.reader";
import { RollupTotalsReader } from "../metrics/rollup-totals.reader";

const DEPARTMENTS = ["内科", "外科", "儿科"];
const OUTCOMES = [FollowUpOutcome.REACHED, FollowUpOutcome.UNREACHABLE, FollowUpOutcome.DECLINED];
const CHANNELS = Object.values(PatientEvaluationChannel);

test("rollups kept by the services equal aggregates over the raw records", async () => {
  const { db, services: s } = await openDepartmentDatabase(hospitalQuality);
  const rng = new SeededRandom(42);
  const day = () => addDays("2023-01-01", rng.int(0, 729));
  const dept = () => DEPARTMENTS[rng.int(0, 2)];
  for (const code of ["A1", "B2"]) await s.hospitals.register({ code, name: code });
  const hospital = () => (rng.next() < 0.7 ? "A1" : "B2");
  for (let i = 0; i < 150; i++) {
    const total = rng.int(100, 50_000);
    await s.outpatient.record({
      hospitalCode: hospital(),
      visitDate: day(),
      department: dept(),
      totalCost: total / 100,
      drugCost: rng.int(0, total) / 100,
    });
  }
  const stays = [];
  for (let i = 0; i < 40; i++) {
    const dischargedOn = day();
    const total = rng.int(100_000, 2_000_000);
    stays.push(
      await s.inpatient.record({
        hospitalCode: hospital(),
        admittedOn: addDays(dischargedOn, -rng.int(0, 20)),
        dischargedOn,
        department: dept(),
        totalCost: total / 100,
        drugCost: rng.int(0, total) / 100,
      }),
    );
  }
  for (let i = 0; i < 70; i++) {
    const stay = stays[rng.int(0, stays.length - 1)];
    const calledOn = addDays(stay.dischargedOn, rng.int(0, 30));
    if (calledOn > "2024-12-31") continue;
    await s.followUps.record({ stayId: String(stay.id), calledOn, outcome: OUTCOMES[rng.int(0, 2)] });
  }
  for (let i = 0; i < 80; i++) {
    await s.evaluations.submit({
      hospitalCode: hospital(),
      evaluatedOn: day(),
      channel: CHANNELS[rng.int(0, 2)],
      satisfied: rng.next() < 0.9,
      department: rng.next() < 0.2 ? null : dept(),
    });
  }
  const rollup = new RollupTotalsReader(db.manager);
  const raw = new RawTotalsReader(db.manager);
  const periods: [string, string, string, string | null][] = [
    ["A1", "2023-01-01", "2024-12-31", null],
    ["A1", "2023-03-01", "2023-03-31", null],
    ["B2", "2024-01-01", "2024-06-30", "外科"],
    ["A1", "2023-07-15", "2024-02-10", "内科"],
    ["B2", "2023-01-01", "2024-12-31", "儿科"],
  ];
  for (const [code, from, to, department] of periods) {
    assert.deepEqual(
      await rollup.totals(code, from, to, department),
      await raw.totals(code, from, to, department),
      `${code} ${from}..${to} ${department}`,
    );
    assert.deepEqual(
      await rollup.monthly(code, from, to, department),
      new Map(
        [...(await raw.monthly(code, from, to, department))].filter(
          ([, t]) => JSON.stringify(t) !== JSON.stringify(emptyLike(t)),
        ),
      ),
    );
  }
});

/** The raw reader reports months without records as zeros; the rollup leaves them out. */
function emptyLike<T>(t: T): T {
  return JSON.parse(JSON.stringify(t), (_k, v) => (typeof v === "number" ? 0 : v));
}
