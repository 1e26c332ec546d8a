import { addDays, makeIdNumber, type SeededRandom } from "@onewindow/platform";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { HallDepartment, QUEUE_LETTERS } from "../catalogue/catalogue.enums";
import type { CatalogueEntry } from "../catalogue/catalogue.data";
import { QueuePriority } from "../queue/queue.enums";
import { KAIXUAN } from "./kaixuan.figures";

/** One generated visit: the ticket taken and the case it became, completed the same day. */
export interface VisitRow {
  day: string;
  department: HallDepartment;
  seq: number;
  number: string;
  priority: QueuePriority;
  takenAt: string;
  calledAt: string;
  waitSeconds: number;
  window: string;
  idNumber: string;
  itemCode: string;
  appointment: boolean;
  proxyIdNumber: string | null;
  openedAt: string;
  deadline: string;
  completedAt: string;
}

/** The working days from `from` to `to` by `calendar` (that year's own schedule): the days the demo centre was open. */
export function workingDays(from: string, to: string, calendar: WorkingCalendar): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d);
  return days;
}

/** A pool of valid resident ID numbers of Kaixuan street's residents (江干区 330104). */
export function residentPool(size: number): string[] {
  return Array.from({ length: size }, (_, i) =>
    makeIdNumber("330104", addDays("1940-01-01", (i * 7_919) % 18_000), 100 + Math.floor(i / 18_000)),
  );
}

const at = (day: string, minutesAfterOpening: number) =>
  new Date(Date.parse(`${day}T08:30:00+08:00`) + minutesAfterOpening * 60_000);

/**
 * The visits of one day: tickets taken between 08:30 and 16:30 (China Standard Time), numbered
 * per category in the order taken, called after a skewed wait (the green channel waits least),
 * each becoming a case completed at the window within the hour.
 */
export function visitsOfDay(
  rng: SeededRandom,
  day: string,
  count: number,
  items: Map<HallDepartment, CatalogueEntry[]>,
  people: readonly string[],
  calendar: WorkingCalendar,
): VisitRow[] {
  const arrivals = Array.from({ length: count }, () => rng.next() * 480).sort((a, b) => a - b);
  const seqs = new Map<HallDepartment, number>();
  return arrivals.map((minute) => {
    const department = rng.weighted(KAIXUAN.departmentWeights);
    const seq = (seqs.get(department) ?? 0) + 1;
    seqs.set(department, seq);
    const green = rng.chance(KAIXUAN.greenChannelShare);
    const priority = green ? rng.pick([QueuePriority.ELDERLY, QueuePriority.DISABLED]) : QueuePriority.NORMAL;
    const waitSeconds = Math.round(
      green ? rng.int(30, 180) : Math.min(45 * 60, Math.max(60, rng.logNormal(7 * 60, 0.6))),
    );
    const taken = at(day, minute);
    const called = new Date(taken.getTime() + waitSeconds * 1000);
    const opened = new Date(called.getTime() + 60_000);
    const item = rng.pick(items.get(department)!);
    const windows = KAIXUAN.windows.filter((w) => w.department === department);
    const person = rng.int(0, people.length - 1);
    const idNumber = people[person];
    return {
      day,
      department,
      seq,
      number: `${QUEUE_LETTERS[department]}${String(seq).padStart(3, "0")}`,
      priority,
      takenAt: taken.toISOString(),
      calledAt: called.toISOString(),
      waitSeconds,
      window: rng.pick(windows).window,
      idNumber,
      itemCode: item.code,
      appointment: rng.chance(KAIXUAN.appointmentShare),
      proxyIdNumber: rng.chance(KAIXUAN.proxyShare) ? people[(person + 1) % people.length] : null,
      openedAt: opened.toISOString(),
      deadline: calendar.deadline(day, item.timeLimitDays),
      completedAt: new Date(opened.getTime() + rng.int(5, 40) * 60_000).toISOString(),
    };
  });
}
