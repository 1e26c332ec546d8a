import { registerEnumType } from "type-graphql";

/** How a discharge follow-up call (出院回访) ended. */
export enum FollowUpOutcome {
  REACHED = "REACHED",
  UNREACHABLE = "UNREACHABLE",
  DECLINED = "DECLINED",
}
registerEnumType(FollowUpOutcome, {
  name: "FollowUpOutcome",
  description: "How a discharge follow-up call ended.",
  valuesConfig: {
    REACHED: { description: "The patient was reached and followed up; the stay counts as followed up." },
    UNREACHABLE: { description: "Nobody answered or the number was wrong." },
    DECLINED: { description: "The patient answered but declined the follow-up." },
  },
});
