/**
 * The domain events the service hall publishes (through its outbox). Payloads are typed in the
 * shared event catalogue; a breaking change gets a new type.
 */
export const HallEvents = {
  caseOpened: "onewindow.hall.case.opened",
  caseCompleted: "onewindow.hall.case.completed",
} as const;
