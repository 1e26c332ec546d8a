import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { SeededRandom } from "@onewindow/platform";
import { CATALOGUE } from "../catalogue/catalogue.data";
import { HALL_DEPARTMENTS } from "../catalogue/catalogue.enums";
import { CentreLevel } from "../centre/centre.enums";
import { HallEvaluationChannel, HallRating } from "../evaluation/evaluation.enums";
import { DERIVED_ROLLUPS, KEY, rebuildKpiRollupSql } from "./kpi-rollup.sql";
import { DEMO_CENTRES, seedDemoCentres } from "../seed/centres.seed";
import { openTestHall, person } from "../service-hall.fixture";
import { KpiReader, rollupParts, type KpiRow } from "./kpi.reader";

/** Rows summed per window, line and channel, zero counts dropped: two readers' answers compared. */
function byKey(rows: KpiRow[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const key = `${r.centre ?? ""}|${r.window ?? ""}|${r.department ?? ""}|${r.channel ?? ""}`;
    const into = (out[key] ??= {});
    for (const [k, v] of Object.entries(r.counts)) if (v !== 0) into[k] = (into[k] ?? 0) + v;
  }
  for (const [key, counts] of Object.entries(out)) if (Object.keys(counts).length === 0) delete out[key];
  return out;
}

test("rollupParts: whole years and months before today's month, then weeks of a month before today, the rest from day rows", () => {
  assert.deepEqual(rollupParts("2025-01-01", "2025-12-31", "2026-11-26"), {
    years: ["2025-01-01", "2025-01-01"],
    months: [],
    weeks: [],
    days: [],
  });
  assert.deepEqual(rollupParts("2024-11-20", "2026-02-28", "2026-11-26"), {
    years: ["2025-01-01", "2025-01-01"],
    months: [
      ["2024-12-01", "2024-12-01"],
      ["2026-01-01", "2026-02-01"],
    ],
    weeks: [["2024-11-22", "2024-11-22"]],
    days: [
      ["2024-11-20", "2024-11-21"],
      ["2024-11-29", "2024-11-30"],
    ],
  });
  assert.deepEqual(rollupParts("2025-01-15", "2025-03-10", "2026-01-01"), {
    years: null,
    months: [["2025-02-01", "2025-02-01"]],
    weeks: [
      ["2025-01-15", "2025-01-22"],
      ["2025-03-01", "2025-03-01"],
    ],
    days: [
      ["2025-01-29", "2025-01-31"],
      ["2025-03-08", "2025-03-10"],
    ],
  });
  // Today's month and later come from week rows that end before today and day rows (an open
  // case's deadline may not have passed yet).
  assert.deepEqual(rollupParts("2026-01-01", "2026-04-30", "2026-03-10"), {
    years: null,
    months: [["2026-01-01", "2026-02-01"]],
    weeks: [["2026-03-01", "2026-03-01"]],
    days: [["2026-03-08", "2026-04-30"]],
  });
  assert.deepEqual(rollupParts("2025-01-01", "2026-12-31", "2026-03-07"), {
    years: ["2025-01-01", "2025-01-01"],
    months: [["2026-01-01", "2026-02-01"]],
    weeks: [],
    days: [["2026-03-01", "2026-12-31"]],
  });
  assert.deepEqual(rollupParts("2026-03-02", "2026-03-30", "2027-01-01"), {
    years: null,
    months: [],
    weeks: [["2026-03-08", "2026-03-22"]],
    days: [
      ["2026-03-02", "2026-03-07"],
      ["2026-03-29", "2026-03-30"],
    ],
  });
  assert.deepEqual(rollupParts("2024-02-01", "2024-02-29", "2025-01-01"), {
    years: null,
    months: [["2024-02-01", "2024-02-01"]],
    weeks: [],
    days: [],
  });
  // A February of 28 days: its last week and March's first follow each other.
  assert.deepEqual(rollupParts("2026-02-22", "2026-03-07", "2026-12-01"), {
    years: null,
    months: [],
    weeks: [["2026-02-22", "2026-03-01"]],
    days: [],
  });
});

