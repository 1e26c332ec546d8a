import { Field, Float, InputType, Int } from "type-graphql";
import { TaxLimitItem } from "./tax-limit.enums";

@InputType({ description: "A limit set by a new notice, from a tax year on." })
export class SetTaxLimitInput {
  @Field(() => TaxLimitItem, { description: "What the amount is." })
  item: TaxLimitItem;

  @Field(() => Int, {
    description: "The first tax year it applies to (2019 or later); a row for the same item and year is replaced.",
  })
  fromYear: number;

  @Field(() => Int, {
    nullable: true,
    description: "The last tax year it applies to; omit while the notice sets no end.",
  })
  toYear?: number | null;

  @Field(() => Float, {
    description: "The amount: yuan per month or per year as the item's unit says, or whole months.",
  })
  amount: number;

  @Field({ description: "The notice that sets it (e.g. 国发〔2023〕13号)." })
  source: string;
}
