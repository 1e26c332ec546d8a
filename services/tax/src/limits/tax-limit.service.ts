import type { DataSource } from "typeorm";
import { type Caller } from "@onewindow/contracts";
import { BadUserInputError, intInRange, requiredText, todayBy, yuanToFen, type Clock } from "@onewindow/platform";
import { TAX } from "../messages";
import { limitsForYear, type YearLimits } from "../additional-deductions.policy";
import type { ReconciliationExemption } from "../income-tax.policy";
import { TaxLimit } from "./tax-limit.entity";
import { TaxLimitItem, TaxLimitUnit, UNIT_OF } from "./tax-limit.enums";
import type { SetTaxLimitInput } from "./tax-limit.inputs";

/** 2019 is the first year of the comprehensive income tax and of every limit here. */
const FIRST_YEAR = 2019;

/** The limits of income tax set by notice: reading them for a year, and setting a new one. */
export class TaxLimitService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Every row, by item and first year. */
  list(): Promise<TaxLimit[]> {
    return this.db.getRepository(TaxLimit).find({ order: { item: "ASC", fromYear: "ASC" } });
  }

  /** The rows in force for `year`, by item and first year. */
  async inForce(year: number): Promise<TaxLimit[]> {
    const limits = limitsForYear(await this.list(), year);
    return [...limits.values()] as TaxLimit[];
  }

  /** The limits in force for `year`, by item. */
  async forYear(year: number): Promise<YearLimits> {
    return limitsForYear(await this.list(), year);
  }

  /**
   * Sets a limit from a year on, as a new notice does: a row for the same item and first year is
   * replaced, any other row stays (the years before keep their amounts). Who set it and when is
   * on the row; the mutation's audit row records the call.
   */
  async set(caller: Caller, input: SetTaxLimitInput): Promise<TaxLimit> {
    if (!Object.values(TaxLimitItem).includes(input.item))
      throw new BadUserInputError(TAX.unknownLimitItem.with({ item: String(input.item) }), "item");
    const lastYear = Number(todayBy(this.clock).slice(0, 4)) + 5;
    const fromYear = intInRange(input.fromYear, "fromYear", FIRST_YEAR, lastYear)!;
    const toYear = intInRange(input.toYear, "toYear", fromYear, 2100);
    const value =
      UNIT_OF[input.item] === TaxLimitUnit.MONTHS
        ? intInRange(input.amount, "amount", 1, 600)!
        : yuanToFen(input.amount, "amount");
    const source = requiredText(input.source, "source", 300);
    return this.db.transaction(async (tx) => {
      const row =
        (await tx.findOneBy(TaxLimit, { item: input.item, fromYear })) ??
        tx.create(TaxLimit, { item: input.item, fromYear });
      Object.assign(row, {
        toYear,
        value,
        source,
        updatedAt: this.clock().toISOString(),
        updatedBy: caller.userId,
      });
      return tx.save(row);
    });
  }

  /** The reconciliation's exemption for `year`, when a notice covers the year. */
  static exemptionOf(limits: YearLimits): ReconciliationExemption | null {
    const income = limits.get(TaxLimitItem.RECONCILIATION_EXEMPT_INCOME);
    const topUp = limits.get(TaxLimitItem.RECONCILIATION_EXEMPT_TOP_UP);
    if (!income || !topUp) return null;
    const source = income.source === topUp.source ? income.source : `${income.source}；${topUp.source}`;
    return { incomeLimitFen: income.value, topUpLimitFen: topUp.value, source };
  }
}
