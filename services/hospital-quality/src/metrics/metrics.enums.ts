import { registerEnumType } from "type-graphql";

/** The metrics a trend can follow. */
export enum QualityMetric {
  OUTPATIENT_VISITS = "OUTPATIENT_VISITS",
  OUTPATIENT_DRUG_COST_PER_VISIT = "OUTPATIENT_DRUG_COST_PER_VISIT",
  INPATIENT_DISCHARGES = "INPATIENT_DISCHARGES",
  INPATIENT_DRUG_COST_PER_STAY = "INPATIENT_DRUG_COST_PER_STAY",
  DRUG_COST_SHARE = "DRUG_COST_SHARE",
  FOLLOW_UP_RATE = "FOLLOW_UP_RATE",
  FOLLOW_UP_CALLS = "FOLLOW_UP_CALLS",
  SATISFACTION_RATE = "SATISFACTION_RATE",
}
registerEnumType(QualityMetric, {
  name: "QualityMetric",
  description: "A hospital quality metric; each has the meaning of the QualityMetrics field of the same name.",
  valuesConfig: {
    OUTPATIENT_VISITS: { description: "Outpatient and emergency visits." },
    OUTPATIENT_DRUG_COST_PER_VISIT: { description: "Drug cost per outpatient visit, yuan." },
    INPATIENT_DISCHARGES: { description: "Inpatient stays discharged." },
    INPATIENT_DRUG_COST_PER_STAY: { description: "Drug cost per discharged stay, yuan." },
    DRUG_COST_SHARE: { description: "Drug cost / total cost of visits and stays, 0..1." },
    FOLLOW_UP_RATE: { description: "Discharges reached by a follow-up call / discharges, 0..1." },
    FOLLOW_UP_CALLS: { description: "Follow-up calls made." },
    SATISFACTION_RATE: { description: "Satisfied evaluations / evaluations over every channel, 0..1." },
  },
});

/** How a trend cuts its period. */
export enum Granularity {
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
}
registerEnumType(Granularity, {
  name: "Granularity",
  description: "Calendar unit of a trend's points; the first and last points are clipped to the requested period.",
  valuesConfig: {
    MONTH: { description: "Calendar months." },
    QUARTER: { description: "Calendar quarters (January-March, ...)." },
    YEAR: { description: "Calendar years." },
  },
});
