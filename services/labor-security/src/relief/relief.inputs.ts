import { Field, ID, InputType, Int } from "type-graphql";
import { ReliefSeason } from "./relief.enums";

@InputType({ description: "A new relief campaign." })
export class OpenReliefCampaignInput {
  @Field({ description: "Name, up to 60 characters (2026年冬送温暖)." })
  name: string;

  @Field(() => ReliefSeason, { description: "Summer (夏送清凉) or winter (冬送温暖)." })
  season: ReliefSeason;

  @Field(() => Int, { description: "Year (2000-2100); one campaign per season and year." })
  year: number;

  @Field({ description: "Budget, yuan (more than 0)." })
  budget: number;

  @Field(() => Number, {
    nullable: true,
    description:
      "Retirees with a monthly pension below this many yuan are eligible; null: only community-flagged retirees.",
  })
  pensionThreshold?: number | null;
}

@InputType({ description: "Relief for one retiree from a campaign." })
export class GrantReliefInput {
  @Field(() => ID, { description: "The campaign." })
  campaignId: string;

  @Field(() => ID, { description: "The retiree's resident ID number." })
  idNumber: string;

  @Field({ description: "Amount, yuan (more than 0, within the campaign's remaining budget)." })
  amount: number;
}

@InputType({ description: "A community's report that a retiree is in hardship." })
export class FlagReliefHardshipInput {
  @Field(() => ID, { description: "The retiree's resident ID number." })
  idNumber: string;

  @Field({ description: "The hardship, up to 200 characters." })
  reason: string;
}
