import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { bigintTransformer, DateScalar, fenToYuan } from "@onewindow/platform";
import { LABOR_RECORD_READERS, RELIEF_TOTAL_READERS } from "../access";
import { ReliefGround, ReliefSeason } from "./relief.enums";

/** A relief campaign (夏送清凉 / 冬送温暖) with its budget: not personal data. */
@Entity("relief_campaign")
@Index(["year", "season"], { unique: true })
// No person in it: its readers, and a citizen reading the campaign of their own grant.
@Authorized([...RELIEF_TOTAL_READERS, "citizen"])
@ObjectType({ description: "A relief campaign for retirees in hardship (夏送清凉 / 冬送温暖), with its budget." })
export class ReliefCampaign {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Campaign id." })
  id: number;

  @Column({ type: "varchar", length: 60 })
  @Field({ description: "Name (2026年冬送温暖)." })
  name: string;

  @Column({ type: "varchar", length: 6 })
  @Field(() => ReliefSeason, { description: "Summer or winter." })
  season: ReliefSeason;

  @Column({ type: "integer" })
  @Field(() => Int, { description: "Year." })
  year: number;

  @Column({ type: "bigint", name: "budget_fen", transformer: bigintTransformer })
  budgetFen: number;

  @Field(() => Number, { description: "Budget, yuan: the grants never add up to more." })
  get budget(): number {
    return fenToYuan(this.budgetFen);
  }

  @Column({ type: "bigint", name: "pension_threshold_fen", nullable: true, transformer: bigintTransformer })
  pensionThresholdFen: number | null;

  @Field(() => Number, {
    nullable: true,
    description:
      "Retirees whose monthly pension is below this many yuan are eligible; null: only those the community flags.",
  })
  get pensionThreshold(): number | null {
    return this.pensionThresholdFen === null || this.pensionThresholdFen === undefined
      ? null
      : fenToYuan(this.pensionThresholdFen);
  }

  @Column({ type: "varchar", length: 32, name: "opened_at" })
  @Field({ description: "When the campaign was opened (ISO 8601)." })
  openedAt: string;

  /** Filled by the service: the sum and number of its grants. */
  grantedFen?: number;
  grantCount?: number;

  @Field(() => Number, { description: "Granted so far, yuan." })
  get granted(): number {
    return fenToYuan(this.grantedFen ?? 0);
  }

  @Field(() => Int, { description: "Number of grants so far." })
  get grants(): number {
    return this.grantCount ?? 0;
  }

  @Field(() => Number, { description: "Budget left, yuan." })
  get remaining(): number {
    return fenToYuan(this.budgetFen - (this.grantedFen ?? 0));
  }
}

/** One grant of a campaign to one person: at most one per campaign and person. */
@Entity("relief_grant")
@Index(["campaignId", "idNumber"], { unique: true })
@Index(["idNumber"])
@Index(["grantedOn"])
@Authorized(LABOR_RECORD_READERS)
@ObjectType({ description: "Relief granted to a retiree in hardship by a campaign." })
export class ReliefGrant {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Grant id." })
  id: number;

  @Column({ type: "integer", name: "campaign_id" })
  campaignId: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "bigint", name: "amount_fen", transformer: bigintTransformer })
  amountFen: number;

  @Field(() => Number, { description: "Amount, yuan." })
  get amount(): number {
    return fenToYuan(this.amountFen);
  }

  @Column({ type: "varchar", length: 30 })
  @Field(() => ReliefGround, { description: "Why the person was eligible." })
  ground: ReliefGround;

  @Column({ type: "date", name: "granted_on" })
  @Field(() => DateScalar, { description: "Day granted." })
  grantedOn: string;
}

/** A retiree the community has flagged as in hardship (社区报送困难), with the reason. */
@Entity("relief_hardship_flag")
@Authorized(LABOR_RECORD_READERS)
@ObjectType({ description: "A community's flag that a retiree is in hardship, which makes them eligible for relief." })
export class ReliefHardshipFlag {
  @PrimaryColumn({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "varchar", length: 200 })
  @Field({ description: "The hardship the community reported (大病、独居、低收入 …)." })
  reason: string;

  @Column({ type: "date", name: "flagged_on" })
  @Field(() => DateScalar, { description: "Day flagged." })
  flaggedOn: string;
}

/** One campaign's line of the totals. */
@ObjectType({ description: "Relief granted by one campaign in a period (counts and sums only)." })
export class ReliefCampaignTotal {
  @Field(() => ReliefCampaign, { description: "The campaign." })
  campaign: ReliefCampaign;

  @Field(() => Int, { description: "Grants in the period." })
  grants: number;

  @Field(() => Number, { description: "Amount granted in the period, yuan." })
  amount: number;
}

/** Relief totals of a period. */
@ObjectType({ description: "Relief granted in a period, in all and by campaign (no person in it)." })
export class ReliefTotals {
  @Field(() => DateScalar, { description: "First day." })
  from: string;

  @Field(() => DateScalar, { description: "Last day." })
  to: string;

  @Field(() => Int, { description: "Grants in the period." })
  grants: number;

  @Field(() => Number, { description: "Amount granted in the period, yuan." })
  amount: number;

  @Field(() => [ReliefCampaignTotal], { description: "By campaign, oldest first." })
  byCampaign: ReliefCampaignTotal[];
}
