import { In, type DataSource } from "typeorm";
import {
  BadUserInputError,
  isValidDate,
  optionalText,
  parseCreditCode,
  parsePastDate,
  runSql,
  type Clock,
} from "@onewindow/platform";
import { requireCentre } from "../queue/centres";
import { requireStaff } from "../staff/staff.service";
import { Building, BuildingCompany, EnterpriseService } from "./enterprise.entity";
import { ENTERPRISE_SERVICE_KINDS, EnterpriseServiceKind } from "./enterprise.enums";
import type { PlaceCompanyInput, RecordEnterpriseServiceInput } from "./enterprise.inputs";
import { HALL_ENTERPRISE } from "./enterprise.messages";
import type { EnterpriseServiceTotals } from "./enterprise.types";

/** Buildings, the companies their stations serve, and the station's ledger of services with its totals. */
export class EnterpriseServiceService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The buildings, by name; only those a station serves when `station` is given. */
  async buildings(station: string | null | undefined): Promise<Building[]> {
    const repo = this.db.getRepository(Building);
    if (station == null) return repo.find({ order: { name: "ASC" } });
    const centre = await requireCentre(this.db.manager, station, "station");
    return repo.find({ where: { station: centre.code }, order: { name: "ASC" } });
  }

  /** The credit codes of the companies in each building, in the order of `buildingIds` (for the loader). */
  async companiesOf(buildingIds: readonly number[]): Promise<string[][]> {
    const rows = await this.db.getRepository(BuildingCompany).find({
      where: { buildingId: In([...buildingIds]) },
      order: { creditCode: "ASC" },
    });
    return buildingIds.map((id) => rows.filter((r) => r.buildingId === id).map((r) => r.creditCode));
  }

  /** The building each company is in (null when none), in the order of `creditCodes` (for the loader). */
  async buildingsOf(creditCodes: readonly string[]): Promise<(Building | null)[]> {
    const placed = await this.db.getRepository(BuildingCompany).find({ where: { creditCode: In([...creditCodes]) } });
    const ids = [...new Set(placed.map((p) => p.buildingId))];
    const buildings = ids.length ? await this.db.getRepository(Building).find({ where: { id: In(ids) } }) : [];
    const byId = new Map(buildings.map((b) => [b.id, b]));
    const byCode = new Map(placed.map((p) => [p.creditCode, byId.get(p.buildingId) ?? null]));
    return creditCodes.map((code) => byCode.get(code) ?? null);
  }

  /** Places a company in a building (moving it from another): the building's station serves it from now on. */
  async placeCompany(input: PlaceCompanyInput): Promise<Building> {
    const text = String(input.building ?? "").trim();
    if (!/^\d{1,12}$/.test(text))
      throw new BadUserInputError(
        HALL_ENTERPRISE.notABuildingNumber.with({ value: String(input.building) }),
        "building",
      );
    const creditCode = parseCreditCode(input.creditCode);
    return this.db.transaction(async (tx) => {
      const building = await tx.findOneBy(Building, { id: Number(text) });
      if (!building) throw new BadUserInputError(HALL_ENTERPRISE.noBuilding.with({ id: text }), "building");
      await tx.upsert(BuildingCompany, { creditCode, buildingId: building.id }, ["creditCode"]);
      return building;
    });
  }

  /**
   * Records one service to a company in a served building; the record keeps the building and
   * station of the day, and the staff member who served it (a window staff record).
   */
  async record(input: RecordEnterpriseServiceInput): Promise<EnterpriseService> {
    const creditCode = parseCreditCode(input.creditCode);
    if (!ENTERPRISE_SERVICE_KINDS.includes(input.kind))
      throw new BadUserInputError(HALL_ENTERPRISE.unknownKind.with({ kind: String(input.kind) }), "kind");
    const date = parsePastDate(input.date, "date", this.clock);
    const note = optionalText(input.note, "note", 500);
    return this.db.transaction(async (tx) => {
      const { staffNumber } = await requireStaff(tx, input.staffNumber);
      const placed = await tx.findOneBy(BuildingCompany, { creditCode });
      const building = placed ? await tx.findOneBy(Building, { id: placed.buildingId }) : null;
      if (!building)
        throw new BadUserInputError(HALL_ENTERPRISE.companyNotInBuilding.with({ creditCode }), "creditCode");
      const service = tx.create(EnterpriseService, {
        creditCode,
        buildingId: building.id,
        station: building.station,
        kind: input.kind,
        date,
        staffNumber,
        note,
        recordedAt: this.clock().toISOString(),
      });
      await tx.save(service);
      return service;
    });
  }

  /** A station's services over from..to by kind, counted from the individual records. */
  async totals(station: string, from: string, to: string): Promise<EnterpriseServiceTotals> {
    if (!isValidDate(from)) throw new BadUserInputError(HALL_ENTERPRISE.dateNotExisting.with({ date: from }), "from");
    if (!isValidDate(to)) throw new BadUserInputError(HALL_ENTERPRISE.dateNotExisting.with({ date: to }), "to");
    if (from > to) throw new BadUserInputError(HALL_ENTERPRISE.periodReversed.with({ from, to }), "from");
    const centre = await requireCentre(this.db.manager, station, "station");
    const where = "FROM hall_enterprise_service WHERE station = ? AND service_date >= ? AND service_date <= ?";
    const params = [centre.code, from, to];
    const [rows, [all]] = await Promise.all([
      runSql<{ kind: string; services: number | string; companies: number | string }>(
        this.db.manager,
        `SELECT kind, COUNT(*) AS services, COUNT(DISTINCT credit_code) AS companies ${where} GROUP BY kind`,
        params,
      ),
      runSql<{ services: number | string; companies: number | string }>(
        this.db.manager,
        `SELECT COUNT(*) AS services, COUNT(DISTINCT credit_code) AS companies ${where}`,
        params,
      ),
    ]);
    const byKind = new Map(rows.map((r) => [r.kind, r]));
    return {
      station: centre.code,
      from,
      to,
      services: Number(all.services),
      companies: Number(all.companies),
      byKind: ENTERPRISE_SERVICE_KINDS.map((kind: EnterpriseServiceKind) => ({
        kind,
        services: Number(byKind.get(kind)?.services ?? 0),
        companies: Number(byKind.get(kind)?.companies ?? 0),
      })),
    };
  }
}
