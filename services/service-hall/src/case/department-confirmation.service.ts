import type { EntityManager } from "typeorm";
import { findOneForUpdate, today, type Clock, type EventEnvelope, type EventPublisher } from "@onewindow/platform";
import { completeCaseIn } from "./case-completion";
import { HallCase } from "./case.entity";
import { CaseStatus, CaseTaskDepartmentName, CaseTaskStatus } from "./case.enums";
import { CaseTask } from "./case-task.entity";

/**
 * Confirms a department's pending tasks for a citizen from that department's own event, inside
 * the event's inbox transaction; completes each case whose last task this was. An event about a
 * citizen with no pending task of that department changes nothing.
 */
export class DepartmentConfirmationService {
  constructor(
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async confirm(tx: EntityManager, department: CaseTaskDepartmentName, event: EventEnvelope): Promise<HallCase[]> {
    const idNumber = (event.data as { idNumber?: string }).idNumber ?? event.subject;
    // In case order, so that two departments' handlers lock shared cases in the same order.
    const tasks = await tx.find(CaseTask, {
      where: { idNumber, department, status: CaseTaskStatus.PENDING },
      order: { caseId: "ASC" },
    });
    // The day the department acted, not the day the hall heard: a replayed event gives the same day.
    const day = today(new Date(event.occurredAt));
    const completed: HallCase[] = [];
    for (const task of tasks) {
      // Locked before counting: two departments confirming the last two tasks at once would
      // otherwise each see the other's task still pending, and the case would never complete.
      const hallCase = await findOneForUpdate(tx, HallCase, task.caseId);
      await tx.update(
        CaseTask,
        { id: task.id },
        { status: CaseTaskStatus.CONFIRMED, confirmedOn: day, eventId: event.id, eventType: event.type },
      );
      const left = await tx.countBy(CaseTask, { caseId: task.caseId, status: CaseTaskStatus.PENDING });
      if (left > 0) continue;
      if (hallCase && hallCase.status === CaseStatus.OPEN) {
        completed.push(
          await completeCaseIn(
            tx,
            this.events,
            hallCase,
            day < hallCase.openedOn ? hallCase.openedOn : day,
            // When the hall recorded the completion (its clock); the day is the department's.
            this.clock().toISOString(),
            department,
          ),
        );
      }
    }
    return completed;
  }
}
