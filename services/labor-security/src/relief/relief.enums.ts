import { registerEnumType } from "type-graphql";

/** The two relief seasons of the street centre: 夏送清凉 (summer) and 冬送温暖 (winter). */
export enum ReliefSeason {
  SUMMER = "SUMMER",
  WINTER = "WINTER",
}
registerEnumType(ReliefSeason, {
  name: "ReliefSeason",
  description: "SUMMER: 夏送清凉; WINTER: 冬送温暖.",
});

/** Why a person may receive a campaign's relief. */
export enum ReliefGround {
  PENSION_BELOW_THRESHOLD = "PENSION_BELOW_THRESHOLD",
  COMMUNITY_FLAG = "COMMUNITY_FLAG",
}
registerEnumType(ReliefGround, {
  name: "ReliefGround",
  description:
    "PENSION_BELOW_THRESHOLD: a retiree whose monthly pension is below the campaign's threshold; COMMUNITY_FLAG: a retiree the community flagged as in hardship.",
});
