/**
 * The workbench's operations, typed by GraphQL Code Generator (codegen.mjs) into
 * ../generated/graphql.ts like the dashboard's.
 */

const WORKBENCH_CASE_FRAGMENT = /* GraphQL */ `
  fragment WorkbenchCase on Case {
    id
    itemCode
    status
    window
    ticketNumber
    openedOn
    deadline
    completedOn
    onTime
    overdue
    item {
      name
      timeLimit
    }
    citizen {
      idNumber
    }
  }
`;

const WORKBENCH_TICKET_FRAGMENT = /* GraphQL */ `
  fragment WorkbenchTicket on QueueTicket {
    id
    number
    category
    status
    centre
    window
    takenAt
    calledAt
    priority
  }
`;

/**
 * A person across the departments in ONE query, one alias of `citizen` per department's block: a
 * department that fails nulls its own alias only (its non-null lists would otherwise null the
 * whole person), and an error's path names the block.
 */
export const WORKBENCH_PERSON = /* GraphQL */ `
  query WorkbenchPerson($idNumber: ID!, $taxYear: Int!) {
    labor: citizen(idNumber: $idNumber) {
      idNumber
      name
      gender
      birthDate
      community
      address
      household
      employmentStatus
      assistanceCategories
      statutoryRetirementDate
      employment {
        id
        position
        startDate
        employer {
          creditCode
          name
        }
      }
      unemployment {
        id
        registeredOn
        reason
        status
        closedOn
      }
      retirement {
        retiredOn
        monthlyPension
        approvedAt
      }
      referrals {
        id
        status
        referredOn
        posting {
          id
          title
        }
      }
    }
    insurance: citizen(idNumber: $idNumber) {
      idNumber
      medicalInsurance {
        id
        scheme
        status
        since
        endedOn
        monthlyContribution
        personalAccountBalance
      }
      insuranceClaims(first: 5) {
        totalCount
        edges {
          node {
            id
            visitDate
            totalCost
            hospital {
              name
            }
          }
        }
      }
    }
    tax: citizen(idNumber: $idNumber) {
      idNumber
      taxSummary(year: $taxYear) {
        year
        comprehensiveIncome
        taxDue
        taxWithheld
        balance
        exempt
        late
        amended
      }
    }
    hall: citizen(idNumber: $idNumber) {
      idNumber
      cases(first: 20) {
        totalCount
        edges {
          node {
            ...WorkbenchCase
          }
        }
      }
      queueTickets {
        id
        day
        number
        category
        status
        window
        takenAt
      }
    }
    notices: citizen(idNumber: $idNumber) {
      idNumber
      notifications(first: 5) {
        totalCount
        edges {
          node {
            id
            channel
            templateCode
            text
            status
            createdAt
          }
        }
      }
    }
  }
  ${WORKBENCH_CASE_FRAGMENT}
`;

/** The hall's centres, for the settings. */
export const WORKBENCH_CENTRES = /* GraphQL */ `
  query WorkbenchCentres {
    hallCentres {
      code
      name
      recallWindowMinutes
    }
  }
`;

export const CALL_NEXT = /* GraphQL */ `
  mutation WorkbenchCallNext($input: CallNextTicketInput!) {
    callNextTicket(input: $input) {
      ...WorkbenchTicket
      holder {
        idNumber
      }
    }
  }
  ${WORKBENCH_TICKET_FRAGMENT}
`;

export const RECALL = /* GraphQL */ `
  mutation WorkbenchRecall($input: RecallTicketInput!) {
    recallTicket(input: $input) {
      ...WorkbenchTicket
      holder {
        idNumber
      }
    }
  }
  ${WORKBENCH_TICKET_FRAGMENT}
`;

export const SKIP = /* GraphQL */ `
  mutation WorkbenchSkip($input: SkipTicketInput!) {
    skipTicket(input: $input) {
      ...WorkbenchTicket
    }
  }
  ${WORKBENCH_TICKET_FRAGMENT}
`;

export const TRANSFER = /* GraphQL */ `
  mutation WorkbenchTransfer($input: TransferTicketInput!) {
    transferTicket(input: $input) {
      ...WorkbenchTicket
    }
  }
  ${WORKBENCH_TICKET_FRAGMENT}
`;

/** The service guide: searched on the page (Chinese, code, pinyin initials), so read whole once. */
export const WORKBENCH_ITEMS = /* GraphQL */ `
  query WorkbenchItems {
    serviceItems {
      code
      name
      department
      materials
      timeLimit
      timeLimitDays
      onTheSpot
      fee
    }
  }
`;

export const WORKBENCH_DEADLINE = /* GraphQL */ `
  query WorkbenchDeadline($openedOn: Date!, $itemCode: String!) {
    deadline(openedOn: $openedOn, itemCode: $itemCode) {
      deadline
      timeLimitDays
      official
    }
  }
`;

export const OPEN_CASE = /* GraphQL */ `
  mutation WorkbenchOpenCase($input: OpenCaseInput!) {
    openCase(input: $input) {
      ...WorkbenchCase
    }
  }
  ${WORKBENCH_CASE_FRAGMENT}
`;

export const COMPLETE_CASE = /* GraphQL */ `
  mutation WorkbenchCompleteCase($input: CompleteCaseInput!) {
    completeCase(input: $input) {
      ...WorkbenchCase
    }
  }
  ${WORKBENCH_CASE_FRAGMENT}
`;

export const ESCALATE_CASE = /* GraphQL */ `
  mutation WorkbenchEscalateCase($input: EscalateCaseInput!) {
    escalateCase(input: $input) {
      ...WorkbenchCase
    }
  }
  ${WORKBENCH_CASE_FRAGMENT}
`;

/** One case again (the list of the clerk's open cases is refreshed by number). */
export const WORKBENCH_OPEN_CASES = /* GraphQL */ `
  query WorkbenchOpenCases($centre: String!) {
    centreCases(centre: $centre, first: 100) {
      totalCount
      edges {
        node {
          ...WorkbenchCase
        }
      }
    }
  }
  ${WORKBENCH_CASE_FRAGMENT}
`;

export const REGISTER_CITIZEN = /* GraphQL */ `
  mutation WorkbenchRegisterCitizen($input: RegisterCitizenInput!) {
    registerCitizen(input: $input) {
      idNumber
      name
    }
  }
`;

export const RECORD_EMPLOYMENT = /* GraphQL */ `
  mutation WorkbenchRecordEmployment($input: RecordEmploymentInput!) {
    recordEmployment(input: $input) {
      id
      startDate
    }
  }
`;

export const REGISTER_UNEMPLOYMENT = /* GraphQL */ `
  mutation WorkbenchRegisterUnemployment($input: RegisterUnemploymentInput!) {
    registerUnemployment(input: $input) {
      id
      registeredOn
    }
  }
`;

export const JOB_MATCHES = /* GraphQL */ `
  query WorkbenchJobMatches($idNumber: ID!) {
    citizen(idNumber: $idNumber) {
      idNumber
      jobMatches(first: 5) {
        score
        reasons
        posting {
          id
          title
          salaryMin
          salaryMax
          employer {
            name
          }
        }
      }
    }
  }
`;

export const REFER_JOB = /* GraphQL */ `
  mutation WorkbenchReferJob($input: ReferJobInput!) {
    referJob(input: $input) {
      id
      status
    }
  }
`;

export const SUBMIT_EVALUATION = /* GraphQL */ `
  mutation WorkbenchSubmitEvaluation($input: SubmitEvaluationInput!) {
    submitEvaluation(input: $input) {
      id
      rating
      rectificationId
    }
  }
`;
