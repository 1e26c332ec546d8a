import type { DataSource } from "typeorm";
import { SeededRandom, bulkInsert, runSql, type BulkColumn } from "@onewindow/platform";
import { demoEmployer } from "@onewindow/contracts/demo";
import { WorkingCalendar } from "../calendar/working-calendar";
import { DEFAULT_RECALL_WINDOW_MINUTES } from "../queue/centre-setting.entity";
import { workingDays } from "./hall-generators";
import { WUCHAN } from "./wuchan.figures";
import { WindowStaff } from "../staff/staff.entity";

export interface SeedEnterpriseStationOptions {
  /** Credit codes of the building's companies; default the first {@link WUCHAN.companies} demo employers. */
  creditCodes?: readonly string[];
}

export interface SeedEnterpriseStationResult {
  /** True when the building was there already and nothing was written. */
  skipped: boolean;
  companies: number;
  services: number;
}

const col = (name: string, pgType: BulkColumn["pgType"]): BulkColumn => ({ name, pgType });
const SERVICE_COLUMNS = [
  col("credit_code", "varchar"),
  col("building_id", "integer"),
  col("station", "varchar"),
  col("kind", "varchar"),
  col("service_date", "date"),
  col("staff_number", "varchar"),
  col("note", "varchar"),
  col("recorded_at", "varchar"),
];

/**
 * Writes 物产大厦's building station: the station (a centre, unless it is there already), the
 * building, its companies and one record per service of {@link WUCHAN}, each kind spread evenly
 * over the working days of the period, companies, staff and notes drawn by a seeded generator, so
 * that `enterpriseServiceTotals(WUCHAN, 2010-01-01, 2010-12-31)` counts 120 / 420 / 115 from the
 * records. Deterministic; does nothing when the building is there already.
 */
export async function seedEnterpriseStationDemo(
  db: DataSource,
  options: SeedEnterpriseStationOptions = {},
): Promise<SeedEnterpriseStationResult> {
  const [existing] = await runSql(db.manager, "SELECT COUNT(*) AS n FROM hall_building WHERE name = ?", [
    WUCHAN.building.name,
  ]);
  if (Number(existing.n) > 0) return { skipped: true, companies: 0, services: 0 };
  const companies = options.creditCodes?.length
    ? [...new Set(options.creditCodes)]
    : Array.from({ length: WUCHAN.companies }, (_, j) => demoEmployer(j).creditCode);
  const days = workingDays(WUCHAN.from, WUCHAN.to, new WorkingCalendar());
  const rng = new SeededRandom(20_101_130);
  return db.transaction(async (tx) => {
    const { code, name } = WUCHAN.station;
    const [centre] = await runSql(tx, "SELECT COUNT(*) AS n FROM hall_centre_setting WHERE code = ?", [code]);
    if (Number(centre.n) === 0)
      await runSql(tx, "INSERT INTO hall_centre_setting (code, name, recall_window_minutes) VALUES (?, ?, ?)", [
        code,
        name,
        DEFAULT_RECALL_WINDOW_MINUTES,
      ]);
    await runSql(tx, "INSERT INTO hall_building (name, address, station) VALUES (?, ?, ?)", [
      WUCHAN.building.name,
      WUCHAN.building.address,
      code,
    ]);
    const [building] = await runSql<{ id: number }>(tx, "SELECT id FROM hall_building WHERE name = ?", [
      WUCHAN.building.name,
    ]);
    const buildingId = Number(building.id);
    await bulkInsert(
      tx,
      "hall_building_company",
      [col("credit_code", "varchar"), col("building_id", "integer")],
      companies.map((c) => [c, buildingId]),
    );
    const rows: unknown[][] = [];
    for (const { kind, count } of WUCHAN.services) {
      for (let i = 0; i < count; i++) {
        // Evenly over the working days: the i-th of `count` on the day at (i + ½)/count of the period.
        const day = days[Math.floor(((i + 0.5) * days.length) / count)];
        rows.push([
          rng.pick(companies),
          buildingId,
          code,
          kind,
          day,
          rng.pick(WUCHAN.workers).staffNumber,
          rng.pick(WUCHAN.notes[kind]),
          `${day}T09:00:00.000Z`,
        ]);
      }
    }
    for (const worker of WUCHAN.workers) {
      if (await tx.findOneBy(WindowStaff, { staffNumber: worker.staffNumber })) continue;
      await tx.save(
        tx.create(WindowStaff, {
          ...worker,
          duties: [...worker.duties],
          centre: code,
          partyMember: false,
          badges: [],
          recordedAt: `${WUCHAN.from}T08:30:00.000+08:00`,
        }),
      );
    }
    await bulkInsert(tx, "hall_enterprise_service", SERVICE_COLUMNS, rows);
    return { skipped: false, companies: companies.length, services: rows.length };
  });
}
