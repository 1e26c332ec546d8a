import type { DataSource, EntityManager } from "typeorm";
import { BadUserInputError, isValidDate, optionalText } from "@onewindow/platform";
import { CatalogueService } from "../catalogue/catalogue.service";
import { HALL, HALL_CALENDAR } from "../messages";
import type { SetHolidayScheduleInput } from "./calendar.inputs";
import type { CaseDeadline, WorkingCalendarYear } from "./calendar.types";
import { HolidayScheduleRow } from "./holiday-schedule.entity";
import { FALLBACK_YEARS } from "./statutory-holidays";
import { isWeekend, scheduleWindow, WorkingCalendar, type CalendarAdditions } from "./working-calendar";

/** A year the calendar answers for: the years the statutory fallback computes. */
function checkYear(year: number, field = "year"): void {
  if (!Number.isInteger(year) || year < FALLBACK_YEARS.from || year > FALLBACK_YEARS.to)
    throw new BadUserInputError(
      HALL_CALENDAR.yearOutOfRange.with({ from: FALLBACK_YEARS.from, to: FALLBACK_YEARS.to, year: String(year) }),
      field,
    );
}

/**
 * The hall's working-day calendar: the State Council's schedules kept in `hall_holiday_schedule`
 * (read afresh for each use, so a year one replica's administrator loads counts at every replica
 * at once), the statutory fallback for years without one, and the installation's additions.
 */
export class CalendarService {
  constructor(
    private readonly db: DataSource,
    private readonly additions: CalendarAdditions,
  ) {}

  /** The calendar as the database holds it now; inside a transaction, pass its manager. */
  async current(manager: EntityManager = this.db.manager): Promise<WorkingCalendar> {
    const rows = await manager.find(HolidayScheduleRow, { order: { year: "ASC" } });
    return new WorkingCalendar(rows, this.additions);
  }

  /** The days off and weekend days worked of `year`, and whether they come from the State Council's schedule. */
  async year(year: number): Promise<WorkingCalendarYear> {
    checkYear(year);
    return (await this.current()).year(year);
  }

  /** When a case of `itemCode` opened on `openedOn` is due, and whether every year counted is official. */
  async deadline(itemCode: string, openedOn: string): Promise<CaseDeadline> {
    const day = openedOn;
    if (!isValidDate(day)) throw new BadUserInputError(HALL.dateNotExisting.with({ date: day }), "openedOn");
    checkYear(Number(day.slice(0, 4)), "openedOn");
    const item = await CatalogueService.require(this.db.manager, itemCode);
    const calendar = await this.current();
    const deadline = calendar.deadline(day, item.timeLimitDays);
    const years = Array.from(
      { length: Number(deadline.slice(0, 4)) - Number(day.slice(0, 4)) + 1 },
      (_, i) => Number(day.slice(0, 4)) + i,
    );
    return {
      itemCode: item.code,
      itemName: item.name,
      openedOn: day,
      timeLimitDays: item.timeLimitDays,
      deadline,
      official: years.every((y) => calendar.isOfficial(y)),
    };
  }

  /**
   * Loads (or replaces) a year's schedule as its notice publishes it. Every date must exist and
   * fall in the year's window, a weekend day worked must be a Saturday or Sunday, no date may be
   * both a day off and a day worked, here or in a neighbouring year's schedule; otherwise nothing
   * is written.
   */
  async setSchedule(input: SetHolidayScheduleInput): Promise<WorkingCalendarYear> {
    checkYear(input.year);
    const { from, to } = scheduleWindow(input.year);
    const dates = (list: readonly string[] | null | undefined, field: string): string[] => {
      const days = [...new Set((list ?? []).map((d) => String(d).trim()))].sort();
      for (const d of days) {
        if (!isValidDate(d)) throw new BadUserInputError(HALL.dateNotExisting.with({ date: d }), field);
        if (d < from || d > to)
          throw new BadUserInputError(
            HALL_CALENDAR.outsideSchedule.with({ date: d, year: input.year, from, to }),
            field,
          );
      }
      return days;
    };
    const holidays = dates(input.holidays, "holidays");
    const makeUpWorkdays = dates(input.makeUpWorkdays, "makeUpWorkdays");
    if (holidays.length === 0) throw new BadUserInputError(HALL_CALENDAR.noHolidays, "holidays");
    const both = holidays.find((d) => makeUpWorkdays.includes(d));
    if (both) throw new BadUserInputError(HALL_CALENDAR.offAndWorked.with({ date: both }), "makeUpWorkdays");
    const weekday = makeUpWorkdays.find((d) => !isWeekend(d));
    if (weekday) throw new BadUserInputError(HALL_CALENDAR.workedNotWeekend.with({ date: weekday }), "makeUpWorkdays");
    // Stored as the schedule's source, which the calendar shows: in Chinese, as a notice's title is.
    const source =
      optionalText(input.source, "source", 500) ?? HALL_CALENDAR.loadedWithoutNotice.with({ year: input.year }).zh;
    return this.db.transaction(async (tx) => {
      for (const other of await tx.find(HolidayScheduleRow)) {
        if (other.year === input.year) continue;
        const clash =
          holidays.find((d) => other.makeUpWorkdays.includes(d)) ??
          makeUpWorkdays.find((d) => other.holidays.includes(d));
        if (clash)
          throw new BadUserInputError(
            HALL_CALENDAR.clashesWithYear.with({ date: clash, year: other.year, source: other.source }),
            "holidays",
          );
      }
      await tx.save(tx.create(HolidayScheduleRow, { year: input.year, holidays, makeUpWorkdays, source }));
      return (await this.current(tx)).year(input.year);
    });
  }
}
