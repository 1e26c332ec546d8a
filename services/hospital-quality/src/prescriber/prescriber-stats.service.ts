import crypto from "node:crypto";
import { type DataSource } from "typeorm";
import { type Caller } from "@onewindow/contracts";
import type { LocalizedText } from "@onewindow/contracts/i18n";
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  refuse,
  fenToYuan,
  requiredText,
  type Clock,
  parsePastDate,
  num,
  runSql,
} from "@onewindow/platform";
import { requireHospitalScope } from "../access";
import { parseHospitalCode } from "../hospital/hospital-code";
import { requireHospital } from "../hospital/hospital.service";
import { PrescriberStatsGrant } from "./prescriber-grant.entity";
import { PrescriberGrantStatus } from "./prescriber-grant.enums";
import type { RequestPrescriberStatsAccessInput } from "./prescriber.inputs";
import type { PrescriberDrugCost, PrescriberDrugStats } from "./prescriber-stats.types";
import { HOSPITAL, HOSPITAL_ACT } from "../messages";

/** How many grants `grantsOf` lists, newest first. */
const LIST_LIMIT = 100;

/**
 * The token subject of a caller whose act must name a person (a grant binds users, not roles);
 * `unnamed` is the act refused without one.
 */
function namedUser(caller: Caller, unnamed: LocalizedText): string {
  if (!caller.userId) refuse(caller, unnamed);
  return caller.userId;
}

/** A period of past days, from..to inclusive. */
function parsePeriod(from: string, to: string, clock: Clock): { from: string; to: string } {
  const start = parsePastDate(from, "from", clock);
  const end = parsePastDate(to, "to", clock);
  if (start > end) throw new BadUserInputError(HOSPITAL.periodReversed.with({ from: start, to: end }), "from");
  return { from: start, to: end };
}

/**
 * Prescriber statistics (统方) under dual authorisation. An `info_office` user requests a grant
 * for one hospital and period with a reason; a *different* `medical_affairs` user approves it; the
 * grant then opens the statistics to the requester alone, for that hospital and a period inside
 * the granted one, for `windowSeconds` (at most 30 minutes). Either side may revoke it.
 * Hospital-scoped tokens act only for their hospital. The resolver audits every step.
 */
export class PrescriberStatsService {
  constructor(
    private readonly db: DataSource,
    private readonly windowSeconds: number,
    private readonly clock: Clock,
  ) {}

  async request(caller: Caller, input: RequestPrescriberStatsAccessInput): Promise<PrescriberStatsGrant> {
    const requestedBy = namedUser(caller, HOSPITAL_ACT.requestStatsUnnamed);
    const hospitalCode = parseHospitalCode(input.hospitalCode);
    requireHospitalScope(caller, hospitalCode, ["info_office"], HOSPITAL_ACT.requestStats);
    const { from, to } = parsePeriod(input.from, input.to, this.clock);
    const grant = this.db.manager.create(PrescriberStatsGrant, {
      id: crypto.randomUUID(),
      hospitalCode,
      from,
      to,
      reason: requiredText(input.reason, "reason", 500),
      requestedBy,
      requestedAt: this.clock().toISOString(),
      state: PrescriberGrantStatus.PENDING,
      approvedBy: null,
      approvedAt: null,
      expiresAt: null,
      revokedBy: null,
      revokedAt: null,
    });
    return this.db.transaction(async (tx) => {
      await requireHospital(tx, hospitalCode);
      await tx.insert(PrescriberStatsGrant, grant);
      return grant;
    });
  }

