import { IsNull, type DataSource } from "typeorm";
import {
  BadUserInputError,
  ConflictError,
  EventPublisher,
  fenToYuan,
  intInRange,
  isUniqueViolation,
  parseCreditCode,
  toConnection,
  todayBy,
  yuanToFen,
  type Clock,
  type Connection,
  type PageRequest,
} from "@onewindow/platform";
import { TaxEvents } from "@onewindow/contracts";
import { TAX } from "../messages";
import { WithholdingReturn } from "./withholding-return.entity";
import type { FileWithholdingReturnInput } from "./withholding-return.inputs";

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Cumulative withholding of wages (累计预扣法) began in January 2019; earlier months are not filed here. */
export const FIRST_WITHHOLDING_PERIOD = "2019-01";

/** Withholding returns of employers: filing, correcting, pages, arrears. */
export class WithholdingReturnService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /**
   * Files an employer's return for a month. A second return for the same month replaces the
   * first in one transaction; the first stays in history, and only the one in force counts
   * towards standing and arrears.
   */
  async file(input: FileWithholdingReturnInput): Promise<WithholdingReturn> {
    // Every check runs before the transaction opens: a rejected return writes nothing.
    const creditCode = parseCreditCode(input.creditCode);
    const period = parsePeriod(input.period, todayBy(this.clock));
    const employees = intInRange(input.employees, "employees", 0, 10_000_000)!;
    const wagesTotalFen = yuanToFen(input.wagesTotal, "wagesTotal");
    const taxWithheldFen = yuanToFen(input.taxWithheld, "taxWithheld");
    const taxPaidFen = yuanToFen(input.taxPaid, "taxPaid");
    const filedAt = this.clock().toISOString();
    const concurrent = () => new ConflictError(TAX.withholdingFiledConcurrently.with({ creditCode, period }));
    try {
      return await this.db.transaction(async (tx) => {
        const previous = await tx.findOneBy(WithholdingReturn, { creditCode, period, supersededAt: IsNull() });
        if (previous) {
          const updated = await tx.update(
            WithholdingReturn,
            { id: previous.id, supersededAt: IsNull() },
            { supersededAt: filedAt },
          );
          if (updated.affected !== 1) throw concurrent();
        }
        const filed = tx.create(WithholdingReturn, {
          creditCode,
          period,
          employees,
          wagesTotalFen,
          taxWithheldFen,
          taxPaidFen,
          supersedesId: previous?.id ?? null,
          filedAt,
          supersededAt: null,
        });
        await tx.save(filed);
        await this.events.publish(tx, {
          type: TaxEvents.withholdingFiled,
          subject: creditCode,
          data: {
            returnId: filed.id,
            creditCode,
            period,
            employees,
            amendment: filed.amendment,
            supersedes: filed.supersedesId,
            wagesTotal: fenToYuan(wagesTotalFen),
            taxWithheld: fenToYuan(taxWithheldFen),
            taxPaid: fenToYuan(taxPaidFen),
          },
        });
        return filed;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw concurrent();
      throw err;
    }
  }

  /**
   * One page of returns for each employer of a batch, newest month first, with two queries
   * whatever the batch size: the totals, and the page rows ranked per employer in SQL.
   */
  async pages(
    creditCodes: readonly string[],
    page: PageRequest,
    includeSuperseded: boolean,
  ): Promise<Connection<WithholdingReturn>[]> {
    const codes = [...creditCodes];
    const inForce = includeSuperseded ? "" : "AND x.superseded_at IS NULL";
    const totals = await this.db
      .getRepository(WithholdingReturn)
      .createQueryBuilder("x")
      .select("x.credit_code", "creditCode")
      .addSelect("COUNT(*)", "total")
      .where(`x.credit_code IN (:...codes) ${inForce}`, { codes })
      .groupBy("x.credit_code")
      .getRawMany<{ creditCode: string; total: string | number }>();
    const rows =
      page.limit === 0
        ? []
        : await this.db
            .getRepository(WithholdingReturn)
            .createQueryBuilder("w")
            .where(
              `w.id IN (SELECT r.id FROM (SELECT x.id AS id, ROW_NUMBER() OVER (PARTITION BY x.credit_code ORDER BY x.period DESC, x.id DESC) AS rn
                 FROM withholding_return x WHERE x.credit_code IN (:...codes) ${inForce}) r WHERE r.rn > :skip AND r.rn <= :end)`,
              { codes, skip: page.offset, end: page.offset + page.limit },
            )
            .orderBy("w.period", "DESC")
            .addOrderBy("w.id", "DESC")
            .getMany();
    const totalOf = new Map(totals.map((t) => [t.creditCode, Number(t.total)]));
    const rowsOf = new Map<string, WithholdingReturn[]>();
    for (const r of rows) {
      const list = rowsOf.get(r.creditCode);
      if (list) list.push(r);
      else rowsOf.set(r.creditCode, [r]);
    }
    return creditCodes.map((code) => toConnection(rowsOf.get(code) ?? [], totalOf.get(code) ?? 0, page));
  }

  /**
   * Arrears (fen) of a batch of employers, one query: over the returns in force, the sum of
   * withheld − paid for the months where more was withheld than paid. Overpaying one month
   * does not offset another: each month's tax is due on its own.
   */
  async arrears(creditCodes: readonly string[]): Promise<number[]> {
    const rows = await this.db
      .getRepository(WithholdingReturn)
      .createQueryBuilder("w")
      .select("w.credit_code", "creditCode")
      .addSelect(
        "SUM(CASE WHEN w.tax_withheld_fen > w.tax_paid_fen THEN w.tax_withheld_fen - w.tax_paid_fen ELSE 0 END)",
        "arrears",
      )
      .where("w.credit_code IN (:...codes)", { codes: [...creditCodes] })
      .andWhere("w.superseded_at IS NULL")
      .groupBy("w.credit_code")
      .getRawMany<{ creditCode: string; arrears: string | number | null }>();
    const byCode = new Map(rows.map((r) => [r.creditCode, Number(r.arrears ?? 0)]));
    return creditCodes.map((code) => byCode.get(code) ?? 0);
  }
}

/** Validates a month YYYY-MM from January 2019 up to the month of `today` (YYYY-MM-DD, the deployment's calendar). */
export function parsePeriod(value: string, today: string, field = "period"): string {
  const period = (value ?? "").trim();
  if (!PERIOD.test(period)) throw new BadUserInputError(TAX.periodFormat.with({ value: String(value) }), field);
  if (period < FIRST_WITHHOLDING_PERIOD)
    throw new BadUserInputError(TAX.periodTooEarly.with({ first: FIRST_WITHHOLDING_PERIOD, period }), field);
  const thisMonth = today.slice(0, 7);
  if (period > thisMonth) throw new BadUserInputError(TAX.periodInFuture.with({ period, thisMonth }), field);
  return period;
}
