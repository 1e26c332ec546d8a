import { Field, Float, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateTimeScalar, bigintTransformer, fenToYuan } from "@onewindow/platform";
import { TaxLimitItem, TaxLimitUnit, UNIT_OF } from "./tax-limit.enums";

/**
 * One amount set by notice, for the tax years `fromYear..toYear` (open-ended when `toYear` is
 * null). For a year, the row of an item with the latest `fromYear` that covers the year applies;
 * an item without such a row does not exist that year (infant care before 2022, the exemption
 * after the notices run out). Public: these are the law's published figures.
 */
@Entity("tax_limit")
@Index(["item", "fromYear"], { unique: true })
@ObjectType({
  description: "An amount of individual income tax set by notice, for the years it applies to, with its source.",
})
export class TaxLimit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 40 })
  @Field(() => TaxLimitItem, { description: "What the amount is." })
  item: TaxLimitItem;

  @Column({ type: "integer", name: "from_year" })
  @Field(() => Int, { description: "The first tax year it applies to." })
  fromYear: number;

  @Column({ type: "integer", name: "to_year", nullable: true })
  @Field(() => Int, { nullable: true, description: "The last tax year it applies to; null until replaced." })
  toYear: number | null;

  /** Fen for the yuan units, a count for MONTHS. */
  @Column({ type: "bigint", transformer: bigintTransformer })
  value: number;

  @Column({ type: "varchar", length: 300 })
  @Field({ description: "The law or notice that sets it." })
  source: string;

  @Column({ type: "varchar", length: 32, name: "updated_at" })
  @Field(() => DateTimeScalar, { description: "When the row was written (seeded or set)." })
  updatedAt: string;

  @Column({ type: "varchar", length: 100, name: "updated_by", nullable: true })
  updatedBy: string | null;

  @Field(() => TaxLimitUnit, { description: "How `amount` reads." })
  get unit(): TaxLimitUnit {
    return UNIT_OF[this.item];
  }

  @Field(() => Float, { description: "The amount: yuan (per month or per year, see `unit`), or months." })
  get amount(): number {
    return this.unit === TaxLimitUnit.MONTHS ? this.value : fenToYuan(this.value);
  }
}
