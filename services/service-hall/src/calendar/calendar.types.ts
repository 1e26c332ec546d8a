import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";

@ObjectType({ description: "A year of the working-day calendar the hall counts promised time limits by." })
export class WorkingCalendarYear {
  @Field(() => Int, { description: "The year." })
  year: number;

  @Field({
    description:
      "True when the State Council's schedule for the year is loaded; false: only the statutory holidays of the 《全国年节及纪念日放假办法》, without the notice's 调休.",
  })
  official: boolean;

  @Field({ description: "Where the days come from: the notice(s), or the statutory text the fallback follows." })
  source: string;

  @Field(() => [DateScalar], {
    description: "Days off falling in the year (weekend days inside a holiday run included).",
  })
  holidays: string[];

  @Field(() => [DateScalar], { description: "Saturdays and Sundays in the year that are working days (调休上班)." })
  makeUpWorkdays: string[];
}

@ObjectType({
  description:
    "When a case of an item opened on a given day is due: the item's promised working days counted by the calendar.",
})
export class CaseDeadline {
  @Field({ description: "The item's code." })
  itemCode: string;

  @Field({ description: "The item's name." })
  itemName: string;

  @Field(() => DateScalar, { description: "The day the case is (or would be) opened." })
  openedOn: string;

  @Field(() => Int, { description: "The item's promised time limit in working days; 0 is on the spot." })
  timeLimitDays: number;

  @Field(() => DateScalar, {
    description: "The deadline: the timeLimitDays-th working day after openedOn (openedOn itself when 0).",
  })
  deadline: string;

  @Field({
    description:
      "True when every year from openedOn to the deadline has its State Council schedule loaded; false: a year was counted by the statutory holidays alone.",
  })
  official: boolean;
}
