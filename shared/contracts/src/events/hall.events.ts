/** The events the service hall publishes. */
export const HallEvents = {
  caseOpened: "onewindow.hall.case.opened",
  caseCompleted: "onewindow.hall.case.completed",
} as const;

/** The departments a service-hall case can wait for (a task each). */
export type CaseTaskDepartment = "labor" | "insurance" | "tax";

/** Their payloads (version 1). Dates are YYYY-MM-DD. */
export interface HallEventPayloads {
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
