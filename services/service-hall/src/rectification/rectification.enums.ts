import { registerEnumType } from "type-graphql";

export enum RectificationSource {
  EVALUATION = "EVALUATION",
  COMPLAINT = "COMPLAINT",
  SUGGESTION_BOOK = "SUGGESTION_BOOK",
  SUPERVISOR = "SUPERVISOR",
  INSPECTION = "INSPECTION",
  ASSESSMENT = "ASSESSMENT",
}
registerEnumType(RectificationSource, {
  name: "RectificationSource",
  description: "Where a rectification item came from.",
  valuesConfig: {
    EVALUATION: { description: "An UNSATISFIED evaluation (opened automatically)." },
    COMPLAINT: { description: "A complaint by phone or at the complaints desk (监督电话、投诉接待室)." },
    SUGGESTION_BOOK: { description: "The comment book at the windows (服务窗台意见簿) or a questionnaire." },
    SUPERVISOR: { description: "A conduct supervisor or citizens' representative (行风监督员、群众代表)." },
    INSPECTION: { description: "The centre's own daily inspection (日巡查)." },
    ASSESSMENT: {
      description:
        "A point scored below its bar in a window-standard assessment (opened automatically; see assessmentId).",
    },
  },
});

export enum RectificationStatus {
  OPEN = "OPEN",
  RESOLVED = "RESOLVED",
}
registerEnumType(RectificationStatus, {
  name: "RectificationStatus",
  description: "Whether a rectification item has been resolved.",
  valuesConfig: {
    OPEN: { description: "Not yet resolved." },
    RESOLVED: { description: "Resolved (已落实解决)." },
  },
});
