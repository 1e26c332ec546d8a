import { In, IsNull, type DataSource } from "typeorm";
import {
  BadUserInputError,
  ConflictError,
  EventPublisher,
  byKeys,
  fenToYuan,
  isUniqueViolation,
  OneWindowError,
  parseIdNumber,
  anyOf,
  plainEntity,
  runPrepared,
  todayBy,
  yuanToFen,
  type Clock,
} from "@onewindow/platform";
import { checkAdditionalDeductions } from "../additional-deductions.policy";
import { TaxEvents } from "@onewindow/contracts";
import { reconcileAnnualIncome } from "../income-tax.policy";
import { TaxLimitService } from "../limits/tax-limit.service";
import { TAX } from "../messages";
import { storedDeductionLines, TaxReturn } from "./tax-return.entity";
import type { FileTaxReturnInput } from "./tax-return.inputs";
import { TaxSummary } from "./tax-summary.type";

/** 2019 is the first year of annual reconciliation of comprehensive income. */
export const FIRST_RECONCILED_YEAR = 2019;

/**
 * The last day of the reconciliation of `year` (个人所得税法 art. 11: from 1 March to 30 June of the
 * following year); a return filed after it is late.
 */
export const reconciliationEnd = (year: number): string => `${year + 1}-06-30`;

/** `extensions.reason` of a return for a year that has not ended. */
export const TAX_YEAR_NOT_ENDED = "TAX_YEAR_NOT_ENDED";

/** Annual reconciliation returns: filing, amending, and batched reads for citizens. */
export class TaxReturnService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly limits: TaxLimitService,
    private readonly clock: Clock,
  ) {}

  /**
   * Files a return. A second return for the same person and year amends the first: the old
   * row is marked superseded and the new one inserted in one transaction, so exactly one
   * return is in force per person and year (a partial unique index backs this up).
   */
  async file(input: FileTaxReturnInput): Promise<TaxReturn> {
    // Every check runs before the transaction opens: a rejected return writes nothing.
    const { idNumber } = parseIdNumber(input.idNumber);
    const filedOn = todayBy(this.clock);
    const year = this.parseYear(input.year, filedOn);
    if (yuanToFen(input.additionalDeductions ?? 0, "additionalDeductions") !== 0) {
      throw new BadUserInputError(TAX.itemiseDeductions, "additionalDeductions");
    }
    const limits = await this.limits.forYear(year);
    const lines = checkAdditionalDeductions(year, input.additionalDeductionClaims ?? [], limits);
    const figures = reconcileAnnualIncome(
      {
        wageIncomeFen: yuanToFen(input.wageIncome, "wageIncome"),
        labourRemunerationFen: yuanToFen(input.labourRemuneration ?? 0, "labourRemuneration"),
        authorRemunerationFen: yuanToFen(input.authorRemuneration ?? 0, "authorRemuneration"),
        royaltiesFen: yuanToFen(input.royalties ?? 0, "royalties"),
        pensionIncomeFen: yuanToFen(input.pensionIncome ?? 0, "pensionIncome"),
        specialDeductionsFen: yuanToFen(input.specialDeductions ?? 0, "specialDeductions"),
        additionalDeductionsFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
        taxWithheldFen: yuanToFen(input.taxWithheld, "taxWithheld"),
      },
      TaxLimitService.exemptionOf(limits),
    );
    const { balanceFen, grossIncomeFen, comprehensiveIncomeFen, ...columns } = figures;
    const late = filedOn > reconciliationEnd(year);
    const filedAt = this.clock().toISOString();
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
          additionalDeductionLines: storedDeductionLines(lines),
          late,
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
            exempt: filed.exempt,
            late,
          },
        });
        return filed;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw this.concurrentFiling(idNumber, year);
      throw err;
    }
  }

  /**
   * A year that has ended: the reconciliation settles a finished year (个人所得税法 art. 11 and
   * 实施条例 art. 25), so a return for the current or a later year is refused with its own reason.
   */
  private parseYear(year: number, filedOn: string): number {
    const thisYear = Number(filedOn.slice(0, 4));
    if (!Number.isInteger(year) || year < FIRST_RECONCILED_YEAR) {
      throw new BadUserInputError(
        TAX.yearOutOfRange.with({ first: FIRST_RECONCILED_YEAR, last: thisYear - 1, year: String(year) }),
        "year",
      );
    }
    if (year >= thisYear) {
      const text = TAX.taxYearNotEnded.with({ year, next: year + 1 });
      // A BAD_USER_INPUT with a reason of its own; the message names the field as BadUserInputError's do.
      throw new OneWindowError(
        "BAD_USER_INPUT",
        text,
        { field: "year", reason: TAX_YEAR_NOT_ENDED },
        `year: ${text.en}`,
      );
    }
    return year;
  }

  private concurrentFiling(idNumber: string, year: number): ConflictError {
    return new ConflictError(TAX.returnFiledConcurrently.with({ idNumber, year }));
  }

  /** The year's summary for a batch of citizens, from the returns in force: one query. */
  async summaries(idNumbers: readonly string[], year: number): Promise<(TaxSummary | null)[]> {
    if (idNumbers.length === 0) return [];
    // Plain SQL: every citizen a window reads (one or a page of 50) comes through here, and
    // TypeORM's builder and hydration cost more than the statement.
    const plain = plainEntity(this.db, TaxReturn);
    const ids = anyOf(this.db, "t.id_number", idNumbers);
    const rows = await runPrepared(
      this.db,
      `SELECT ${plain.columns("t")} FROM tax_return t WHERE ${ids.sql} AND t.year = ? AND t.superseded_at IS NULL`,
      [...ids.params, year],
    );
    return byKeys(
      idNumbers,
      rows.map((row) => plain.from(row)!),
      (r) => r.idNumber,
    ).map((r) => (r ? TaxSummary.of(r) : null));
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
