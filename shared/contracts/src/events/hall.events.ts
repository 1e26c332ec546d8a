/** The events the service hall publishes. */
export const HallEvents = {
  caseOpened: "onewindow.hall.case.opened",
  caseCompleted: "onewindow.hall.case.completed",
  caseEscalated: "onewindow.hall.case.escalated",
  ticketCalled: "onewindow.hall.ticket.called",
  ticketSkipped: "onewindow.hall.ticket.skipped",
  ticketRecalled: "onewindow.hall.ticket.recalled",
  ticketTransferred: "onewindow.hall.ticket.transferred",
  ticketNear: "onewindow.hall.ticket.near",
  appointmentBooked: "onewindow.hall.appointment.booked",
  appointmentCancelled: "onewindow.hall.appointment.cancelled",
  appointmentArrived: "onewindow.hall.appointment.arrived",
  inspectionOpened: "onewindow.hall.inspection.opened",
  inspectionExamined: "onewindow.hall.inspection.examined",
  inspectionOrdered: "onewindow.hall.inspection.ordered",
  inspectionClosed: "onewindow.hall.inspection.closed",
  mediationOpened: "onewindow.hall.mediation.opened",
  mediationHeard: "onewindow.hall.mediation.heard",
  mediationClosed: "onewindow.hall.mediation.closed",
} as const;

/**
 * A queue ticket as the hall's events name it: keys and numbers only, never a person, so that a
 * queue screen may subscribe. `category` is the hall's line of business (LABOR_SECURITY, TAX …),
 * `centre` the service centre's code, `at` the instant (ISO 8601).
 */
export interface HallTicketEvent {
  ticketId: number;
  number: string;
  category: string;
  centre: string;
  day: string;
  at: string;
}

/** An appointment as the hall's events name it: keys and the slot only, never the person who booked it. */
export interface HallAppointmentEvent {
  appointmentId: number;
  itemCode: string;
  centre: string;
  /** The slot's day (YYYY-MM-DD) and its start and end (HH:MM, the hall's time zone). */
  day: string;
  startTime: string;
  endTime: string;
}

/**
 * A labor inspection case (劳动保障监察) as it stands after the change the event reports: every
 * inspection event carries the whole case, and `revision` counts its changes, so a consumer keeps
 * the newest it has seen whatever order the events arrive in. The complainant is never named:
 * the inspectorate keeps who complained confidential (《劳动保障监察条例》第九条：“并为举报人保密”).
 */
export interface HallInspectionEvent {
  inspectionId: number;
  centre: string;
  creditCode: string;
  kind: "COMPLAINT" | "ROUTINE";
  status: "OPEN" | "RECTIFYING" | "CLOSED";
  openedOn: string;
  /** Null until the findings are recorded. */
  violationFound: boolean | null;
  /** The rectification order's deadline (working days counted by the hall's calendar); null without one. */
  rectificationDeadline: string | null;
  closedOn: string | null;
  revision: number;
}

/**
 * A labor dispute mediation case (劳动争议调解) as it stands after the change the event reports,
 * whole, with `revision` as for inspections. A person event: `idNumber` is the worker's, and
 * the subject. `dueOn` is the last day of the 15-day mediation limit (劳动争议调解仲裁法第十四条).
 */
export interface HallMediationEvent {
  mediationId: number;
  centre: string;
  idNumber: string;
  creditCode: string;
  claimFen: number;
  appliedOn: string;
  dueOn: string;
  sessions: number;
  status: "OPEN" | "CLOSED";
  outcome: "AGREEMENT" | "FAILED_REFERRED_TO_ARBITRATION" | "WITHDRAWN" | null;
  closedOn: string | null;
  revision: number;
}

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
  /**
   * A community or building station escalated an open case to its street centre (站站互通):
   * the case now belongs to `toCentre`, its deadline unchanged. Centres by code.
   */
  "onewindow.hall.case.escalated": {
    caseId: number;
    idNumber: string;
    itemCode: string;
    fromCentre: string;
    toCentre: string;
    escalatedOn: string;
    deadline: string;
  };
  /** A window called a ticket (`callNextTicket`). */
  "onewindow.hall.ticket.called": HallTicketEvent & { window: string };
  /** A called ticket's holder did not come (过号); it may be recalled within the centre's recall window. */
  "onewindow.hall.ticket.skipped": HallTicketEvent & { window: string; recallUntil: string };
  /** A skipped ticket was called again to a window within the recall window. */
  "onewindow.hall.ticket.recalled": HallTicketEvent & { window: string };
  /** A ticket moved to another category's line; `number` is its new number, `fromNumber` the old. */
  "onewindow.hall.ticket.transferred": HallTicketEvent & { fromCategory: string; fromNumber: string };
  /**
   * A person event, unlike the ticket events above: a call left the ticket of a known holder
   * (an appointment's check-in, or a citizen signed in at the machine) with `ahead` tickets
   * (three) before it in its category's calling order. Once per ticket; subject the holder.
   * `centreName` is the centre as a person reads it (凯旋街道综合服务中心).
   */
  "onewindow.hall.ticket.near": {
    ticketId: number;
    number: string;
    category: string;
    centre: string;
    centreName: string;
    idNumber: string;
    ahead: number;
  };
  /** A slot was booked (by the citizen or a clerk for them). */
  "onewindow.hall.appointment.booked": HallAppointmentEvent;
  /** A booking was cancelled before its slot; the place is free again. */
  "onewindow.hall.appointment.cancelled": HallAppointmentEvent;
  /** The person checked in and got a queue ticket, called at the slot's start ahead of walk-ins. */
  "onewindow.hall.appointment.arrived": HallAppointmentEvent & { ticketId: number; number: string };
  /** An inspection case was opened on an employer: a complaint (举报投诉) or a routine inspection. */
  "onewindow.hall.inspection.opened": HallInspectionEvent;
  /** The inspection's findings were recorded (a violation found or not). */
  "onewindow.hall.inspection.examined": HallInspectionEvent;
  /** A rectification order (责令改正) was issued with its deadline. */
  "onewindow.hall.inspection.ordered": HallInspectionEvent;
  /** The inspection case was closed. */
  "onewindow.hall.inspection.closed": HallInspectionEvent;
  /** A mediation application was received between a worker and an employer. */
  "onewindow.hall.mediation.opened": HallMediationEvent;
  /** A mediation session was held. */
  "onewindow.hall.mediation.heard": HallMediationEvent;
  /** The mediation case was closed: an agreement, failed and referred to arbitration, or withdrawn. */
  "onewindow.hall.mediation.closed": HallMediationEvent;
}