  async approve(caller: Caller, grantId: string): Promise<PrescriberStatsGrant> {
    const approver = namedUser(caller, HOSPITAL_ACT.approveStatsUnnamed);
    const grant = await this.find(grantId);
    requireHospitalScope(caller, grant.hospitalCode, ["medical_affairs"], HOSPITAL_ACT.approveStats);
    // The point of the second approver: one person holding both roles still cannot open it alone.
    if (grant.requestedBy === approver) {
      throw new ForbiddenError(HOSPITAL.ownApproval);
    }
    const now = this.clock();
    const status = grant.statusAt(now);
    if (status !== PrescriberGrantStatus.PENDING)
      throw new ConflictError(HOSPITAL.approveNotPending.with({ grant: grant.id, status }));
    const approval = {
      state: PrescriberGrantStatus.ACTIVE as const,
      approvedBy: approver,
      approvedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.windowSeconds * 1000).toISOString(),
    };
    // Conditional on PENDING: of two approvals (or an approval and a revocation) at once, one wins.
    const set = await this.db
      .getRepository(PrescriberStatsGrant)
      .update({ id: grant.id, state: PrescriberGrantStatus.PENDING }, approval);
    if (!set.affected) throw new ConflictError(HOSPITAL.noLongerPending.with({ grant: grant.id }));
    return Object.assign(grant, approval);
  }

  async revoke(caller: Caller, grantId: string): Promise<PrescriberStatsGrant> {
    const userId = namedUser(caller, HOSPITAL_ACT.revokeStatsUnnamed);
    const grant = await this.find(grantId);
    const ownRequest = grant.requestedBy === userId && caller.roles.includes("info_office");
    if (!ownRequest) requireHospitalScope(caller, grant.hospitalCode, ["medical_affairs"], HOSPITAL_ACT.revokeStats);
    const status = grant.statusAt(this.clock());
    if (status !== PrescriberGrantStatus.PENDING && status !== PrescriberGrantStatus.ACTIVE) {
      throw new ConflictError(HOSPITAL.revokeNotOpen.with({ grant: grant.id, status }));
    }
    const revocation = {
      state: PrescriberGrantStatus.REVOKED as const,
      revokedBy: userId,
      revokedAt: this.clock().toISOString(),
    };
    const set = await this.db
      .getRepository(PrescriberStatsGrant)
      .update({ id: grant.id, state: grant.state }, revocation);
    if (!set.affected) throw new ConflictError(HOSPITAL.grantChanged.with({ grant: grant.id }));
    return Object.assign(grant, revocation);
  }

  /** The grant's status by this service's clock. */
  statusOf(grant: PrescriberStatsGrant): PrescriberGrantStatus {
    return grant.statusAt(this.clock());
  }

  /** A hospital's grants, newest first (at most 100). */
  async grantsOf(caller: Caller, hospitalCode: string): Promise<PrescriberStatsGrant[]> {
    const code = parseHospitalCode(hospitalCode);
    requireHospitalScope(caller, code, ["info_office", "medical_affairs", "auditor"], HOSPITAL_ACT.listGrants);
    return this.db
      .getRepository(PrescriberStatsGrant)
      .find({ where: { hospitalCode: code }, order: { requestedAt: "DESC", id: "ASC" }, take: LIST_LIMIT });
  }

  /**
   * Drug cost by prescriber over from..to: only for the requester of an ACTIVE, unexpired grant
   * for that hospital whose period covers from..to; FORBIDDEN otherwise.
   */
  async stats(caller: Caller, hospitalCode: string, from: string, to: string): Promise<PrescriberDrugStats> {
    const userId = namedUser(caller, HOSPITAL_ACT.readStatsUnnamed);
    const code = parseHospitalCode(hospitalCode);
    const period = parsePeriod(from, to, this.clock);
    requireHospitalScope(caller, code, ["info_office"], HOSPITAL_ACT.readStats);
    const grant = await this.liveGrant(userId, code, period.from, period.to);
    if (!grant) {
      throw new ForbiddenError(HOSPITAL.statsNeedGrant.with({ hospital: code, from: period.from, to: period.to }));
    }
    return { hospitalCode: code, ...period, grant, prescribers: await this.byPrescriber(code, period.from, period.to) };
  }

  /** The caller's open grant covering the period, the one open longest if several. */
  private async liveGrant(
    userId: string,
    hospitalCode: string,
    from: string,
    to: string,
  ): Promise<PrescriberStatsGrant | null> {
    const candidates = await this.db
      .getRepository(PrescriberStatsGrant)
      .createQueryBuilder("g")
      .where("g.hospital_code = :hospitalCode AND g.requested_by = :userId AND g.state = :active", {
        hospitalCode,
        userId,
        active: PrescriberGrantStatus.ACTIVE,
      })
      .andWhere("g.period_from <= :from AND g.period_to >= :to", { from, to })
      .getMany();
    const now = this.clock();
    const live = candidates.filter((g) => g.statusAt(now) === PrescriberGrantStatus.ACTIVE);
    live.sort((a, b) => (b.expiresAt ?? "").localeCompare(a.expiresAt ?? ""));
    return live[0] ?? null;
  }

  private async find(grantId: string): Promise<PrescriberStatsGrant> {
    const id = (grantId ?? "").trim();
    const grant = id.length <= 36 ? await this.db.getRepository(PrescriberStatsGrant).findOneBy({ id }) : null;
    if (!grant) throw new NotFoundError(HOSPITAL.noGrant.with({ grant: grantId }));
    return grant;
  }

  /** Sums visits (by visit day) and discharged stays (by discharge day) per prescriber, in fen. */
  private async byPrescriber(hospitalCode: string, from: string, to: string): Promise<PrescriberDrugCost[]> {
    type Row = { prescriber: string; n: unknown; drug: unknown; total: unknown };
    const sum = (table: string, day: string) =>
      runSql<Row>(
        this.db.manager,
        `SELECT prescriber_id AS prescriber, COUNT(*) AS n, SUM(drug_fen) AS drug, SUM(total_fen) AS total FROM ${table} ` +
          `WHERE hospital_code = ? AND ${day} >= ? AND ${day} <= ? AND prescriber_id IS NOT NULL GROUP BY prescriber_id`,
        [hospitalCode, from, to],
      );
    const [visits, stays] = await Promise.all([
      sum("outpatient_visit", "visit_date"),
      sum("inpatient_stay", "discharged_on"),
    ]);
    const totals = new Map<string, { visits: number; stays: number; drugFen: number; totalFen: number }>();
    const entry = (id: string) =>
      totals.get(id) ?? totals.set(id, { visits: 0, stays: 0, drugFen: 0, totalFen: 0 }).get(id)!;
    const add = (rows: Row[], count: "visits" | "stays") => {
      for (const r of rows) {
        const e = entry(r.prescriber);
        e[count] = num(r.n);
        e.drugFen += num(r.drug);
        e.totalFen += num(r.total);
      }
    };
    add(visits, "visits");
    add(stays, "stays");
    return [...totals]
      .sort(([a, x], [b, y]) => y.drugFen - x.drugFen || a.localeCompare(b))
      .map(([prescriberId, t]) => ({
        prescriberId,
        visits: t.visits,
        stays: t.stays,
        drugCost: fenToYuan(t.drugFen),
        totalCost: fenToYuan(t.totalFen),
        drugCostShare: t.totalFen === 0 ? null : t.drugFen / t.totalFen,
      }));
  }
}
