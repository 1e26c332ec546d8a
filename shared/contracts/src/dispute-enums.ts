/**
 * The labor inspection and dispute mediation cases' enums. The service hall keeps the cases and
 * publishes them; labor security shows them on the employer. A GraphQL enum two subgraphs declare
 * must be the same in both, so the values and descriptions are written once here.
 */

export enum LaborInspectionKind {
  COMPLAINT = "COMPLAINT",
  ROUTINE = "ROUTINE",
}

/** The GraphQL enum `LaborInspectionKind`, as type-graphql's `registerEnumType` takes it. */
export const LABOR_INSPECTION_KIND_ENUM = {
  name: "LaborInspectionKind",
  description: "Why a labor inspection case was opened.",
  valuesConfig: {
    COMPLAINT: { description: "A complaint or report about the employer (举报投诉)." },
    ROUTINE: { description: "A routine inspection (日常巡视检查)." },
  },
};

export enum LaborInspectionStatus {
  OPEN = "OPEN",
  RECTIFYING = "RECTIFYING",
  CLOSED = "CLOSED",
}

/** The GraphQL enum `LaborInspectionStatus`, as type-graphql's `registerEnumType` takes it. */
export const LABOR_INSPECTION_STATUS_ENUM = {
  name: "LaborInspectionStatus",
  description: "Where a labor inspection case stands.",
  valuesConfig: {
    OPEN: { description: "Being inspected." },
    RECTIFYING: { description: "A rectification order (责令改正) runs until its deadline." },
    CLOSED: { description: "Closed (结案)." },
  },
};

export enum MediationStatus {
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}

/** The GraphQL enum `MediationStatus`, as type-graphql's `registerEnumType` takes it. */
export const MEDIATION_STATUS_ENUM = {
  name: "MediationStatus",
  description: "Whether a labor dispute mediation case is still open.",
  valuesConfig: {
    OPEN: { description: "Being mediated." },
    CLOSED: { description: "Closed, with its outcome." },
  },
};

export enum MediationOutcome {
  AGREEMENT = "AGREEMENT",
  FAILED_REFERRED_TO_ARBITRATION = "FAILED_REFERRED_TO_ARBITRATION",
  WITHDRAWN = "WITHDRAWN",
}

/** The GraphQL enum `MediationOutcome`, as type-graphql's `registerEnumType` takes it. */
export const MEDIATION_OUTCOME_ENUM = {
  name: "MediationOutcome",
  description: "How a labor dispute mediation case ended.",
  valuesConfig: {
    AGREEMENT: { description: "A mediation agreement was reached (达成调解协议)." },
    FAILED_REFERRED_TO_ARBITRATION: {
      description: "No agreement; the parties are referred to labor dispute arbitration (调解不成，引导申请仲裁).",
    },
    WITHDRAWN: { description: "The applicant withdrew the application (撤回申请)." },
  },
};
