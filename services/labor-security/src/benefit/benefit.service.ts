import { In, type DataSource, type EntityManager } from "typeorm";
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  EventPublisher,
  PLATFORM,
  fenToYuan,
  lockForTransaction,
  parseIdNumber,
  requiredText,
  todayBy,
  toKeysetConnection,
  yuanToFen,
  type Clock,
  type Connection,
  type KeysetPageRequest,
} from "@onewindow/platform";
import { LaborEvents } from "@onewindow/contracts";
import type { LocalizedText } from "@onewindow/contracts/i18n";
import { citizenFor } from "../employment/employment.service";
import { Employment } from "../employment/employment.entity";
import { joinTexts } from "@onewindow/contracts/i18n";
import { LABOR_BENEFIT } from "../messages";
import { LaborRuleError } from "../rule-error";
import { RegistrationStatus, UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import { stopBenefitForJob } from "./benefit-stop";
import { ELIGIBILITY_SOURCE, ENTITLEMENT_SOURCE, entitlementMonths, involuntaryLoss } from "./benefit.data";
import {
  BenefitPayment,
  BenefitRunResult,
  UnemploymentBenefit,
  UnemploymentBenefitClaim,
  UnemploymentBenefitLevel,
} from "./benefit.entity";
import type { ClaimUnemploymentBenefitInput, UpdateUnemploymentBenefitLevelInput } from "./benefit.inputs";

/** The area whose level applies: the street centre is in Hangzhou's urban districts. */
export const BENEFIT_AREA = "HANGZHOU";

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/**
 * Whole months of insured time derived from employment periods before `cutoff` (the day the
 * person registered as unemployed): labor records jobs, not contribution months, so a job on
 * record counts as insured for its length (employers must insure their employees, 条例 第六条).
 */
export function insuredMonthsFromEmployment(
  jobs: readonly Pick<Employment, "startDate" | "endDate">[],
  cutoff: string,
) {
  let days = 0;
  for (const job of jobs) {
    if (job.startDate >= cutoff) continue;
    const end = job.endDate && job.endDate < cutoff ? job.endDate : cutoff;
    days += Math.max(0, dayNumber(end) - dayNumber(job.startDate));
  }
  return Math.floor((days * 12) / 365.25);
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Unemployment benefit (失业保险金): eligibility, claims, the monthly payment run and its list. */
export class BenefitService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** Every area's level, by code. */
  levels(): Promise<UnemploymentBenefitLevel[]> {
    return this.db.getRepository(UnemploymentBenefitLevel).find({ order: { code: "ASC" } });
  }

  /** Sets an area's monthly amount from a notice (an audited act). */
  async updateLevel(input: UpdateUnemploymentBenefitLevelInput): Promise<UnemploymentBenefitLevel> {
    const code = requiredText(input.code, "code", 20);
    const fen = yuanToFen(input.monthlyAmount, "monthlyAmount");
    if (fen <= 0 || fen > 10_000_000) {
      throw new BadUserInputError(LABOR_BENEFIT.levelOutOfRange.with({ amount: input.monthlyAmount }), "monthlyAmount");
    }
    const changes = {
      monthlyAmountFen: fen,
      source: requiredText(input.source, "source", 500),
      updatedAt: this.clock().toISOString(),
    };
    return this.db.transaction(async (tx) => {
      const level = await tx.findOneBy(UnemploymentBenefitLevel, { code });
      if (!level) throw new NotFoundError(LABOR_BENEFIT.levelNotFound.with({ code }));
      await tx.update(UnemploymentBenefitLevel, { code }, changes);
      return Object.assign(level, changes);
    });
  }

  private async level(manager: EntityManager, code = BENEFIT_AREA): Promise<UnemploymentBenefitLevel> {
    const level = await manager.findOneBy(UnemploymentBenefitLevel, { code });
    // The migration seeds the area and nothing deletes it: a missing row is a broken database.
    if (!level) throw new Error(`unemployment_benefit_level ${code} is missing`);
    return level;
  }

  /**
   * A person's benefit as the records decide it today: the latest unemployment registration, the
   * jobs before it, the claim on it and the months paid.
   */
  async assess(
    idNumber: string,
    manager: EntityManager = this.db.manager,
  ): Promise<{
    view: UnemploymentBenefit;
    registration: UnemploymentRegistration | null;
    claim: UnemploymentBenefitClaim | null;
    /** The conditions not met, in both languages (what a refused claim says). */
    unmet: LocalizedText[];
  }> {
    const registration = await manager.findOne(UnemploymentRegistration, {
      where: { idNumber },
      order: { registeredOn: "DESC", id: "DESC" },
    });
    const claim = registration
      ? await manager.findOneBy(UnemploymentBenefitClaim, { registrationId: registration.id })
      : null;
    const level = await this.level(manager, claim?.levelCode);
    const jobs = await manager.findBy(Employment, { idNumber });
    const cutoff = registration?.registeredOn ?? todayBy(this.clock);
    const insuredMonths = claim?.insuredMonths ?? insuredMonthsFromEmployment(jobs, cutoff);
    const insuredDerived = claim?.insuredDerived ?? true;
    // One reason per condition of 条例 第十四条 (each met or not), then the entitlement.
    const time = (insuredDerived ? LABOR_BENEFIT.insuredTimeDerived : LABOR_BENEFIT.insuredTime).with({
      years: Math.floor(insuredMonths / 12),
      months: insuredMonths % 12,
    });
    const insured = insuredMonths >= 12;
    const involuntary = registration ? involuntaryLoss(registration.reason) : null;
    const open = registration?.status === RegistrationStatus.OPEN;
    const entitled = entitlementMonths(insuredMonths);
    const reasons: { text: LocalizedText; met: boolean }[] = [
      {
        text: (insured ? LABOR_BENEFIT.insuredAYear : LABOR_BENEFIT.insuredUnderAYear).with({ time }),
        met: insured,
      },
      {
        text:
          involuntary === true
            ? LABOR_BENEFIT.involuntaryLoss.with({ reason: registration!.reason! })
            : involuntary === false
              ? LABOR_BENEFIT.voluntaryLoss.with({ reason: registration!.reason! })
              : registration?.reason
                ? LABOR_BENEFIT.lossUndecided.with({ reason: registration.reason })
                : LABOR_BENEFIT.lossNotRecorded,
        met: involuntary === true,
      },
      {
        text: open
          ? LABOR_BENEFIT.registered.with({ registeredOn: registration!.registeredOn })
          : registration
            ? LABOR_BENEFIT.registrationClosed.with({ closedOn: registration.closedOn ?? "—" })
            : LABOR_BENEFIT.notRegistered,
        met: open,
      },
      {
        text: LABOR_BENEFIT.entitlement.with({
          months: entitled,
          entitlementSource: ENTITLEMENT_SOURCE,
          eligibilitySource: ELIGIBILITY_SOURCE,
        }),
        met: true,
      },
    ];
    const monthsPaid = claim ? await manager.countBy(BenefitPayment, { claimId: claim.id }) : 0;
    const entitlement = claim?.entitlementMonths ?? entitled;
    const view: UnemploymentBenefit = {
      eligible: insured && involuntary === true && open,
      reasons: reasons.map((r) => r.text.zh),
      insuredMonths,
      insuredDerived,
      entitlementMonths: entitlement,
      monthlyAmount: fenToYuan(level.monthlyAmountFen),
      amountSource: level.source,
      claimed: claim !== null,
      claimedOn: claim?.claimedOn ?? null,
      monthsPaid,
      monthsLeft: claim ? Math.max(0, entitlement - monthsPaid) : entitlement,
      stoppedOn: claim?.stoppedOn ?? null,
      stopReason: claim?.stopReason ?? null,
    };
    return { view, registration, claim, unmet: reasons.filter((r) => !r.met).map((r) => r.text) };
  }

  /** Benefit of a batch of citizens, in key order (a field of `Citizen`). */
  async ofCitizens(idNumbers: readonly string[]): Promise<UnemploymentBenefit[]> {
    return Promise.all(idNumbers.map(async (id) => (await this.assess(id)).view));
  }

  /** Claims benefit on the person's open registration; refused (nothing written) unless eligible. */
  async claim(input: ClaimUnemploymentBenefitInput): Promise<UnemploymentBenefit> {
    const { idNumber } = parseIdNumber(input.idNumber);
    return this.db.transaction(async (tx) => {
      await citizenFor(tx, idNumber);
      const { view, registration, claim, unmet } = await this.assess(idNumber, tx);
      if (claim) {
        throw new ConflictError(LABOR_BENEFIT.alreadyClaimed.with({ claimedOn: claim.claimedOn }));
      }
      if (!view.eligible || !registration) {
        throw new LaborRuleError(
          LABOR_BENEFIT.notEligible.with({ reasons: joinTexts(unmet) }),
          "idNumber",
          "BENEFIT_NOT_ELIGIBLE",
          { reasons: view.reasons },
        );
      }
      const level = await this.level(tx);
      const row = tx.create(UnemploymentBenefitClaim, {
        idNumber,
        registrationId: registration.id,
        claimedOn: todayBy(this.clock),
        insuredMonths: view.insuredMonths,
        insuredDerived: view.insuredDerived,
        entitlementMonths: view.entitlementMonths,
        levelCode: level.code,
        stoppedOn: null,
        stopReason: null,
      });
      await tx.save(row);
      return (await this.assess(idNumber, tx)).view;
    });
  }

  /**
   * Pays one month (YYYY-MM) to every claim due: from the month of the claim, while months of the
   * entitlement are left, and not from the month a new job on record starts (条例 第十五条第（一）项:
   * benefit stops on re-employment). A person is paid at most once a month (a unique key on
   * person and month): running the month again pays nobody twice.
   */
  async run(monthInput: string): Promise<BenefitRunResult> {
    const month = monthInput?.trim() ?? "";
    if (!MONTH.test(month)) throw new BadUserInputError(LABOR_BENEFIT.monthFormat.with({ month }), "month");
    const current = todayBy(this.clock).slice(0, 7);
    if (month > current) {
      throw new BadUserInputError(LABOR_BENEFIT.monthInFuture.with({ month, current }), "month");
    }
    // The first day of the next month: claims made before it, not stopped before it.
    const [y, m] = month.split("-").map(Number);
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
    return this.db.transaction(async (tx) => {
      // Two runs of a month at once (two officers, two replicas) take turns: the second pays nobody twice.
      await lockForTransaction(tx, "onewindow.labor.benefitRun");
      const claims = await tx
        .getRepository(UnemploymentBenefitClaim)
        .createQueryBuilder("c")
        .where("c.claimed_on < :next", { next })
        .andWhere("(c.stopped_on IS NULL OR c.stopped_on >= :next)", { next })
        .orderBy("c.id", "ASC")
        .getMany();
      const result: BenefitRunResult = { month, paid: 0, alreadyPaid: 0, stopped: 0, amount: 0 };
      if (claims.length === 0) return result;
      const ids = claims.map((c) => c.idNumber);
      const paidThisMonth = new Set(
        (await tx.find(BenefitPayment, { where: { month, idNumber: In(ids) } })).map((p) => p.idNumber),
      );
      const counts = new Map(
        (
          await tx
            .getRepository(BenefitPayment)
            .createQueryBuilder("p")
            .select("p.claim_id", "claimId")
            .addSelect("COUNT(*)", "count")
            .where("p.claim_id IN (:...claimIds)", { claimIds: claims.map((c) => c.id) })
            .groupBy("p.claim_id")
            .getRawMany<{ claimId: number | string; count: number | string }>()
        ).map((r) => [Number(r.claimId), Number(r.count)]),
      );
      const jobs = await tx.find(Employment, { where: { idNumber: In(ids) }, order: { startDate: "ASC" } });
      const levels = new Map((await tx.find(UnemploymentBenefitLevel)).map((l) => [l.code, l]));
      const paidAt = this.clock().toISOString();
      for (const claim of claims) {
        if (paidThisMonth.has(claim.idNumber)) {
          result.alreadyPaid++;
          continue;
        }
        // A job that started on or after the claim, in or before this month, ends the benefit.
        const job = jobs.find((j) => j.idNumber === claim.idNumber && j.startDate >= claim.claimedOn);
        if (job && job.startDate.slice(0, 7) <= month) {
          // A job recorded before this rule stopped claims at once (or entered another way) is stopped here.
          if (!claim.stoppedOn) result.stopped += await stopBenefitForJob(tx, job);
          continue;
        }
        const paid = counts.get(claim.id) ?? 0;
        if (paid >= claim.entitlementMonths) continue;
        const amountFen = levels.get(claim.levelCode)!.monthlyAmountFen;
        await tx.insert(BenefitPayment, { idNumber: claim.idNumber, claimId: claim.id, month, amountFen, paidAt });
        await this.events.publish(tx, {
          type: LaborEvents.benefitPaid,
          subject: claim.idNumber,
          data: {
            idNumber: claim.idNumber,
            claimId: claim.id,
            month,
            amountFen,
            monthsLeft: claim.entitlementMonths - paid - 1,
          },
        });
        result.paid++;
        result.amount += amountFen;
      }
      result.amount = fenToYuan(result.amount);
      return result;
    });
  }

  /** One keyset page of a month's payments, by payment id. */
  async payments(monthInput: string, page: KeysetPageRequest): Promise<Connection<BenefitPayment>> {
    const month = monthInput?.trim() ?? "";
    if (!MONTH.test(month)) throw new BadUserInputError(LABOR_BENEFIT.monthFormat.with({ month }), "month");
    const repo = this.db.getRepository(BenefitPayment);
    const query = repo.createQueryBuilder("p").where("p.month = :month", { month });
    if (page.after !== null) {
      const after = Number(page.after);
      if (!Number.isSafeInteger(after)) throw new BadUserInputError(PLATFORM.notACursor, "after");
      query.andWhere("p.id > :after", { after });
    }
    const rows = await query
      .orderBy("p.id", "ASC")
      .limit(page.limit + 1)
      .getMany();
    return toKeysetConnection(
      rows,
      (p) => String(p.id),
      page,
      () => repo.countBy({ month }),
    );
  }
}
