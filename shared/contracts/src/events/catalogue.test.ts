import { describe, expect, test } from "@jest/globals";
import { DEPARTMENTS, EVENT_PUBLISHERS } from "../departments";
import { departmentOf } from "./catalogue";
import { HallEvents } from "./hall.events";
import { HospitalEvents } from "./hospital.events";
import { InsuranceEvents } from "./insurance.events";
import { LaborEvents } from "./labor.events";
import { NotifyEvents } from "./notify.events";
import { TaxEvents } from "./tax.events";

const byDepartment = {
  labor: LaborEvents,
  insurance: InsuranceEvents,
  tax: TaxEvents,
  hospital: HospitalEvents,
  hall: HallEvents,
  notify: NotifyEvents,
} as const;

describe("the event catalogue", () => {
  test("every department publishes its events under its own segment, and only there", () => {
    expect(Object.keys(byDepartment).sort()).toEqual(DEPARTMENTS.map((d) => d.segment).sort());
    for (const [department, events] of Object.entries(byDepartment)) {
      for (const type of Object.values(events)) {
        expect(type).toMatch(/^onewindow\.[a-z]+\.[a-z]+\.[a-z]+$/);
        expect(departmentOf(type)).toBe(department);
      }
    }
  });

  test("no event type is written twice", () => {
    const all = Object.values(byDepartment).flatMap((events) => Object.values(events));
    expect(new Set(all).size).toBe(all.length);
  });

  test("each department's events have one publishing service, and a type naming no department is refused", () => {
    expect(Object.keys(EVENT_PUBLISHERS)).toHaveLength(DEPARTMENTS.length);
    expect(new Set(Object.values(EVENT_PUBLISHERS)).size).toBe(DEPARTMENTS.length);
    expect(() => departmentOf("onewindow.police.case.opened")).toThrow(/names no department/);
  });
});
