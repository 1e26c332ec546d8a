import type { EntityManager } from "typeorm";
import type { CaseTaskDepartment } from "@onewindow/contracts";
import type { EventPublisher } from "@onewindow/platform";
import { HallEvents } from "@onewindow/contracts";
import { HallCase } from "./case.entity";
import { CaseStatus } from "./case.enums";
import { kpiInputsChanged } from "../kpi/kpi.cache";

/**
 * Completes a case and publishes `onewindow.hall.case.completed` in the same transaction: the
 * one way a case completes, whether a clerk does it or a department's confirmation does.
 */
export async function completeCaseIn(
  tx: EntityManager,
  events: EventPublisher,
  hallCase: HallCase,
  completedOn: string,
  completedAt: string,
  completedBy: "window" | CaseTaskDepartment,
): Promise<HallCase> {
  Object.assign(hallCase, { status: CaseStatus.COMPLETED, completedOn, completedAt });
  await tx.update(HallCase, { id: hallCase.id }, { status: CaseStatus.COMPLETED, completedOn, completedAt });
  await kpiInputsChanged(tx, [hallCase.centre], [hallCase.openedOn, completedOn, hallCase.deadline]);
  await events.publish(tx, {
    type: HallEvents.caseCompleted,
    subject: hallCase.idNumber,
    data: {
      caseId: hallCase.id,
      idNumber: hallCase.idNumber,
      itemCode: hallCase.itemCode,
      openedOn: hallCase.openedOn,
      completedOn,
      deadline: hallCase.deadline,
      onTime: completedOn <= hallCase.deadline,
      completedBy,
    },
  });
  return hallCase;
}
