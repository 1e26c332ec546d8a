import { registerEnumType } from "type-graphql";

export enum CaseStatus {
  OPEN = "OPEN",
  COMPLETED = "COMPLETED",
}
registerEnumType(CaseStatus, {
  name: "CaseStatus",
  description: "Where a case stands.",
  valuesConfig: {
    OPEN: { description: "Accepted and not yet completed (a multi-department case also waits for its tasks)." },
    COMPLETED: { description: "Completed (办结)." },
  },
});

export enum CaseTaskStatus {
  PENDING = "PENDING",
  CONFIRMED = "CONFIRMED",
}
registerEnumType(CaseTaskStatus, {
  name: "CaseTaskStatus",
  description: "Whether a department has confirmed its part of a case.",
  valuesConfig: {
    PENDING: { description: "Waiting for the department's event." },
    CONFIRMED: { description: "The department's event arrived." },
  },
});

/** The departments a task can wait for: the event catalogue's publishers. */
export enum CaseTaskDepartmentName {
  LABOR = "labor",
  INSURANCE = "insurance",
  TAX = "tax",
}
registerEnumType(CaseTaskDepartmentName, {
  name: "CaseTaskDepartment",
  description: "A department that confirms its part of a multi-department case through its own events.",
  valuesConfig: {
    LABOR: { description: "Labor security: confirms with onewindow.labor.retirement.approved." },
    INSURANCE: {
      description: "Medical insurance: confirms with onewindow.insurance.enrolment.changed to the RETIREE scheme.",
    },
    TAX: { description: "Tax: confirms with onewindow.tax.pension.recorded." },
  },
});
