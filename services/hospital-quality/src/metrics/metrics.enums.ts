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

/** What a period's metrics are compared with. */
export enum PeriodComparison {
  PREVIOUS_PERIOD = "PREVIOUS_PERIOD",
  SAME_PERIOD_LAST_YEAR = "SAME_PERIOD_LAST_YEAR",
}
registerEnumType(PeriodComparison, {
  name: "PeriodComparison",
  description: "What a period is compared with: 环比 (the period before) or 同比 (the same period a year earlier).",
  valuesConfig: {
    PREVIOUS_PERIOD: {
      description:
        "环比: the calendar month, quarter or year before, when the period is one; otherwise the same number of days just before.",
    },
    SAME_PERIOD_LAST_YEAR: {
      description:
        "同比: the same calendar month, quarter or year a year earlier, when the period is one; otherwise the same dates a year earlier.",
    },
  },
});

/** The comparison actually made, so that a reader knows what `previousPeriod` covers. */
export enum ComparisonBasis {
  PREVIOUS_MONTH = "PREVIOUS_MONTH",
  PREVIOUS_QUARTER = "PREVIOUS_QUARTER",
  PREVIOUS_YEAR = "PREVIOUS_YEAR",
  PREVIOUS_DAYS = "PREVIOUS_DAYS",
  SAME_MONTH_LAST_YEAR = "SAME_MONTH_LAST_YEAR",
  SAME_QUARTER_LAST_YEAR = "SAME_QUARTER_LAST_YEAR",
  SAME_DAYS_LAST_YEAR = "SAME_DAYS_LAST_YEAR",
}
registerEnumType(ComparisonBasis, {
  name: "ComparisonBasis",
  description: "The period the metrics were compared with.",
  valuesConfig: {
    PREVIOUS_MONTH: { description: "The whole calendar month before (环比 of a calendar month)." },
    PREVIOUS_QUARTER: { description: "The whole calendar quarter before (环比 of a calendar quarter)." },
    PREVIOUS_YEAR: {
      description: "The calendar year before (环比 and 同比 of a calendar year are the same year).",
    },
    PREVIOUS_DAYS: {
      description:
        "The same number of days just before (环比 of a range that is not a calendar month, quarter or year).",
    },
    SAME_MONTH_LAST_YEAR: { description: "The same calendar month a year earlier (同比 of a calendar month)." },
    SAME_QUARTER_LAST_YEAR: { description: "The same calendar quarter a year earlier (同比 of a calendar quarter)." },
    SAME_DAYS_LAST_YEAR: {
      description:
        "The same dates a year earlier, 29 February read as 28 February (同比 of a range that is not a calendar month, quarter or year).",
    },
  },
});
