import type { DataSource, EntityManager } from "typeorm";
import { BadUserInputError, EventPublisher, parseIdNumber, type Clock } from "@onewindow/platform";
import { TaxEvents } from "@onewindow/contracts";
import { TAX } from "../messages";
import { PensionIncome } from "./pension-income.entity";

/** What an event handler knows about a pension when it records it. */
export interface PensionIncomeRecord {
  idNumber: string;
  year: number;
  amountFen: number;
  source: string;
  sourceRef: string;
}

/**
 * Exempt pension income, kept apart from filing returns: the handler of labor's retirement
 * event will call {@link record} inside its inbox transaction, so the effect and the inbox
 * row commit together.
 */
export class PensionIncomeService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** Records exempt pension income in the caller's transaction; a repeated `sourceRef` is a no-op. */
  async record(tx: EntityManager, record: PensionIncomeRecord): Promise<PensionIncome | null> {
    const { idNumber } = parseIdNumber(record.idNumber);
    if (!Number.isSafeInteger(record.amountFen) || record.amountFen < 0) {
      throw new BadUserInputError(TAX.pensionAmount.with({ amountFen: String(record.amountFen) }), "amountFen");
    }
    if (await tx.existsBy(PensionIncome, { sourceRef: record.sourceRef })) return null;
    const row = tx.create(PensionIncome, { ...record, idNumber, recordedAt: this.clock().toISOString() });
    await tx.save(row);
    await this.events.publish(tx, {
      type: TaxEvents.pensionIncomeRecorded,
      subject: idNumber,
      data: { idNumber, year: row.year, amountFen: row.amountFen, exempt: true, source: row.source },
    });
    return row;
  }

  /** Recorded exempt pension (fen) of a batch of people for one year: one query. */
  async totals(idNumbers: readonly string[], year: number): Promise<number[]> {
    const rows = await this.db
      .getRepository(PensionIncome)
      .createQueryBuilder("p")
      .select("p.id_number", "idNumber")
      .addSelect("SUM(p.amount_fen)", "total")
      .where("p.id_number IN (:...ids)", { ids: [...idNumbers] })
      .andWhere("p.year = :year", { year })
      .groupBy("p.id_number")
      .getRawMany<{ idNumber: string; total: string | number }>();
    const byId = new Map(rows.map((r) => [r.idNumber, Number(r.total)]));
    return idNumbers.map((id) => byId.get(id) ?? 0);
  }
}
