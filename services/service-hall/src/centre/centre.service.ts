import { type DataSource } from "typeorm";
import {
  BadUserInputError,
  EventPublisher,
  findOneForUpdate,
  toConnection,
  todayBy,
  type Clock,
  type Connection,
  type PageRequest,
} from "@onewindow/platform";
import { HallEvents } from "@onewindow/contracts";
import { enumLabel } from "@onewindow/contracts/i18n";
import { parseCaseId } from "../case/case-id";
import { HallCase } from "../case/case.entity";
import { CaseStatus } from "../case/case.enums";
import { HALL } from "../messages";
import { requireCentre } from "../queue/centres";
import { CentreLevel } from "./centre.enums";
import type { EscalateCaseInput } from "./centre.inputs";
import { HALL_CENTRE } from "./centre.messages";
import { ServiceCentre } from "./service-centre.entity";
import { kpiInputsChanged } from "../kpi/kpi.cache";

/** Levels whose cases go up to the street centre above them. */
const STATIONS: readonly CentreLevel[] = [CentreLevel.COMMUNITY, CentreLevel.BUILDING_STATION];

/** Service centres: a centre's cases, and a station's escalation of a case to its street centre. */
export class CentreService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /**
   * A community (or building) station escalates an open case to its street centre (站站互通):
   * the case moves there with its original deadline, remembers the station, and `case.escalated`
   * tells whoever follows the street centre.
   */
  async escalate(input: EscalateCaseInput): Promise<HallCase> {
    const id = parseCaseId(input.caseId);
    const escalatedOn = todayBy(this.clock);
    return this.db.transaction(async (tx) => {
      // Locked: a clerk completing it and a station escalating it must not cross.
      const hallCase = await findOneForUpdate(tx, HallCase, id);
      if (!hallCase) throw new BadUserInputError(HALL.noCase.with({ caseId: id }), "caseId");
      if (hallCase.status !== CaseStatus.OPEN)
        throw new BadUserInputError(HALL_CENTRE.caseNotOpen.with({ caseId: id }), "caseId");
      const station = await requireCentre(tx, hallCase.centre, "caseId");
      if (!STATIONS.includes(station.level))
        throw new BadUserInputError(
          HALL_CENTRE.notAStation.with({
            caseId: id,
            centre: station.name,
            level: enumLabel("CentreLevel", station.level),
          }),
          "caseId",
        );
      const parent =
        station.parentCode === null ? null : await tx.findOneBy(ServiceCentre, { code: station.parentCode });
      if (!parent || parent.level !== CentreLevel.STREET)
        throw new BadUserInputError(HALL_CENTRE.noStreetAbove.with({ centre: station.name }), "caseId");
      if (input.toCentre !== null && input.toCentre !== undefined) {
        const named = await requireCentre(tx, input.toCentre, "toCentre");
        if (named.code !== parent.code)
          throw new BadUserInputError(
            HALL_CENTRE.notTheParent.with({ parent: parent.name, named: named.name }),
            "toCentre",
          );
      }
      await tx.update(HallCase, { id }, { centre: parent.code, escalatedFrom: station.code, escalatedOn });
      await kpiInputsChanged(
        tx,
        [station.code, parent.code],
        [hallCase.openedOn, hallCase.deadline, hallCase.completedOn],
      );
      Object.assign(hallCase, { centre: parent.code, escalatedFrom: station.code, escalatedOn });
      await this.events.publish(tx, {
        type: HallEvents.caseEscalated,
        subject: hallCase.idNumber,
        data: {
          caseId: id,
          idNumber: hallCase.idNumber,
          itemCode: hallCase.itemCode,
          fromCentre: station.code,
          toCentre: parent.code,
          escalatedOn,
          deadline: hallCase.deadline,
        },
      });
      return hallCase;
    });
  }

  /** A centre's cases (open ones by default), by deadline, soonest first. */
  async cases(code: string, status: CaseStatus | null | undefined, page: PageRequest): Promise<Connection<HallCase>> {
    const centre = await requireCentre(this.db.manager, code);
    const [rows, total] = await this.db
      .getRepository(HallCase)
      .createQueryBuilder("c")
      .where("c.centre = :centre AND c.status = :status", { centre: centre.code, status: status ?? CaseStatus.OPEN })
      .orderBy("c.deadline", "ASC")
      .addOrderBy("c.id", "ASC")
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return toConnection(rows, total, page);
  }
}