test("the roll-up answers equal a direct count on random data, after completions, evaluations, tickets and escalations", async () => {
  const { db, s, setNow } = await openTestHall("2026-01-20T09:00:00+08:00");
  await db.transaction((tx) => seedDemoCentres(tx));
  const rng = new SeededRandom(18);
  const leaves = DEMO_CENTRES.filter(([, , level]) => level !== CentreLevel.CITY && level !== CentreLevel.DISTRICT);
  const stations = leaves.filter(([, , level]) => level === CentreLevel.COMMUNITY).map(([code]) => code);
  const codes = leaves.map(([code]) => code);
  const items = CATALOGUE.filter((i) => i.confirmedBy === "");
  const open: number[] = [];
  let escalated = 0;
  // Seven weeks of working days across three months, so periods cut months in every way.
  for (let d = 0; d < 50; d++) {
    const day = new Date(Date.UTC(2026, 0, 20 + d)).toISOString().slice(0, 10);
    setNow(`${day}T09:00:00+08:00`);
    for (const id of open.splice(0)) {
      const roll = rng.int(1, 10);
      if (roll <= 5) {
        await s.cases.complete({ caseId: String(id) });
        if (rng.chance(0.6))
          await s.evaluations.submit({
            caseId: String(id),
            channel: rng.pick(Object.values(HallEvaluationChannel)),
            rating: rng.pick(Object.values(HallRating)),
          });
      } else if (roll === 6) {
        // A station's open case goes to its street centre; one that is not a station's stays.
        const escalation = await s.centres.escalate({ caseId: String(id) }).catch(() => null);
        if (escalation) escalated++;
        open.push(id);
      } else open.push(id);
    }
    for (let n = rng.int(0, 4); n > 0; n--) {
      const c = await s.cases.open({
        idNumber: person(rng.int(1, 900)),
        itemCode: rng.pick(items).code,
        window: String(rng.int(1, 3)).padStart(2, "0"),
        centre: rng.chance(0.5) ? rng.pick(stations) : rng.pick(codes),
      });
      open.push(c.id);
    }
    for (let n = rng.int(0, 3); n > 0; n--) await s.queue.take({ category: rng.pick(HALL_DEPARTMENTS) });
    for (let n = rng.int(0, 3); n > 0; n--) await s.queue.callNext({ window: String(rng.int(1, 3)).padStart(2, "0") });
  }
  assert.ok(escalated > 3, `${escalated} escalations`);
  const counted = await db.query("SELECT COUNT(*) AS n FROM hall_case WHERE completed_on IS NOT NULL");
  assert.ok(Number(counted[0].n) > 50);

  const direct = async (reader: KpiReader, from: string, to: string, today: string) =>
    byKey(
      (
        await Promise.all([
          reader.cases(from, to),
          reader.due(from, to, today),
          reader.evaluations(from, to),
          reader.tickets(from, to),
        ])
      ).flat(),
    );
  const scopes = [
    null,
    ["KAIXUAN"],
    codes.filter(() => rng.chance(0.5)),
    stations,
    DEMO_CENTRES.filter(([, , , , district]) => district === "江干区").map(([code]) => code),
  ];
  for (let n = 0; n < 40; n++) {
    const a = new Date(Date.UTC(2025, 11, rng.int(1, 130))).toISOString().slice(0, 10);
    const b = new Date(Date.UTC(2026, 0, rng.int(1, 420))).toISOString().slice(0, 10);
    const [from, to] = a <= b ? [a, b] : [b, a];
    const today = rng.pick(["2026-03-10", "2026-02-15", "2026-05-01", "2026-01-25", "2027-06-01"]);
    for (const centres of scopes)
      for (const group of ["BY_WINDOW", "BY_CENTRE"] as const) {
        const reader = new KpiReader(db.manager, { centres, group });
        assert.deepEqual(
          byKey(await reader.rolledUp(from, to, today)),
          await direct(reader, from, to, today),
          `${from}..${to} today ${today} ${group} ${centres?.join(",") ?? "every centre"}`,
        );
      }
  }

  // What the triggers kept equals the roll-ups built afresh from the records.
  const postgres = db.options.type === "postgres";
  const rollups = [{ table: "hall_kpi_rollup", key: KEY }, ...(postgres ? DERIVED_ROLLUPS : [])];
  const rollupRows = async () =>
    Promise.all(rollups.map(({ table, key }) => db.query(`SELECT * FROM ${table} ORDER BY ${key}`)));
  const kept = await rollupRows();
  for (const sql of rebuildKpiRollupSql(postgres ? "postgres" : "sqlite")) await db.query(sql);
  const rebuilt = await rollupRows();
  const nonZero = (rows: Record<string, unknown>[]) =>
    rows.filter((r) =>
      Object.entries(r).some(
        ([k, v]) => !["kind", "day", "centre", "window_code", "department"].includes(k) && Number(v) !== 0,
      ),
    );
  for (const [i, { table }] of rollups.entries()) {
    assert.ok(nonZero(kept[i]).length > 100, `${table}: ${nonZero(kept[i]).length} rows`);
    assert.ok(
      kept[i].some((r: { kind: string }) => r.kind === "W"),
      `${table} has week rows`,
    );
    assert.deepEqual(nonZero(kept[i]), nonZero(rebuilt[i]), table);
  }
  // Hundreds of writes and 400 compared reads: more than Jest's default allows on a busy machine.
}, 120_000);
