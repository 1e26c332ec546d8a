import { In, IsNull, type DataSource } from "typeorm";
import {
  BadUserInputError,
  ConflictError,
  EventPublisher,
  byKeys,
  fenToYuan,
  isUniqueViolation,
  parseIdNumber,
  today,
  yuanToFen,
} from "@onewindow/platform";
import { TaxEvents } from "@onewindow/contracts";
import { reconcileAnnualIncome } from "../income-tax.policy";
import { TaxReturn } from "./tax-return.entity";
import type { FileTaxReturnInput } from "./tax-return.inputs";
import { TaxSummary } from "./tax-summary.type";

/** 2019 is the first year of annual reconciliation of comprehensive income. */
export const FIRST_RECONCILED_YEAR = 2019;

/** Annual reconciliation returns: filing, amending, and batched reads for citizens. */
export class TaxReturnService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
  ) {}

  /**
   * Files a return. A second return for the same person and year amends the first: the old
   * row is marked superseded and the new one inserted in one transaction, so exactly one
   * return is in force per person and year (a partial unique index backs this up).
   */
  async file(input: FileTaxReturnInput): Promise<TaxReturn> {
    // Every check runs before the transaction opens: a rejected return writes nothing.
    const { idNumber } = parseIdNumber(input.idNumber);
    const year = this.parseYear(input.year);
    const figures = reconcileAnnualIncome({
      wageIncomeFen: yuanToFen(input.wageIncome, "wageIncome"),
      pensionIncomeFen: yuanToFen(input.pensionIncome ?? 0, "pensionIncome"),
      specialDeductionsFen: yuanToFen(input.specialDeductions ?? 0, "specialDeductions"),
      additionalDeductionsFen: yuanToFen(input.additionalDeductions ?? 0, "additionalDeductions"),
      taxWithheldFen: yuanToFen(input.taxWithheld, "taxWithheld"),
    });
    const { balanceFen, ...columns } = figures;
    const filedAt = new Date().toISOString();
    try {
      return await this.db.transaction(async (tx) => {
        const previous = await tx.findOneBy(TaxReturn, { idNumber, year, supersededAt: IsNull() });
        if (previous) {
          const updated = await tx.update(
            TaxReturn,
            { id: previous.id, supersededAt: IsNull() },
            { supersededAt: filedAt },
          );
          if (updated.affected !== 1) throw this.concurrentFiling(idNumber, year);
        }
        const filed = tx.create(TaxReturn, {
          idNumber,
          year,
          ...columns,
          supersedesId: previous?.id ?? null,
          filedAt,
          supersededAt: null,
        });
        await tx.save(filed);
        await this.events.publish(tx, {
          type: TaxEvents.returnFiled,
          subject: idNumber,
          data: {
            returnId: filed.id,
            idNumber,
            year,
            amendment: filed.amendment,
            supersedes: filed.supersedesId,
            taxableIncome: fenToYuan(filed.taxableIncomeFen),
            taxDue: fenToYuan(filed.taxDueFen),
            taxWithheld: fenToYuan(filed.taxWithheldFen),
            balance: fenToYuan(balanceFen),
          },
        });
        return filed;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw this.concurrentFiling(idNumber, year);
      throw err;
    }
  }

  private parseYear(year: number): number {
    const thisYear = Number(today().slice(0, 4));
    if (!Number.isInteger(year) || year < FIRST_RECONCILED_YEAR || year > thisYear) {
      throw new BadUserInputError(`must be a year from ${FIRST_RECONCILED_YEAR} to ${thisYear}, got ${year}`, "year");
    }
    return year;
  }

  private concurrentFiling(idNumber: string, year: number): ConflictError {
    return new ConflictError(
      `another return for ${idNumber}, ${year} was filed at the same moment; reload and file again`,
    );
  }

  /** The year's summary for a batch of citizens, from the returns in force: one query. */
  async summaries(idNumbers: readonly string[], year: number): Promise<(TaxSummary | null)[]> {
    const rows = await this.db
      .getRepository(TaxReturn)
      .findBy({ idNumber: In([...idNumbers]), year, supersededAt: IsNull() });
    return byKeys(idNumbers, rows, (r) => r.idNumber).map((r) => (r ? TaxSummary.of(r) : null));
  }

  /** Every return of a batch of citizens, superseded ones included, newest first: one query. */
  async histories(idNumbers: readonly string[]): Promise<TaxReturn[][]> {
    const rows = await this.db
      .getRepository(TaxReturn)
      .find({ where: { idNumber: In([...idNumbers]) }, order: { id: "DESC" } });
    const byPerson = new Map<string, TaxReturn[]>();
    for (const r of rows) {
      const list = byPerson.get(r.idNumber);
      if (list) list.push(r);
      else byPerson.set(r.idNumber, [r]);
    }
    return idNumbers.map((id) => byPerson.get(id) ?? []);
  }
}
