/**
 * The GraphQL operations of the dashboard and the explorer's saved examples, one list per user
 * group. Only the gateway's public API is used. GraphQL Code Generator (npm run codegen, part of the
 * build) validates every `/* GraphQL *\/` one against the gateway's API schema and types it in
 * src/generated/graphql.ts.
 */

/** The demo hospital (建德市第一人民医院) and its two seeded years. */
export const HOSPITAL = "JD001";
export const FROM = "2009-01-01";
export const TO = "2010-12-31";

export const HOSPITAL_DASHBOARD = /* GraphQL */ `
  fragment MetricValues on QualityMetrics {
    from
    to
    outpatientDrugCostPerVisit
    inpatientDrugCostPerStay
    drugCostShare
    followUpRate
    satisfactionRate
  }

  fragment TrendPoint on MetricPoint {
    period
    value
  }

  query HospitalDashboard($code: ID!, $from: Date!, $to: Date!, $yearFrom: Date!) {
    hospital(code: $code) {
      code
      name
      year: qualityMetrics(from: $yearFrom, to: $to) {
        ...MetricValues
        previousPeriod {
          ...MetricValues
        }
      }
      perVisit: metricTrend(metric: OUTPATIENT_DRUG_COST_PER_VISIT, from: $from, to: $to, granularity: MONTH) {
        ...TrendPoint
      }
      perStay: metricTrend(metric: INPATIENT_DRUG_COST_PER_STAY, from: $from, to: $to, granularity: MONTH) {
        ...TrendPoint
      }
      drugShare: metricTrend(metric: DRUG_COST_SHARE, from: $from, to: $to, granularity: MONTH) {
        ...TrendPoint
      }
      followUp: metricTrend(metric: FOLLOW_UP_RATE, from: $from, to: $to, granularity: MONTH) {
        ...TrendPoint
      }
      satisfaction: metricTrend(metric: SATISFACTION_RATE, from: $from, to: $to, granularity: MONTH) {
        ...TrendPoint
      }
    }
  }
`;

export const HALL_KPIS = /* GraphQL */ `
  query HallKpis($from: Date!, $to: Date!) {
    hallKpis(from: $from, to: $to) {
      from
      to
      casesHandled
      onTimeRate
      onSiteRate
      evaluations
      satisfactionRate
      ticketsCalled
      averageWaitMinutes
      byDepartment {
        department
        casesHandled
        onTimeRate
        onSiteRate
        satisfactionRate
      }
    }
  }
`;

export const PUBLIC_BOARDS = /* GraphQL */ `
  query PublicBoards {
    jobPostings(first: 10) {
      totalCount
      edges {
        node {
          id
          title
          vacancies
          salaryMin
          salaryMax
          publishedOn
          employer {
            name
          }
        }
      }
    }
    queueBoard {
      day
      nowCalling {
        number
        window
        category
      }
      categories {
        category
        letter
        waiting
        greenChannelWaiting
        lastCalled
        estimatedWaitMinutes
      }
    }
  }
`;

/** A saved example of the explorer: a tab with its operation and variables. */
export interface Example {
  group: string;
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLES: Example[] = [
  {
    group: "public",
    title: "Job board and queue board (anonymous) · 招聘信息与叫号屏",
    query: `# Anyone may run this one: no token needed. Press the run button (Ctrl-Enter).\n${PUBLIC_BOARDS}`,
  },
  {
    group: "clerk",
    title: "Clerk: a citizen across departments · 窗口人员：跨部门查询居民",
    query: /* GraphQL */ `
      # Role window_clerk; put a token and a purpose in the Headers tab:
      # {"authorization": "Bearer <npm run token -- --role window_clerk>", "x-access-purpose": "explorer"}
      query CitizenAcrossDepartments($idNumber: ID!, $year: Int!) {
        citizen(idNumber: $idNumber) {
          idNumber
          name
          employmentStatus
          employment {
            employer {
              name
            }
          }
          medicalInsurance {
            scheme
            status
            since
            monthlyContribution
            personalAccountBalance
          }
          insuranceClaims(first: 5) {
            totalCount
          }
          taxSummary(year: $year) {
            wageIncome
            taxDue
            taxWithheld
            balance
            exempt
            exemptionReason
          }
          cases(first: 5) {
            totalCount
            edges {
              node {
                id
                itemCode
                status
                deadline
              }
            }
          }
        }
      }
    `,
    // A resident of the demo data (npm start seeds them), with a valid check character; the demo
    // seeding files last year's returns, the latest year that can be reconciled.
    variables: { idNumber: "330108199311021006", year: new Date().getFullYear() - 1 },
  },
  {
    group: "hospital admin",
    title: "Hospital admin: metrics and trend · 医院管理者：质量指标与趋势",
    query: /* GraphQL */ `
      # Role hospital_admin (of this hospital) or analyst:
      # {"authorization": "Bearer <npm run token -- --role analyst>", "x-access-purpose": "explorer"}
      query HospitalMetrics($code: ID!, $from: Date!, $to: Date!) {
        hospital(code: $code) {
          name
          qualityMetrics(from: $from, to: $to) {
            outpatientDrugCostPerVisit
            inpatientDrugCostPerStay
            drugCostShare
            followUpRate
            satisfactionRate
            previousPeriod {
              outpatientDrugCostPerVisit
              inpatientDrugCostPerStay
            }
            change {
              outpatientDrugCostPerVisit
              inpatientDrugCostPerStay
            }
          }
          metricTrend(metric: OUTPATIENT_DRUG_COST_PER_VISIT, from: "2009-01-01", to: $to, granularity: QUARTER) {
            period
            value
          }
        }
      }
    `,
    variables: { code: HOSPITAL, from: "2010-01-01", to: "2010-12-31" },
  },
  {
    group: "dashboard builder",
    title: "Dashboard builder: hall KPIs · 看板开发者：大厅指标",
    query: `# Role analyst or window_clerk:
# {"authorization": "Bearer <npm run token -- --role analyst>", "x-access-purpose": "explorer"}
${HALL_KPIS}`,
    variables: { from: "2008-01-01", to: "2010-12-31" },
  },
];
