import { In, type DataSource, type EntityManager } from "typeorm";
import {
  BadUserInputError,
  ConflictError,
  EventPublisher,
  fenToYuan,
  NotFoundError,
  findOneForUpdate,
  intInRange,
  isValidDate,
  parseIdNumber,
  requiredText,
  todayBy,
  yuanToFen,
  type Clock,
} from "@onewindow/platform";
import { LaborEvents } from "@onewindow/contracts";
import { EmploymentStatus } from "../citizen/citizen.enums";
import { citizenFor } from "../employment/employment.service";
import { Retirement } from "../retirement/retirement.entity";
import { LABOR, LABOR_RELIEF } from "../messages";
import { LaborRuleError } from "../rule-error";
import { ReliefCampaign, ReliefGrant, ReliefHardshipFlag, type ReliefTotals } from "./relief.entity";
import { ReliefGround } from "./relief.enums";
import type { FlagReliefHardshipInput, GrantReliefInput, OpenReliefCampaignInput } from "./relief.inputs";

function positiveFen(yuan: number, field: string): number {
  const fen = yuanToFen(yuan, field);
  if (fen <= 0) throw new BadUserInputError(LABOR_RELIEF.amountNotPositive.with({ amount: yuan }), field);
  return fen;
}

/**
 * Relief for retirees in hardship (夏送清凉 / 冬送温暖): campaigns with a budget, and grants to
 * retirees whose pension is below the campaign's threshold or whom the community flagged, once
 * per campaign and never past the budget.
 */
