import { In, type DataSource, type EntityManager } from "typeorm";
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  EventPublisher,
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
import { citizenFor } from "../employment/employment.service";
import { Employment } from "../employment/employment.entity";
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
      throw new BadUserInputError(
        `失业保险金月标准应大于 0 且不超过 100000 元，收到 ${input.monthlyAmount} / must be above 0 and at most 100000`,
        "monthlyAmount",
      );
    }
    const changes = {
      monthlyAmountFen: fen,
      source: requiredText(input.source, "source", 500),
      updatedAt: this.clock().toISOString(),
    };
    return this.db.transaction(async (tx) => {
      const level = await tx.findOneBy(UnemploymentBenefitLevel, { code });
      if (!level) throw new NotFoundError(`没有失业保险金标准 ${code} / no benefit level ${code}`);
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
    const years = `${Math.floor(insuredMonths / 12)} 年 ${insuredMonths % 12} 个月${insuredDerived ? "（未记录缴费年限，按就业记录推算）" : ""}`;
    const reasons: string[] = [];
    const insured = insuredMonths >= 12;
    reasons.push(insured ? `缴费满一年：累计 ${years}` : `缴费不满一年：累计 ${years}，不符合`);
    const involuntary = registration ? involuntaryLoss(registration.reason) : null;
    reasons.push(
      involuntary === true
        ? `非因本人意愿中断就业：失业登记原因「${registration!.reason}」`
        : involuntary === false
          ? `本人意愿中断就业（失业登记原因「${registration!.reason}」），不符合`
          : `失业原因未记录或不能据以判断${registration?.reason ? `（「${registration.reason}」）` : ""}，不符合`,
    );
    const open = registration?.status === RegistrationStatus.OPEN;
    reasons.push(
      open
        ? `已办理失业登记（${registration!.registeredOn}），有求职要求`
        : registration
          ? `失业登记已于 ${registration.closedOn ?? "—"} 关闭，不符合`
          : "未办理失业登记，不符合",
    );
    const entitled = entitlementMonths(insuredMonths);
    reasons.push(`领取期限最长 ${entitled} 个月（${ENTITLEMENT_SOURCE}）；条件见${ELIGIBILITY_SOURCE}`);
    const monthsPaid = claim ? await manager.countBy(BenefitPayment, { claimId: claim.id }) : 0;
    const entitlement = claim?.entitlementMonths ?? entitled;
    const view: UnemploymentBenefit = {
      eligible: insured && involuntary === true && open,
      reasons,
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
    return { view, registration, claim };
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
      const { view, registration, claim } = await this.assess(idNumber, tx);
      if (claim) {
        throw new ConflictError(
          `该公民已于 ${claim.claimedOn} 申领失业保险金 / benefit already claimed on this registration`,
        );
      }
      if (!view.eligible || !registration) {
        throw new LaborRuleError(
          `不符合领取失业保险金条件：${view.reasons.filter((r) => r.endsWith("不符合")).join("；")} / not eligible for unemployment benefit`,
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
    if (!MONTH.test(month)) throw new BadUserInputError(`月份应为 YYYY-MM，收到 ${month} / expected YYYY-MM`, "month");
    const current = todayBy(this.clock).slice(0, 7);
    if (month > current) {
      throw new BadUserInputError(`不能发放未来月份 ${month}（当前 ${current}）/ month is in the future`, "month");
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
    if (!MONTH.test(month)) throw new BadUserInputError(`月份应为 YYYY-MM，收到 ${month} / expected YYYY-MM`, "month");
    const repo = this.db.getRepository(BenefitPayment);
    const query = repo.createQueryBuilder("p").where("p.month = :month", { month });
    if (page.after !== null) {
      const after = Number(page.after);
      if (!Number.isSafeInteger(after)) throw new BadUserInputError("not a cursor of this list", "after");
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
