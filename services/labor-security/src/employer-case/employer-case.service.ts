import type { DataSource, EntityManager } from "typeorm";
import { toConnection, todayBy, type Clock, type Connection, type PageRequest } from "@onewindow/platform";
import type { HallInspectionEvent, HallMediationEvent } from "@onewindow/contracts";
import { EmployerDispute, EmployerInspection } from "./employer-case.entity";
import { LaborInspectionKind, LaborInspectionStatus, MediationOutcome, MediationStatus } from "./employer-case.enums";

/**
 * An employer's inspection and mediation cases, kept from the service hall's events. Each event
 * carries the whole case and its revision: a row is written only by a newer revision, so a
 * redelivered or late event changes nothing.
 */
export class EmployerCaseService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async applyInspection(tx: EntityManager, e: HallInspectionEvent): Promise<void> {
    const existing = await tx.findOneBy(EmployerInspection, { inspectionId: e.inspectionId });
    if (existing && existing.revision >= e.revision) return;
    await tx.save(
      tx.create(EmployerInspection, {
        inspectionId: e.inspectionId,
        creditCode: e.creditCode,
        centre: e.centre,
        kind: e.kind as LaborInspectionKind,
        status: e.status as LaborInspectionStatus,
        openedOn: e.openedOn,
        violationFound: e.violationFound,
        rectificationDeadline: e.rectificationDeadline,
        closedOn: e.closedOn,
        revision: e.revision,
      }),
    );
  }

  async applyMediation(tx: EntityManager, e: HallMediationEvent): Promise<void> {
    const existing = await tx.findOneBy(EmployerDispute, { mediationId: e.mediationId });
    if (existing && existing.revision >= e.revision) return;
    await tx.save(
      tx.create(EmployerDispute, {
        mediationId: e.mediationId,
        creditCode: e.creditCode,
        centre: e.centre,
        idNumber: e.idNumber,
        claimFen: e.claimFen,
        appliedOn: e.appliedOn,
        dueOn: e.dueOn,
        sessions: e.sessions,
        status: e.status as MediationStatus,
        outcome: e.outcome as MediationOutcome | null,
        closedOn: e.closedOn,
        revision: e.revision,
      }),
    );
  }

  /** The employer's inspection cases, newest first. */
  async inspectionsOf(creditCode: string, page: PageRequest): Promise<Connection<EmployerInspection>> {
    const [rows, total] = await this.db.getRepository(EmployerInspection).findAndCount({
      where: { creditCode },
      order: { inspectionId: "DESC" },
      skip: page.offset,
      take: page.limit,
    });
    return toConnection(rows, total, page);
  }

  /** The employer's mediation cases, newest first. */
  async disputesOf(creditCode: string, page: PageRequest): Promise<Connection<EmployerDispute>> {
    const [rows, total] = await this.db.getRepository(EmployerDispute).findAndCount({
      where: { creditCode },
      order: { mediationId: "DESC" },
      skip: page.offset,
      take: page.limit,
    });
    return toConnection(rows, total, page);
  }

  /** True while the mediation case is open after the last day of its limit. */
  overdue(d: EmployerDispute): boolean {
    return d.status === MediationStatus.OPEN && todayBy(this.clock) > d.dueOn;
  }
}