export class ReliefService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** Fills each campaign's granted sum and count with one query. */
  private async withSums(campaigns: ReliefCampaign[], manager: EntityManager = this.db.manager) {
    if (campaigns.length === 0) return campaigns;
    const sums = await manager
      .getRepository(ReliefGrant)
      .createQueryBuilder("g")
      .select("g.campaign_id", "campaignId")
      .addSelect("COUNT(*)", "count")
      .addSelect("COALESCE(SUM(g.amount_fen), 0)", "sum")
      .where("g.campaign_id IN (:...ids)", { ids: campaigns.map((c) => c.id) })
      .groupBy("g.campaign_id")
      .getRawMany<{ campaignId: number | string; count: number | string; sum: number | string }>();
    const byId = new Map(sums.map((s) => [Number(s.campaignId), s]));
    for (const c of campaigns) {
      c.grantedFen = Number(byId.get(c.id)?.sum ?? 0);
      c.grantCount = Number(byId.get(c.id)?.count ?? 0);
    }
    return campaigns;
  }

  /** Every campaign, the most recently opened first, with what it has granted. */
  async campaigns(): Promise<ReliefCampaign[]> {
    const rows = await this.db.getRepository(ReliefCampaign).find({ order: { openedAt: "DESC", id: "DESC" } });
    return this.withSums(rows);
  }

  async open(input: OpenReliefCampaignInput): Promise<ReliefCampaign> {
    const name = requiredText(input.name, "name", 60);
    const year = intInRange(input.year, "year", 2000, 2100)!;
    const budgetFen = positiveFen(input.budget, "budget");
    const pensionThresholdFen =
      input.pensionThreshold === null || input.pensionThreshold === undefined
        ? null
        : positiveFen(input.pensionThreshold, "pensionThreshold");
    return this.db.transaction(async (tx) => {
      if (await tx.existsBy(ReliefCampaign, { year, season: input.season })) {
        throw new ConflictError(LABOR_RELIEF.campaignExists.with({ year, season: input.season }));
      }
      const campaign = tx.create(ReliefCampaign, {
        name,
        season: input.season,
        year,
        budgetFen,
        pensionThresholdFen,
        openedAt: this.clock().toISOString(),
      });
      await tx.save(campaign);
      return (await this.withSums([campaign], tx))[0];
    });
  }

  /** Records (or updates) the community's hardship flag of a retiree. */
  async flag(input: FlagReliefHardshipInput): Promise<ReliefHardshipFlag> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const reason = requiredText(input.reason, "reason", 200);
    return this.db.transaction(async (tx) => {
      await citizenFor(tx, idNumber);
      const flag = tx.create(ReliefHardshipFlag, { idNumber, reason, flaggedOn: todayBy(this.clock) });
      await tx.save(flag);
      return flag;
    });
  }

  /**
   * Grants relief. The campaign's row is locked first (PostgreSQL; SQLite runs transactions one at
   * a time), so two clerks granting at once cannot both spend the last of the budget.
   */
  async grant(input: GrantReliefInput): Promise<ReliefGrant> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const campaignId = Number(input.campaignId);
    if (!Number.isSafeInteger(campaignId) || campaignId <= 0) {
      throw new BadUserInputError(LABOR_RELIEF.notACampaignId.with({ value: input.campaignId }), "campaignId");
    }
    const amountFen = positiveFen(input.amount, "amount");
    return this.db.transaction(async (tx) => {
      const campaign = await findOneForUpdate(tx, ReliefCampaign, campaignId);
      if (!campaign) throw new NotFoundError(LABOR_RELIEF.campaignNotFound.with({ id: campaignId }));
      const citizen = await citizenFor(tx, idNumber);
      if (await tx.existsBy(ReliefGrant, { campaignId, idNumber })) {
        throw new ConflictError(LABOR_RELIEF.alreadyGranted.with({ campaign: campaign.name }));
      }
      const retirement = await tx.findOneBy(Retirement, { idNumber });
      if (citizen.employmentStatus !== EmploymentStatus.RETIRED || !retirement) {
        throw new LaborRuleError(LABOR_RELIEF.notRetired, "idNumber", "RELIEF_NOT_RETIRED");
      }
      let ground: ReliefGround;
      const pension = retirement.monthlyPensionFen;
      if (campaign.pensionThresholdFen !== null && pension !== null && pension < campaign.pensionThresholdFen) {
        ground = ReliefGround.PENSION_BELOW_THRESHOLD;
      } else if (await tx.existsBy(ReliefHardshipFlag, { idNumber })) {
        ground = ReliefGround.COMMUNITY_FLAG;
      } else {
        const threshold = campaign.pensionThresholdFen;
        throw new LaborRuleError(
          threshold === null
            ? LABOR_RELIEF.flaggedOnly
            : pension === null
              ? LABOR_RELIEF.pensionNotRecorded.with({ threshold: threshold / 100 })
              : LABOR_RELIEF.pensionNotBelowThreshold.with({ pension: pension / 100, threshold: threshold / 100 }),
          "idNumber",
          "RELIEF_NOT_ELIGIBLE",
          { pensionThreshold: campaign.pensionThresholdFen === null ? null : campaign.pensionThresholdFen / 100 },
        );
      }
      const [sum] = await tx
        .getRepository(ReliefGrant)
        .createQueryBuilder("g")
        .select("COALESCE(SUM(g.amount_fen), 0)", "sum")
        .where("g.campaign_id = :campaignId", { campaignId })
        .getRawMany<{ sum: number | string }>();
      const remainingFen = campaign.budgetFen - Number(sum.sum);
      if (amountFen > remainingFen) {
        throw new LaborRuleError(
          LABOR_RELIEF.overBudget.with({
            campaign: campaign.name,
            remaining: (remainingFen / 100).toFixed(2),
            amount: (amountFen / 100).toFixed(2),
          }),
          "amount",
          "RELIEF_OVER_BUDGET",
          { remaining: remainingFen / 100, budget: campaign.budgetFen / 100 },
        );
      }
      const grant = tx.create(ReliefGrant, { campaignId, idNumber, amountFen, ground, grantedOn: todayBy(this.clock) });
      await tx.save(grant);
      await this.events.publish(tx, {
        type: LaborEvents.reliefGranted,
        subject: idNumber,
        data: {
          idNumber,
          campaignId,
          campaignName: campaign.name,
          season: campaign.season,
          amountFen,
          grantedOn: grant.grantedOn,
        },
      });
      return grant;
    });
  }

  /** Grants of a batch of citizens, newest first, in key order. */
  async grantsOf(idNumbers: readonly string[]): Promise<ReliefGrant[][]> {
    const rows = await this.db
      .getRepository(ReliefGrant)
      .createQueryBuilder("g")
      .where("g.id_number IN (:...ids)", { ids: [...idNumbers] })
      .orderBy("g.granted_on", "DESC")
      .addOrderBy("g.id", "DESC")
      .getMany();
    return idNumbers.map((id) => rows.filter((r) => r.idNumber === id));
  }

  /** The campaign of a grant (a field of `ReliefGrant`). */
  async campaignsByIds(ids: readonly number[]): Promise<(ReliefCampaign | null)[]> {
    const rows = await this.db.getRepository(ReliefCampaign).findBy({ id: In([...ids]) });
    await this.withSums(rows);
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  }

  /** Grants whose day lies in [from, to], in all and by campaign. */
  async totals(fromInput: string, toInput: string): Promise<ReliefTotals> {
    for (const [value, field] of [
      [fromInput, "from"],
      [toInput, "to"],
    ] as const) {
      if (!isValidDate(value)) throw new BadUserInputError(LABOR.notADate.with({ value }), field);
    }
    if (toInput < fromInput)
      throw new BadUserInputError(LABOR.endBeforeStart.with({ end: toInput, start: fromInput }), "to");
    const rows = await this.db
      .getRepository(ReliefGrant)
      .createQueryBuilder("g")
      .select("g.campaign_id", "campaignId")
      .addSelect("COUNT(*)", "count")
      .addSelect("SUM(g.amount_fen)", "sum")
      .where("g.granted_on >= :from AND g.granted_on <= :to", { from: fromInput, to: toInput })
      .groupBy("g.campaign_id")
      .getRawMany<{ campaignId: number | string; count: number | string; sum: number | string }>();
    const campaigns = await this.campaignsByIds(rows.map((r) => Number(r.campaignId)));
    const byCampaign = rows
      .map((r, i) => ({ campaign: campaigns[i]!, grants: Number(r.count), amountFen: Number(r.sum) }))
      .sort((a, b) => a.campaign.year - b.campaign.year || a.campaign.season.localeCompare(b.campaign.season) * -1);
    const amountFen = byCampaign.reduce((s, c) => s + c.amountFen, 0);
    return {
      from: fromInput,
      to: toInput,
      grants: byCampaign.reduce((s, c) => s + c.grants, 0),
      amount: fenToYuan(amountFen),
      byCampaign: byCampaign.map((c) => ({ campaign: c.campaign, grants: c.grants, amount: fenToYuan(c.amountFen) })),
    };
  }
}
