import type { DataSource } from "typeorm";
import type { Clock, EventPublisher } from "@onewindow/platform";
import type { RetirementAgeService } from "./retirement-age/retirement-age.service";

/**
 * What the services that record a person's working life (registration, unemployment,
 * retirement) are built on: the department's database, its event publisher, the statutory
 * retirement schedule every such record is checked against, and its clock.
 */
export abstract class PersonRecordService {
  constructor(
    protected readonly db: DataSource,
    protected readonly events: EventPublisher,
    protected readonly retirementAges: RetirementAgeService,
    protected readonly clock: Clock,
  ) {}
}
