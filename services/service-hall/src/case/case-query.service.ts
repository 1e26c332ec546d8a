import { In, type DataSource } from "typeorm";
import {
  BadUserInputError,
  byKeys,
  isValidDate,
  pagesPerPerson,
  toConnection,
  todayBy,
  type Clock,
  type Connection,
  type PageRequest,
} from "@onewindow/platform";
import { HALL } from "../messages";
import { HallCase } from "./case.entity";
import { CaseStatus } from "./case.enums";
import { CaseTask } from "./case-task.entity";

/** Reads of cases: batched by key for the gateway, a citizen's cases, overdue cases. */
export class CaseQueryService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async findByIds(ids: readonly number[]): Promise<(HallCase | null)[]> {
    const rows = await this.db.getRepository(HallCase).findBy({ id: In([...ids]) });
    return byKeys(ids, rows, (c) => c.id);
  }

  /** Tasks of a batch of cases, in key order. */
  async tasksOf(caseIds: readonly number[]): Promise<CaseTask[][]> {
    const rows = await this.db
      .getRepository(CaseTask)
      .find({ where: { caseId: In([...caseIds]) }, order: { id: "ASC" } });
    return caseIds.map((id) => rows.filter((t) => t.caseId === id));
  }

  /** One page of cases per citizen, newest first, for a batch of citizens: two queries whatever the batch. */
  pagesFor(idNumbers: readonly string[], page: PageRequest): Promise<Connection<HallCase>[]> {
    return pagesPerPerson(this.db.getRepository(HallCase), "opened_at", idNumbers, page);
  }

  /** Open cases past their deadline on `asOf` (default today), most overdue first. */
  async overdue(asOf: string | null | undefined, page: PageRequest): Promise<Connection<HallCase>> {
    const day = asOf ?? todayBy(this.clock);
    if (!isValidDate(day)) throw new BadUserInputError(HALL.dateNotExisting.with({ date: day }), "asOf");
    const [rows, total] = await this.db
      .getRepository(HallCase)
      .createQueryBuilder("c")
      .where("c.status = :open AND c.deadline < :day", { open: CaseStatus.OPEN, day })
      .orderBy("c.deadline", "ASC")
      .addOrderBy("c.id", "ASC")
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return toConnection(rows, total, page);
  }
}
