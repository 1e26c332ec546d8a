import type { DataSource } from "typeorm";
import {
  BadUserInputError,
  EventPublisher,
  findOneForUpdate,
  parseIdNumber,
  requiredText,
  todayBy,
  type Clock,
} from "@onewindow/platform";
import type { CalendarService } from "../calendar/calendar.service";
import { CatalogueService } from "../catalogue/catalogue.service";
import { HallEvents } from "@onewindow/contracts";
import { HALL } from "../messages";
import { QueueTicketStatus } from "../queue/queue.enums";
import { QueueTicket } from "../queue/queue-ticket.entity";
import { HOME_CENTRE } from "../queue/centre-setting.entity";
import { requireCentre } from "../queue/centres";
import { completeCaseIn } from "./case-completion";
import { parseCaseId } from "./case-id";
import { HallCase } from "./case.entity";
import { CaseStatus, CaseTaskDepartmentName, CaseTaskStatus } from "./case.enums";
import type { CompleteCaseInput, OpenCaseInput } from "./case.inputs";
import { CaseTask } from "./case-task.entity";
import { knownStaff } from "../staff/staff.service";
import { kpiInputsChanged } from "../kpi/kpi.cache";

/** Opening and completing cases against the item's promised time limit. */
export class CaseService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /**
   * Accepts an item for a citizen. The deadline counts the item's time limit in working days;
   * an item other departments must confirm (a retirement) gets a task per department, and the
   * `case.opened` event tells them which.
   */
  async open(input: OpenCaseInput, clerk: string | null = null): Promise<HallCase> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const window = requiredText(input.window, "window", 20);
    const proxyIdNumber = input.proxy ? parseIdNumber(input.proxy, "proxy").idNumber : null;
    if (proxyIdNumber === idNumber) throw new BadUserInputError(HALL.proxyIsCitizen, "proxy");
    const ticketNumber = input.ticketNumber ? requiredText(input.ticketNumber, "ticketNumber", 8).toUpperCase() : null;
    const now = this.clock();
    const openedOn = todayBy(this.clock);
    return this.db.transaction(async (tx) => {
      const item = await CatalogueService.require(tx, input.itemCode);
      const centre = await requireCentre(tx, input.centre ?? HOME_CENTRE);
      const calendar = await this.calendar.current(tx);
      let ticket: QueueTicket | null = null;
      if (ticketNumber) {
        ticket = await tx.findOneBy(QueueTicket, {
          day: openedOn,
          number: ticketNumber,
          centre: centre.code,
          status: QueueTicketStatus.CALLED,
        });
        if (!ticket) throw new BadUserInputError(HALL.ticketNotCalled.with({ ticket: ticketNumber }), "ticketNumber");
      }
      const hallCase = tx.create(HallCase, {
        idNumber,
        itemCode: item.code,
        department: item.department,
        window,
        staffNumber: await knownStaff(tx, clerk),
        completedBy: null,
        centre: centre.code,
        escalatedFrom: null,
        escalatedOn: null,
        ticketId: ticket?.id ?? null,
        ticketNumber,
        appointment: input.appointment ?? false,
        proxyIdNumber,
        status: CaseStatus.OPEN,
        openedOn,
        openedAt: now.toISOString(),
        deadline: calendar.deadline(openedOn, item.timeLimitDays),
        completedOn: null,
        completedAt: null,
      });
      await tx.save(hallCase);
      await kpiInputsChanged(tx, [centre.code], [openedOn, hallCase.deadline]);
      const departments = item.confirmingDepartments;
      for (const department of departments) {
        await tx.insert(CaseTask, {
          caseId: hallCase.id,
          idNumber,
          department: department as CaseTaskDepartmentName,
          status: CaseTaskStatus.PENDING,
          confirmedOn: null,
          eventId: null,
          eventType: null,
        });
      }
      await this.events.publish(tx, {
        type: HallEvents.caseOpened,
        subject: idNumber,
        data: {
          caseId: hallCase.id,
          idNumber,
          itemCode: item.code,
          itemName: item.name,
          window,
          openedOn,
          deadline: hallCase.deadline,
          departments,
        },
      });
      return hallCase;
    });
  }

  /** A clerk completes a case today. A case waiting for departments completes itself instead. */
  async complete(input: CompleteCaseInput, clerk: string | null = null): Promise<HallCase> {
    const id = parseCaseId(input.caseId);
    const now = this.clock();
    return this.db.transaction(async (tx) => {
      // Locked, so that a clerk and a department's confirmation cannot both complete it.
      const hallCase = await findOneForUpdate(tx, HallCase, id);
      if (!hallCase) throw new BadUserInputError(HALL.noCase.with({ caseId: id }), "caseId");
      if (hallCase.status === CaseStatus.COMPLETED)
        throw new BadUserInputError(
          HALL.caseCompleted.with({ caseId: id, completedOn: String(hallCase.completedOn) }),
          "caseId",
        );
      const pending = await tx.find(CaseTask, {
        where: { caseId: id, status: CaseTaskStatus.PENDING },
        order: { id: "ASC" },
      });
      if (pending.length > 0) {
        throw new BadUserInputError(
          HALL.caseAwaitsDepartments.with({ caseId: id, departments: pending.map((t) => t.department).join(", ") }),
          "caseId",
        );
      }
      const completedBy = await knownStaff(tx, clerk);
      if (completedBy !== null) {
        hallCase.completedBy = completedBy;
        await tx.update(HallCase, { id }, { completedBy });
      }
      return completeCaseIn(tx, this.events, hallCase, todayBy(this.clock), now.toISOString(), "window");
    });
  }
}
