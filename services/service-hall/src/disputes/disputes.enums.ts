// Written once in contracts: labor security declares the same enums for Employer.inspections and .disputes.
import { registerEnumType } from "type-graphql";
import {
  LaborInspectionKind,
  LABOR_INSPECTION_KIND_ENUM,
  LaborInspectionStatus,
  LABOR_INSPECTION_STATUS_ENUM,
  MediationStatus,
  MEDIATION_STATUS_ENUM,
  MediationOutcome,
  MEDIATION_OUTCOME_ENUM,
} from "@onewindow/contracts";

registerEnumType(LaborInspectionKind, LABOR_INSPECTION_KIND_ENUM);
registerEnumType(LaborInspectionStatus, LABOR_INSPECTION_STATUS_ENUM);
registerEnumType(MediationStatus, MEDIATION_STATUS_ENUM);
registerEnumType(MediationOutcome, MEDIATION_OUTCOME_ENUM);

export { LaborInspectionKind, LaborInspectionStatus, MediationStatus, MediationOutcome };
