import { Field, InputType, Int } from "type-graphql";
import { DateScalar } from "@onewindow/platform";

@InputType({
  description:
    "A year's holiday schedule as the State Council's notice (国务院办公厅关于<year>年部分节假日安排的通知) publishes it; replaces the year's schedule if there is one.",
})
export class SetHolidayScheduleInput {
  @Field(() => Int, { description: "The year the notice is for, 2000-2099." })
  year: number;

  @Field(() => [DateScalar], {
    description:
      "Every day off the notice lists (weekend days inside a run included); in the year, or in the New Year run across its boundary (from 25 December before to 3 January after).",
  })
  holidays: string[];

  @Field(() => [DateScalar], {
    description: "The Saturdays and Sundays the notice makes working days (调休上班); may be empty.",
  })
  makeUpWorkdays: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "The notice: title and document number, e.g. 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）.",
  })
  source?: string | null;
}
