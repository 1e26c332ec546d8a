import { registerEnumType } from "type-graphql";

export enum HallEvaluationChannel {
  DEVICE = "DEVICE",
  FORM = "FORM",
  ONLINE = "ONLINE",
}
registerEnumType(HallEvaluationChannel, {
  name: "HallEvaluationChannel",
  description: "How a citizen evaluated the service.",
  valuesConfig: {
    DEVICE: { description: "The satisfaction evaluator at the window (满意度测评器)." },
    FORM: { description: "A paper evaluation form (群众评议表 / 服务质量评价表)." },
    ONLINE: { description: "Online, after the visit." },
  },
});

export enum HallRating {
  SATISFIED = "SATISFIED",
  BASICALLY_SATISFIED = "BASICALLY_SATISFIED",
  UNSATISFIED = "UNSATISFIED",
}
registerEnumType(HallRating, {
  name: "HallRating",
  description: "A citizen's rating; SATISFIED and BASICALLY_SATISFIED count as satisfied.",
  valuesConfig: {
    SATISFIED: { description: "满意." },
    BASICALLY_SATISFIED: { description: "基本满意; counts as satisfied." },
    UNSATISFIED: { description: "不满意; opens a rectification item automatically." },
  },
});
