import { registerEnumType } from "type-graphql";

/**
 * How a centre is assessed against the window standard: self review, leader review and peer review,
 * and the rhythm of daily patrols, monthly bulletins, quarterly comparisons and the yearly assessment.
 */
export enum AssessmentKind {
  SELF = "SELF",
  LEADER = "LEADER",
  PEER = "PEER",
  PATROL = "PATROL",
  MONTHLY = "MONTHLY",
  QUARTERLY = "QUARTERLY",
  ANNUAL = "ANNUAL",
}
registerEnumType(AssessmentKind, {
  name: "AssessmentKind",
  description: "The kind of an assessment against the window standard, which also fixes the shape of its period.",
  valuesConfig: {
    SELF: { description: "The centre's self review (自评), by its window clerks; period a month, quarter or year." },
    LEADER: { description: "A leader's review (领导评); period a month, quarter or year." },
    PEER: { description: "A review by a peer centre (互评); period a month, quarter or year." },
    PATROL: { description: "A daily patrol (日巡查); period a day, YYYY-MM-DD." },
    MONTHLY: { description: "The monthly bulletin's assessment (月通报); period a month, YYYY-MM." },
    QUARTERLY: { description: "The quarterly comparison (季评比); period a quarter, YYYY-Qn." },
    ANNUAL: { description: "The yearly assessment (年考核); period a year, YYYY." },
  },
});

export enum AssessmentStatus {
  OPEN = "OPEN",
  COMPLETED = "COMPLETED",
}
registerEnumType(AssessmentStatus, {
  name: "AssessmentStatus",
  description: "Whether an assessment is still being scored.",
  valuesConfig: {
    OPEN: { description: "Being scored; points may be scored and scored again." },
    COMPLETED: { description: "Every point scored and the total fixed; counts in reports and rankings." },
  },
});
