import { In, type DataSource } from "typeorm";
import {
  BadUserInputError,
  byKeys,
  isValidDate,
  toConnection,
  type Connection,
  type PageRequest,
} from "@onewindow/platform";
import { todayBy, type Clock } from "@onewindow/platform";
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
  async pagesFor(idNumbers: readonly string[], page: PageRequest): Promise<Connection<HallCase>[]> {
    const ids = [...idNumbers];
    const repo = this.db.getRepository(HallCase);
    const counts = await repo
      .createQueryBuilder("c")
      .select("c.id_number", "idNumber")
      .addSelect("COUNT(*)", "count")
      .where("c.id_number IN (:...ids)", { ids })
      .groupBy("c.id_number")
      .getRawMany<{ idNumber: string; count: string | number }>();
    const totals = new Map(counts.map((r) => [r.idNumber, Number(r.count)]));
    let rows: HallCase[] = [];
    if (page.limit > 0 && counts.length > 0) {
      rows = await repo
        .createQueryBuilder("c")
        .where(
          `c.id IN (SELECT ranked.id FROM (
             SELECT r.id AS id, ROW_NUMBER() OVER (PARTITION BY r.id_number ORDER BY r.opened_at DESC, r.id DESC) AS rn
             FROM hall_case r WHERE r.id_number IN (:...ids)
           ) ranked WHERE ranked.rn > :skip AND ranked.rn <= :until)`,
          { ids, skip: page.offset, until: page.offset + page.limit },
        )
        .orderBy("c.opened_at", "DESC")
        .addOrderBy("c.id", "DESC")
        .getMany();
    }
    const byPerson = new Map<string, HallCase[]>();
    for (const c of rows) byPerson.set(c.idNumber, [...(byPerson.get(c.idNumber) ?? []), c]);
    return ids.map((id) => toConnection(byPerson.get(id) ?? [], totals.get(id) ?? 0, page));
  }

  /** Open cases past their deadline on `asOf` (default today), most overdue first. */
  async overdue(asOf: string | null | undefined, page: PageRequest): Promise<Connection<HallCase>> {
    const day = asOf ?? todayBy(this.clock);
    if (!isValidDate(day)) throw new BadUserInputError(`date ${day} does not exist`, "asOf");
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
