import { Arg, Authorized, Int, Mutation, Query, Resolver } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { CALENDAR_ADMINS } from "../access";
import type { Services } from "../services";
import { SetHolidayScheduleInput } from "./calendar.inputs";
import { CaseDeadline, WorkingCalendarYear } from "./calendar.types";

@Resolver()
export class CalendarResolver {
  constructor(private readonly s: Services) {}

  // Public: the holiday schedule is a published notice (no @Authorized, on PUBLIC_ROOT_FIELDS).
  @Query(() => WorkingCalendarYear, {
    description:
      "The working-day calendar of a year (2000-2099): its days off and weekend days worked, from the State Council's schedule when loaded (official), else the statutory holidays alone. Public.",
  })
  workingCalendar(@Arg("year", () => Int, { description: "The year." }) year: number): Promise<WorkingCalendarYear> {
    return this.s.calendar.year(year);
  }

  // Public: what a clerk tells a citizen at the window, and what the guide promises anyone.
  @Query(() => CaseDeadline, {
    description:
      "When a case of an item opened on a given day is due: the item's promised working days counted by the calendar. Public; BAD_USER_INPUT for an unknown item.",
  })
  deadline(
    @Arg("itemCode", { description: "The item's code, e.g. UE002." }) itemCode: string,
    @Arg("openedOn", () => DateScalar, { description: "The day the case is opened." }) openedOn: string,
  ): Promise<CaseDeadline> {
    return this.s.calendar.deadline(itemCode, openedOn);
  }

  @Authorized(CALENDAR_ADMINS)
  @Mutation(() => WorkingCalendarYear, {
    description:
      "Loads (or replaces) a year's holiday schedule as the State Council publishes it, so deadlines count by it at once: the administrator. BAD_USER_INPUT for a date outside the year, a weekday as a make-up working day, or a date both off and worked.",
  })
  setHolidaySchedule(
    @Arg("input", () => SetHolidayScheduleInput, { description: "The year, its days off and its weekend days worked." })
    input: SetHolidayScheduleInput,
  ): Promise<WorkingCalendarYear> {
    return this.s.calendar.setSchedule(input);
  }
}
