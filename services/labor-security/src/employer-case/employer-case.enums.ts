// The same enums as the service hall's (the publisher of these cases), identical so that the supergraph merges them.
import { registerEnumType } from "type-graphql";

export enum LaborInspectionKind {
  COMPLAINT = "COMPLAINT",
  ROUTINE = "ROUTINE",
}
registerEnumType(LaborInspectionKind, {
  name: "LaborInspectionKind",
  description: "Why a labor inspection case was opened.",
  valuesConfig: {
    COMPLAINT: { description: "A complaint or report about the employer (举报投诉)." },
    ROUTINE: { description: "A routine inspection (日常巡视检查)." },
  },
});

export enum LaborInspectionStatus {
  OPEN = "OPEN",
  RECTIFYING = "RECTIFYING",
  CLOSED = "CLOSED",
}
registerEnumType(LaborInspectionStatus, {
  name: "LaborInspectionStatus",
  description: "Where a labor inspection case stands.",
  valuesConfig: {
    OPEN: { description: "Being inspected." },
    RECTIFYING: { description: "A rectification order (责令改正) runs until its deadline." },
    CLOSED: { description: "Closed (结案)." },
  },
});

export enum MediationStatus {
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}
registerEnumType(MediationStatus, {
  name: "MediationStatus",
  description: "Whether a labor dispute mediation case is still open.",
  valuesConfig: {
    OPEN: { description: "Being mediated." },
    CLOSED: { description: "Closed, with its outcome." },
  },
});

export enum MediationOutcome {
  AGREEMENT = "AGREEMENT",
  FAILED_REFERRED_TO_ARBITRATION = "FAILED_REFERRED_TO_ARBITRATION",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(MediationOutcome, {
  name: "MediationOutcome",
  description: "How a labor dispute mediation case ended.",
  valuesConfig: {
    AGREEMENT: { description: "A mediation agreement was reached (达成调解协议)." },
    FAILED_REFERRED_TO_ARBITRATION: {
      description: "No agreement; the parties are referred to labor dispute arbitration (调解不成，引导申请仲裁).",
    },
    WITHDRAWN: { description: "The applicant withdrew the application (撤回申请)." },
  },
});
