/**
 * The GraphQL operations of the dashboard and the explorer's saved examples, one list per user
 * group. Only the gateway's public API is used. GraphQL Code Generator (npm run codegen, part of the
 * build) validates every `/* GraphQL *\/` one against the gateway's API schema and types it in
 * src/generated/graphql.ts.
 */

import { shanghaiDay } from "./format";

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
  query HallKpis($from: Date!, $to: Date!, $centre: String, $includeSubordinate: Boolean) {
    hallKpis(from: $from, to: $to, centre: $centre, includeSubordinate: $includeSubordinate) {
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

/** A building station's services by kind over a period (the hall panel's small table). */
export const BUILDING_STATION_TOTALS = /* GraphQL */ `
  query BuildingStationTotals($station: String!, $from: Date!, $to: Date!) {
    enterpriseServiceTotals(station: $station, from: $from, to: $to) {
      station
      from
      to
      services
      companies
      byKind {
        kind
        services
        companies
      }
    }
  }
`;

/**
 * A centre's service stars (服务之星) of a month, by rank, with the badge on their window and the
 * month's own figures the rule ranked them by (window clerk, analyst or administrator).
 */
export const SERVICE_STARS = /* GraphQL */ `
  query ServiceStars($centre: String!, $month: String!) {
    serviceStars(centre: $centre, month: $month) {
      rank
      staffNumber
      score
      badge {
        name
        window
        badges
      }
      kpis {
        casesHandled
        onTimeRate
        evaluations
        satisfactionRate
      }
    }
  }
`;

/** A posting as the job board lists it: the first page's and each pushed one's. */
const JOB_POSTING_ROW = /* GraphQL */ `
  fragment JobPostingRow on JobPosting {
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
`;

/** The queue board as the dashboard and the hall's screen show it. */
const QUEUE_BOARD_VIEW = /* GraphQL */ `
  fragment QueueBoardView on QueueBoard {
    day
    nowCalling {
      id
      number
      window
      category
      calledAt
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
`;

/** Both public boards at once: the explorer's first saved example. */
export const PUBLIC_BOARDS = /* GraphQL */ `
  query PublicBoards {
    jobPostings(first: 10) {
      totalCount
      edges {
        node {
          ...JobPostingRow
        }
      }
    }
    queueBoard {
      ...QueueBoardView
    }
  }
  ${JOB_POSTING_ROW}
  ${QUEUE_BOARD_VIEW}
`;

/** How many postings the dashboard's job board shows: the first page, then the newest pushed ones. */
export const JOB_BOARD_SIZE = 10;

/** The job board's first page; {@link NEW_JOB_POSTINGS} adds to it from then on. */
export const JOB_BOARD = /* GraphQL */ `
  query JobBoard($first: Int!) {
    jobPostings(first: $first) {
      totalCount
      edges {
        node {
          ...JobPostingRow
        }
      }
    }
  }
  ${JOB_POSTING_ROW}
`;

/** Every posting as it is published (public: the dashboard subscribes without a token). */
export const NEW_JOB_POSTINGS = /* GraphQL */ `
  subscription NewJobPostings {
    newJobPostings {
      ...JobPostingRow
    }
  }
  ${JOB_POSTING_ROW}
`;

/**
 * The queue board now, then after every call, recall, missed number, transfer and check-in at
 * `centre` (every centre when null). Public: the hall's screen subscribes without a token.
 */
export const QUEUE_CALLS = /* GraphQL */ `
  subscription QueueCalls($centre: String) {
    queueCalls(centre: $centre) {
      ...QueueBoardView
    }
  }
  ${QUEUE_BOARD_VIEW}
`;

/** The city's service centres with their places in the tree, for the hall panel's centre selector (public). */
export const CENTRE_TREE = /* GraphQL */ `
  query CentreTree {
    hallCentres {
      code
      name
      level
      parentCode
    }
  }
`;

/** The street centres ranked by a KPI over the hall panel's period (analyst or window clerk). */
export const CENTRE_RANKING = /* GraphQL */ `
  query CentreRanking($level: CentreLevel!, $from: Date!, $to: Date!, $metric: CentreRankingMetric!) {
    centreRanking(level: $level, from: $from, to: $to, metric: $metric) {
      rows {
        rank
        value
        casesHandled
        centre {
          code
          name
        }
      }
    }
  }
`;

/** The hall's centres, for the screen's heading (public). */
export const HALL_CENTRES = /* GraphQL */ `
  query HallCentres {
    hallCentres {
      code
      name
    }
  }
`;

/**
 * The employment-aid panel: the street's referrals, hires and hire rate by month and by
 * assistance group, and relief by campaign (granted against budget). Counts and sums only, so an
 * analyst's token reads them.
 */
export const EMPLOYMENT_AID = /* GraphQL */ `
  fragment AidCounts on ReferralCounts {
    referrals
    hires
    hireRate
  }

  query EmploymentAid($from: Date!, $to: Date!) {
    referralStats(from: $from, to: $to) {
      from
      to
      all {
        ...AidCounts
        medianDaysToHire
      }
      byCategory {
        category
        ...AidCounts
      }
      byMonth {
        month
        all {
          ...AidCounts
        }
      }
    }
    reliefCampaigns {
      id
      name
      openedAt
      budget
      granted
      grants
    }
  }
`;

/** The last twelve calendar months up to today (in Shanghai, whatever the browser's zone): the employment-aid panel's period. */
export function lastTwelveMonths(now = new Date()): { from: string; to: string } {
  const to = shanghaiDay(now);
  const [year, month] = to.split("-").map(Number) as [number, number];
  return { from: new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10), to };
}

/**
 * Residents of the demo data (npm start seeds them; `demoPerson(i)` of @onewindow/contracts/demo),
 * with ID numbers that pass the platform's checkIdNumber: a registered unemployed woman of the
 * "4050" group (i = 358), an employed woman (i = 42) and a retiree (i = 70).
 */
export const DEMO_JOB_SEEKER = "330112198211241001";
export const DEMO_EMPLOYEE = "330108199311021006";
export const DEMO_RETIREE = "330110194101311012";
/** A company of the demo data (`demoEmployer(0)`, 杭州之江五金有限公司), one of 物产大厦's. */
export const DEMO_COMPANY = "91330102100000008A";

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
    // The demo seeding files last year's returns, the latest year that can be reconciled.
    variables: { idNumber: DEMO_EMPLOYEE, year: Number(shanghaiDay().slice(0, 4)) - 1 },
  },
  {
    group: "clerk",
    title: "Clerk: job-seeker profile · 窗口人员：求职登记",
    query: /* GraphQL */ `
      # Employment aid at the window (送岗位), step 1: what the person offers and looks for.
      # Role window_clerk (or labor_officer); put a token and a purpose in the Headers tab:
      # {"authorization": "Bearer <npm run token -- --role window_clerk>", "x-access-purpose": "窗口 A012 求职登记"}
      mutation JobSeekerProfile($input: UpdateJobSeekerProfileInput!) {
        updateJobSeekerProfile(input: $input) {
          skills
          desiredIndustries
          desiredMinSalary
          preferredDistricts
          availability
          updatedAt
        }
      }
    `,
    variables: {
      input: {
        idNumber: DEMO_JOB_SEEKER,
        skills: ["健康证", "收银"],
        educationLevel: "SENIOR_HIGH",
        desiredIndustries: ["批发和零售业", "居民服务业"],
        desiredMinSalary: 4000,
        preferredDistricts: ["上城区"],
        availability: "IMMEDIATE",
      },
    },
  },
  {
    group: "clerk",
    title: "Clerk: matches with reasons · 窗口人员：岗位匹配与理由",
    query: /* GraphQL */ `
      # Step 2: open postings whose hard requirements (age, education, a lawful gender ground) the
      # person meets and that have a vacancy left, best first, with reasons to read aloud.
      # Role window_clerk or labor_officer, with a purpose:
      # {"authorization": "Bearer <npm run token -- --role window_clerk>", "x-access-purpose": "窗口 A012 送岗位"}
      query JobSeekerMatches($idNumber: ID!) {
        citizen(idNumber: $idNumber) {
          name
          employmentStatus
          assistanceCategories
          unemployment {
            registeredOn
            status
          }
          jobSeekerProfile {
            skills
            desiredIndustries
            desiredMinSalary
          }
          jobMatches(first: 5) {
            score
            reasons
            posting {
              id
              title
              salaryMin
              salaryMax
              vacancies
              employer {
                name
              }
            }
          }
          referrals {
            id
            status
            referredOn
            posting {
              title
            }
          }
        }
      }
    `,
    variables: { idNumber: DEMO_JOB_SEEKER },
  },
  {
    group: "clerk",
    title: "Clerk: refer to a posting · 窗口人员：推荐岗位",
    query: /* GraphQL */ `
      # Step 3: send the person to one of the matches (its posting id). BAD_USER_INPUT when a hard
      # requirement is not met or no vacancy is left. Role window_clerk or labor_officer, with a purpose:
      # {"authorization": "Bearer <npm run token -- --role window_clerk>", "x-access-purpose": "窗口 A012 送岗位"}
      mutation ReferJob($input: ReferJobInput!) {
        referJob(input: $input) {
          id
          status
          referredOn
          posting {
            title
            employer {
              name
            }
          }
        }
      }
    `,
    variables: { input: { idNumber: DEMO_JOB_SEEKER, postingId: "1", note: "本人意向强，可立即到岗" } },
  },
  {
    group: "clerk",
    title: "Clerk: record the outcome · 窗口人员：登记推荐结果",
    query: /* GraphQL */ `
      # Step 4: what came of the referral (its id from step 3). HIRED needs the first day of work and
      # records the job: the unemployment registration closes, medical insurance moves to the
      # employer, the benefit stops. REJECTED, NO_SHOW and WITHDRAWN give the vacancy back.
      # Role window_clerk or labor_officer, with a purpose:
      # {"authorization": "Bearer <npm run token -- --role window_clerk>", "x-access-purpose": "窗口 A012 推荐回访"}
      mutation RecordReferralOutcome($input: RecordReferralOutcomeInput!) {
        recordReferralOutcome(input: $input) {
          id
          status
          outcomeOn
          startDate
          outcomeNote
        }
      }
    `,
    variables: { input: { referralId: "1", outcome: "REJECTED", note: "用人单位未录用" } },
  },
  {
    group: "clerk",
    title: "Clerk: unemployment benefit · 窗口人员：失业保险金",
    query: /* GraphQL */ `
      # Whether the person is entitled (失业保险条例 第十四条), for how many months and how much, with
      # the reasons in Chinese. Role window_clerk or labor_officer, with a purpose:
      # {"authorization": "Bearer <npm run token -- --role window_clerk>", "x-access-purpose": "窗口 A012 失业保险金"}
      query UnemploymentBenefitAtTheWindow($idNumber: ID!) {
        citizen(idNumber: $idNumber) {
          name
          unemploymentBenefit {
            eligible
            reasons
            insuredMonths
            entitlementMonths
            monthlyAmount
            amountSource
            claimed
            monthsPaid
            monthsLeft
          }
        }
      }
    `,
    variables: { idNumber: DEMO_JOB_SEEKER },
  },
  {
    group: "clerk",
    title: "Clerk: claim the benefit · 窗口人员：申领失业保险金",
    query: /* GraphQL */ `
      # Takes the claim when the person is eligible (the answer says why not otherwise); paid monthly
      # from the month of the claim. Role window_clerk or labor_officer, with a purpose:
      # {"authorization": "Bearer <npm run token -- --role window_clerk>", "x-access-purpose": "窗口 A012 申领失业保险金"}
      mutation ClaimUnemploymentBenefit($input: ClaimUnemploymentBenefitInput!) {
        claimUnemploymentBenefit(input: $input) {
          eligible
          reasons
          claimed
          claimedOn
          entitlementMonths
          monthlyAmount
        }
      }
    `,
    variables: { input: { idNumber: DEMO_JOB_SEEKER } },
  },
  {
    group: "labor officer",
    title: "Labor officer: monthly benefit run · 劳动保障员：失业保险金按月发放",
    query: /* GraphQL */ `
      # Pays the month's benefit to every open claim; run twice, it pays once. Role labor_officer:
      # {"authorization": "Bearer <npm run token -- --role labor_officer>", "x-access-purpose": "失业保险金月度发放"}
      mutation RunBenefitPayments($month: String!) {
        runBenefitPayments(month: $month) {
          month
          paid
          alreadyPaid
          stopped
          amount
        }
      }
    `,
    variables: { month: lastTwelveMonths().to.slice(0, 7) },
  },
  {
    group: "clerk",
    title: "Clerk: relief campaigns · 窗口人员：送温暖、送清凉",
    query: /* GraphQL */ `
      # The campaigns for retirees in hardship with budget and what they granted, and one
      # retiree's grants. Granting (grantRelief) is the labor officer's. Role window_clerk, with a purpose:
      # {"authorization": "Bearer <npm run token -- --role window_clerk>", "x-access-purpose": "窗口 A015 送温暖咨询"}
      query Relief($idNumber: ID!) {
        reliefCampaigns {
          id
          name
          budget
          granted
          grants
          remaining
        }
        citizen(idNumber: $idNumber) {
          name
          reliefGrants {
            amount
            ground
            grantedOn
            campaign {
              name
            }
          }
        }
      }
    `,
    // A retiree of the demo data with a low pension.
    variables: { idNumber: DEMO_RETIREE },
  },
  {
    group: "clerk",
    title: "Clerk or analyst: the street's referral figures · 送岗位统计",
    query: /* GraphQL */ `
      # Referrals, hires and hire rate over a period, by assistance group and by month: counts only
      # (the demo's referrals are generated, not the street's). Role window_clerk, labor_officer or analyst:
      # {"authorization": "Bearer <npm run token -- --role analyst>", "x-access-purpose": "explorer"}
      query ReferralFigures($from: Date!, $to: Date!) {
        referralStats(from: $from, to: $to) {
          all {
            referrals
            hires
            hireRate
            medianDaysToHire
          }
          byCategory {
            category
            referrals
            hires
            hireRate
          }
          byMonth {
            month
            all {
              referrals
              hires
              hireRate
            }
          }
        }
      }
    `,
    variables: lastTwelveMonths(),
  },
  {
    group: "clerk",
    title: "Clerk: courses, enrolment and result · 窗口人员：送培训",
    query: /* GraphQL */ `
      # The street's subsidised courses are public; enrolling and recording a result need window_clerk
      # or labor_officer with a purpose. A pass with a certificate puts the course's skill tags on the
      # profile, and the matches then say 技能匹配：….
      # {"authorization": "Bearer <npm run token -- --role window_clerk>", "x-access-purpose": "窗口 A012 送培训"}
      query TrainingCourses($filter: TrainingCourseFilter) {
        trainingCourses(filter: $filter, first: 10) {
          totalCount
          edges {
            node {
              id
              provider
              title
              trade
              certificates
              startDate
              endDate
              seatsLeft
              subsidy
              subsidySource
            }
          }
        }
      }

      mutation EnrolInTraining($enrol: EnrolInTrainingInput!) {
        enrolInTraining(input: $enrol) {
          id
          status
          course {
            title
            startDate
          }
        }
      }

      mutation RecordTrainingResult($result: RecordTrainingResultInput!) {
        recordTrainingResult(input: $result) {
          id
          status
          certificate
        }
      }
    `,
    variables: {
      filter: { open: true },
      enrol: { idNumber: DEMO_JOB_SEEKER, courseId: "1" },
      result: { enrolmentId: "1", passed: true, certificate: "低压电工作业证" },
    },
  },
  {
    group: "clerk",
    title: "Clerk: this month's outreach · 窗口人员：民情直通车",
    query: /* GraphQL */ `
      # A community's assistance groups, who has waited longest since the last contact first, with
      # what is due for each (a match not yet referred, a course that fits, a benefit not claimed);
      # then record the contact. Role window_clerk or labor_officer, with a purpose:
      # {"authorization": "Bearer <npm run token -- --role window_clerk>", "x-access-purpose": "民情直通车 走访"}
      query OutreachList($community: String!) {
        outreachList(community: $community, category: FORTY_FIFTY, first: 20) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              citizen {
                idNumber
                name
              }
              lastContactOn
              waitingDays
              due {
                kind
                text
              }
            }
          }
        }
      }

      mutation RecordOutreachVisit($visit: RecordOutreachVisitInput!) {
        recordOutreachVisit(input: $visit) {
          visitedOn
          kind
          channel
        }
      }
    `,
    variables: {
      community: "濮家社区",
      visit: { idNumber: DEMO_JOB_SEEKER, kind: "POLICY", channel: "VISIT", outcome: "已讲解失业保险金政策" },
    },
  },
  {
    group: "centre director",
    title: "Centre director: the centre's figures, stars and windows · 中心主任：本中心指标、服务之星与窗口公示",
    query: /* GraphQL */ `
      # A street centre's director: the centre with its community and building stations
      # (includeSubordinate), the month's service stars (服务之星, the rule is in serviceStars' description),
      # what each window shows the public (亮身份、亮职责、亮承诺) and the open cases, escalated ones
      # from the stations included; then one clerk's own figures. Role analyst (staffKpis and
      # serviceStars also window_clerk or admin); staffBadges is public:
      # {"authorization": "Bearer <npm run token -- --role analyst>", "x-access-purpose": "explorer"}
      query DirectorCentre($centre: String!, $from: Date!, $to: Date!, $month: String!) {
        hallKpis(centre: $centre, from: $from, to: $to, includeSubordinate: true) {
          casesHandled
          onTimeRate
          onSiteRate
          satisfactionRate
          ticketsCalled
        }
        serviceStars(centre: $centre, month: $month) {
          rank
          staffNumber
          score
          badge {
            name
            window
            badges
          }
          kpis {
            casesHandled
            onTime
            evaluations
            satisfactionRate
          }
        }
        staffBadges(centre: $centre) {
          window
          name
          badges
          duties
          commitments
        }
        centreCases(centre: $centre, first: 10) {
          totalCount
          edges {
            node {
              id
              itemCode
              deadline
              escalatedFrom
              staffNumber
            }
          }
        }
      }

      query DirectorStaffKpis($staffNumber: String!, $from: Date!, $to: Date!) {
        staffKpis(staffNumber: $staffNumber, from: $from, to: $to) {
          casesHandled
          onTimeRate
          onSiteRate
          evaluations
          unsatisfied
          satisfactionRate
          ticketsCalled
        }
      }
    `,
    // The Kaixuan demo records run to the end of 2010; KX01 is window 01's clerk.
    variables: { centre: "KAIXUAN", from: "2010-01-01", to: "2010-12-31", month: "2010-12", staffNumber: "KX01" },
  },
  {
    group: "centre director",
    title: "Centre director: commitments and their review · 中心主任：承诺台账与践诺评诺",
    query: /* GraphQL */ `
      # The commitments ledger (亮承诺, 践诺评诺): a clerk's record with each commitment's id and
      # reviews, a new commitment, a review of one (kept or not, by whom). The staff records and
      # the ledger are kept with the administrator's token; analysts may read the record too:
      # {"authorization": "Bearer <npm run token -- --role admin>", "x-access-purpose": "explorer"}
      query StaffCommitments($staffNumber: String!) {
        windowStaff(staffNumber: $staffNumber) {
          name
          window
          badges
          commitments {
            id
            text
            madeOn
            reviews {
              kept
              reviewer
              note
              reviewedOn
            }
          }
        }
      }

      mutation RecordCommitment($commitment: RecordCommitmentInput!) {
        recordCommitment(input: $commitment) {
          id
          text
          madeOn
        }
      }

      mutation ReviewCommitment($review: ReviewCommitmentInput!) {
        reviewCommitment(input: $review) {
          id
          commitmentId
          kept
          reviewer
          reviewedOn
        }
      }
    `,
    variables: {
      staffNumber: "KX01",
      commitment: { staffNumber: "KX01", text: "社保缴费基数核定当场办结，不让群众跑第二趟" },
      review: { commitmentId: "1", kept: true, reviewer: "中心主任", note: "本月抽查办件均当场办结" },
    },
  },
  {
    group: "centre director",
    title: "Centre director: leader review against the window standard · 中心主任：领导评议",
    query: /* GraphQL */ `
      # An assessment against the current window standard (4 categories, 17 targets, 38 points; see
      # assessmentStandard): open it, score each point (a score below the point's bar opens a
      # rectification item in the ledger), complete it, read the centre's report. LEADER, PEER and
      # the patrols and bulletins need analyst; SELF is the window clerk's (the station worker's tab):
      # {"authorization": "Bearer <npm run token -- --role analyst>", "x-access-purpose": "explorer"}
      mutation OpenLeaderReview($open: OpenAssessmentInput!) {
        openAssessment(input: $open) {
          id
          period
          standardVersion
          status
        }
      }

      mutation ScoreAssessmentPoint($score: ScoreAssessmentPointInput!) {
        scoreAssessmentPoint(input: $score) {
          scoredPoints
          total
          belowBar
        }
      }

      mutation CompleteAssessment($assessmentId: ID!) {
        completeAssessment(assessmentId: $assessmentId) {
          status
          total
          completedOn
        }
      }

      query AssessmentReport($centre: String!, $period: String!) {
        assessmentReport(centre: $centre, period: $period) {
          completed
          open
          total
          belowBar
          categories {
            code
            name
            weight
            score
            rate
          }
          openRectifications {
            id
            description
            deadline
          }
        }
      }
    `,
    variables: {
      open: { centre: "KAIXUAN", period: lastTwelveMonths().to.slice(0, 7), kind: "LEADER" },
      score: { assessmentId: "1", point: "P01", score: 2, note: "窗口公示牌信息齐全" },
      assessmentId: "1",
      centre: "KAIXUAN",
      period: lastTwelveMonths().to.slice(0, 4),
    },
  },
  {
    group: "district officer",
    title: "District officer: the district's figures and rankings · 区级管理人员：全区指标与排名",
    query: /* GraphQL */ `
      # A district is the sum of its centres' rows (includeSubordinate); its streets ranked by a KPI
      # and by their window-standard assessments (centres without a completed one come last,
      # unplaced). Role analyst:
      # {"authorization": "Bearer <npm run token -- --role analyst>", "x-access-purpose": "explorer"}
      query DistrictOverview(
        $district: String!
        $from: Date!
        $to: Date!
        $metric: CentreRankingMetric!
        $period: String!
      ) {
        hallKpis(centre: $district, from: $from, to: $to, includeSubordinate: true) {
          casesHandled
          onTimeRate
          onSiteRate
          satisfactionRate
        }
        centreRanking(level: STREET, from: $from, to: $to, metric: $metric) {
          rows {
            rank
            value
            casesHandled
            centre {
              code
              name
              parentCode
            }
          }
        }
        assessmentRanking(level: STREET, period: $period) {
          rank
          name
          completed
          total
        }
      }
    `,
    variables: {
      district: "JIANGGAN",
      from: "2010-01-01",
      to: "2010-12-31",
      metric: "SATISFACTION_RATE",
      period: lastTwelveMonths().to.slice(0, 4),
    },
  },
  {
    group: "district officer",
    title:
      "District officer: overdue mediation, station services, a patrol · 区级管理人员：超期调解、楼宇服务站与日巡查",
    query: /* GraphQL */ `
      # Mediation cases past their 15-day limit (劳动争议调解仲裁法第十四条): the parties may apply
      # for arbitration. A building station's services by kind (物产大厦 2010: 120 / 420 / 115). A
      # day's patrol (日巡查) of a centre, scored as in the director's leader review. Role analyst
      # (labor_officer also reads the mediation cases):
      # {"authorization": "Bearer <npm run token -- --role analyst>", "x-access-purpose": "explorer"}
      query DistrictFollowUp($station: String!, $from: Date!, $to: Date!) {
        overdueMediationCases(first: 20) {
          totalCount
          edges {
            node {
              id
              centre
              matter
              appliedOn
              dueOn
              sessionCount
            }
          }
        }
        enterpriseServiceTotals(station: $station, from: $from, to: $to) {
          services
          companies
          byKind {
            kind
            services
            companies
          }
        }
      }

      mutation OpenPatrol($patrol: OpenAssessmentInput!) {
        openAssessment(input: $patrol) {
          id
          kind
          period
          status
        }
      }
    `,
    variables: {
      station: "WUCHAN",
      from: "2010-01-01",
      to: "2010-12-31",
      patrol: { centre: "CAIHE", period: lastTwelveMonths().to, kind: "PATROL" },
    },
  },
  {
    group: "station worker",
    title: "Station worker: a company's service · 楼宇服务站工作人员：企业服务登记",
    query: /* GraphQL */ `
      # At 物产大厦's station (六进服务): a service given to one of the building's companies, by the
      # worker who gave it, then the station's totals. Role window_clerk, signed in as the worker:
      # {"authorization": "Bearer <npm run token -- --role window_clerk --user WC0301>", "x-access-purpose": "楼宇服务站 企业服务"}
      mutation RecordEnterpriseService($service: RecordEnterpriseServiceInput!) {
        recordEnterpriseService(input: $service) {
          id
          kind
          date
          staffNumber
          company {
            name
          }
        }
      }

      query StationServiceTotals($station: String!, $from: Date!, $to: Date!) {
        enterpriseServiceTotals(station: $station, from: $from, to: $to) {
          services
          companies
          byKind {
            kind
            services
          }
        }
      }
    `,
    variables: {
      service: {
        creditCode: DEMO_COMPANY,
        kind: "COMPLIANCE_REVIEW",
        date: lastTwelveMonths().to,
        staffNumber: "WC0301",
        note: "劳动合同签订情况书面审查",
      },
      station: "WUCHAN",
      from: lastTwelveMonths().from,
      to: lastTwelveMonths().to,
    },
  },
  {
    group: "station worker",
    title: "Station worker: inspection and mediation · 服务站工作人员：劳动保障监察与争议调解",
    query: /* GraphQL */ `
      # A complaint or routine inspection of an employer (劳动保障监察), and a worker's mediation
      # application (劳动争议调解: 15 days from receipt). The mediation case names the worker, so
      # it is a read of the person: give a purpose. Role window_clerk (or labor_officer):
      # {"authorization": "Bearer <npm run token -- --role window_clerk --user WC0303>", "x-access-purpose": "楼宇服务站 劳动争议调解"}
      mutation OpenInspectionCase($inspection: OpenInspectionCaseInput!) {
        openInspectionCase(input: $inspection) {
          id
          kind
          status
          openedOn
        }
      }

      mutation OpenMediationCase($mediation: OpenMediationCaseInput!) {
        openMediationCase(input: $mediation) {
          id
          status
          appliedOn
          dueOn
          worker {
            name
          }
        }
      }
    `,
    variables: {
      inspection: {
        centre: "WUCHAN",
        creditCode: DEMO_COMPANY,
        kind: "ROUTINE",
        subject: "劳动合同签订与工资支付情况",
      },
      mediation: {
        centre: "WUCHAN",
        workerIdNumber: DEMO_EMPLOYEE,
        creditCode: DEMO_COMPANY,
        claim: 3200,
        matter: "拖欠2个月加班工资",
      },
    },
  },
  {
    group: "station worker",
    title: "Station worker: escalate, self review · 服务站工作人员：站站互通与自评",
    query: /* GraphQL */ `
      # A station's open cases, one escalated to its street centre (站站互通: the deadline stays; a
      # community station's work the same way), and the station's self review (自评) against the
      # window standard, scored as in the director's leader review. Role window_clerk; a clerk with
      # a staff record self-reviews only their own centre:
      # {"authorization": "Bearer <npm run token -- --role window_clerk --user WC0302>", "x-access-purpose": "服务站 站站互通"}
      query StationCases($station: String!) {
        centreCases(centre: $station, first: 10) {
          totalCount
          edges {
            node {
              id
              itemCode
              openedOn
              deadline
            }
          }
        }
      }

      mutation EscalateCase($escalate: EscalateCaseInput!) {
        escalateCase(input: $escalate) {
          id
          centre
          escalatedFrom
          escalatedOn
          deadline
        }
      }

      mutation OpenSelfReview($self: OpenAssessmentInput!) {
        openAssessment(input: $self) {
          id
          period
          status
        }
      }
    `,
    variables: {
      station: "WUCHAN",
      // One of the station's open cases (the demo's are all completed: open one with
      // openCase(input: { centre: "WUCHAN", … }) or at the workbench first).
      escalate: { caseId: "1" },
      self: { centre: "WUCHAN", period: lastTwelveMonths().to.slice(0, 7), kind: "SELF" },
    },
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
