/**
 * The one catalogue of domain events: every type, the department that publishes it, the
 * version of its payload, and the payload's shape. A breaking payload change gets a new
 * version (and consumers handle both until the old one is gone).
 */

/** A department and the JetStream stream its events go to. */
export type Department = "labor" | "insurance" | "tax" | "hospital" | "hall";

/** The payload of each event type (version 1). Money is integer fen, dates YYYY-MM-DD. */
export interface EventPayloads {
  "onewindow.labor.citizen.registered": { idNumber: string; name: string; birthDate: string; gender: string };
  "onewindow.labor.employer.registered": { creditCode: string; name: string; industry: string | null };
  "onewindow.labor.employment.recorded": {
    idNumber: string;
    creditCode: string;
    startDate: string;
    position: string | null;
    /** True when this job closed an open unemployment registration. */
    unemploymentClosed: boolean;
  };
  "onewindow.labor.unemployment.registered": { idNumber: string; registeredOn: string; reason: string | null };
  "onewindow.labor.retirement.approved": { idNumber: string; retiredOn: string; monthlyPensionFen: number | null };
  "onewindow.labor.job.posted": { id: number; creditCode: string; title: string; vacancies: number };
  "onewindow.insurance.enrolment.changed": {
    idNumber: string;
    scheme: string;
    creditCode: string | null;
    since: string;
    monthlyContributionFen: number;
    employerMonthlyContributionFen: number;
    previous: { scheme: string; creditCode: string | null; endedOn: string } | null;
  };
  "onewindow.insurance.claim.submitted": {
    id: number;
    idNumber: string;
    hospitalCode: string;
    visitDate: string;
    totalCostFen: number;
    drugCostFen: number;
  };
  "onewindow.tax.return.filed": Record<string, unknown>;
  "onewindow.tax.withholding.filed": Record<string, unknown>;
  "onewindow.tax.pension.recorded": {
    idNumber: string;
    year: number;
    amountFen: number;
    exempt: boolean;
    source: string;
  };
  "onewindow.hospital.hospital.registered": Record<string, unknown>;
  "onewindow.hospital.outpatient.recorded": Record<string, unknown>;
  "onewindow.hospital.inpatient.discharged": {
    stayId: number;
    hospitalCode: string;
    patientIdNumber: string | null;
    department: string;
    admittedOn: string;
    dischargedOn: string;
    totalCostFen: number;
    drugCostFen: number;
  };
  "onewindow.hospital.followup.recorded": Record<string, unknown>;
  "onewindow.hospital.evaluation.submitted": Record<string, unknown>;
  /**
   * The service hall opened a case. `departments` are the departments whose own events confirm
   * their part of it (a retirement needs labor, insurance and tax); empty for a case the window
   * handles alone.
   */
  "onewindow.hall.case.opened": {
    caseId: number;
    idNumber: string;
    itemCode: string;
    itemName: string;
    window: string;
    openedOn: string;
    deadline: string;
    departments: CaseTaskDepartment[];
  };
  /** A case was completed: by the clerk, or by the last department confirming its task. */
  "onewindow.hall.case.completed": {
    caseId: number;
    idNumber: string;
    itemCode: string;
    openedOn: string;
    completedOn: string;
    deadline: string;
    onTime: boolean;
    /** Who completed it: the window clerk, or the department whose confirmation was the last. */
    completedBy: "window" | CaseTaskDepartment;
  };
}

/** The departments a service-hall case can wait for (a task each). */
export type CaseTaskDepartment = "labor" | "insurance" | "tax";

/** Every event type in the catalogue. */
export type EventType = keyof EventPayloads;

/** Payload versions; the envelope carries it so a consumer can tell old from new. */
export const EVENT_VERSION = 1;

/** The department (and so the stream) an event type belongs to: its second dotted segment. */
export function departmentOf(type: string): Department {
  const department = type.split(".")[1];
  if (!["labor", "insurance", "tax", "hospital", "hall"].includes(department)) {
    throw new Error(`event type ${type} names no department of the catalogue`);
  }
  return department as Department;
}

/**
 * The service that owns each department's events: the only one whose NATS credentials may
 * publish under `<prefix>.<department>.>` and whose key must have signed them (an event of
 * another `source` is refused by every consumer).
 */
export const EVENT_PUBLISHERS: Readonly<Record<Department, string>> = {
  labor: "labor-security",
  insurance: "medical-insurance",
  tax: "tax",
  hospital: "hospital-quality",
  hall: "service-hall",
};
