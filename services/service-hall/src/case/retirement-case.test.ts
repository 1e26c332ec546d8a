import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { type EventPayloads, type EventType } from "@onewindow/contracts";
import { applyOnce, type EventEnvelope } from "@onewindow/platform";
import { CaseStatus, CaseTaskStatus } from "./case.enums";
import { openTestHall, outboxTypes, person } from "../service-hall.fixture";
import { departmentConfirmationHandlers } from "../handlers/department-confirmation.handlers";

function envelope<T extends EventType>(type: T, data: EventPayloads[T], occurredAt: string): EventEnvelope<T> {
  const subject = (data as { idNumber: string }).idNumber;
  return { id: randomUUID(), type, version: 1, source: type.split(".")[1], occurredAt, subject, data, traceId: null };
}

test("a retirement case opens a task per department and completes itself when labor, insurance and tax have confirmed", async () => {
  const { db, s } = await openTestHall("2026-11-23T09:00:00+08:00");
  const handlers = departmentConfirmationHandlers(s);
  const apply = <T extends EventType>(event: EventEnvelope<T>) => applyOnce(db, event, handlers[event.type]!);
  const retiree = person(60);
  const hallCase = await s.cases.open({ idNumber: retiree, itemCode: "ER001", window: "17" });
  const other = await s.cases.open({ idNumber: person(61), itemCode: "ER001", window: "18" });
  assert.equal(hallCase.deadline, "2026-12-14"); // 15 working days
  const [opened] = await db.query(
    "SELECT data FROM outbox_event WHERE type = 'onewindow.hall.case.opened' ORDER BY sequence LIMIT 1",
  );
  assert.deepEqual(JSON.parse(opened.data).departments, ["labor", "insurance", "tax"]);
  let tasks = (await s.caseQueries.tasksOf([hallCase.id]))[0];
  assert.deepEqual(
    tasks.map((t) => [t.department, t.status]),
    [
      ["labor", "PENDING"],
      ["insurance", "PENDING"],
      ["tax", "PENDING"],
    ],
  );
  // The clerk cannot complete it while departments have not confirmed.
  await assert.rejects(
    s.cases.complete({ caseId: String(hallCase.id) }),
    /completes itself once labor, insurance, tax confirm/,
  );

  const approved = envelope(
    "onewindow.labor.retirement.approved",
    { idNumber: retiree, retiredOn: "2026-11-01", monthlyPensionFen: 350_000 },
    "2026-11-24T02:00:00.000Z",
  );
  assert.equal(await apply(approved), true);
  assert.equal(await apply(approved), false); // redelivered: the inbox stops it
  // A scheme change that is not to RETIREE confirms nothing.
  const enrolment = {
    idNumber: retiree,
    creditCode: null,
    since: "2026-11-01",
    monthlyContributionFen: 0,
    employerMonthlyContributionFen: 0,
    previous: null,
  };
  await apply(
    envelope("onewindow.insurance.enrolment.changed", { ...enrolment, scheme: "RESIDENT" }, "2026-11-24T02:00:01.000Z"),
  );
  await apply(
    envelope("onewindow.insurance.enrolment.changed", { ...enrolment, scheme: "RETIREE" }, "2026-11-24T02:00:02.000Z"),
  );
  tasks = (await s.caseQueries.tasksOf([hallCase.id]))[0];
  assert.deepEqual(
    tasks.map((t) => t.status),
    [CaseTaskStatus.CONFIRMED, CaseTaskStatus.CONFIRMED, CaseTaskStatus.PENDING],
  );
  assert.equal(tasks[0].eventType, "onewindow.labor.retirement.approved");
  assert.equal((await s.caseQueries.findByIds([hallCase.id]))[0]?.status, CaseStatus.OPEN);

  // Tax confirms late in the evening UTC: the case completes on that day in China (2026-11-26).
  await apply(
    envelope(
      "onewindow.tax.pension.recorded",
      { idNumber: retiree, year: 2026, amountFen: 700_000, exempt: true, source: "basic pension" },
      "2026-11-25T17:30:00.000Z",
    ),
  );
  const [done] = await s.caseQueries.findByIds([hallCase.id]);
  assert.equal(done?.status, CaseStatus.COMPLETED);
  assert.equal(done?.completedOn, "2026-11-26");
  // Recorded at the hall's (test) clock's instant, not the machine's.
  assert.equal(done?.completedAt, "2026-11-23T01:00:00.000Z");
  assert.equal(done?.onTime, true);
  const [completed] = await db.query("SELECT data FROM outbox_event WHERE type = 'onewindow.hall.case.completed'");
  assert.deepEqual(JSON.parse(completed.data), {
    caseId: hallCase.id,
    idNumber: retiree,
    itemCode: "ER001",
    openedOn: "2026-11-23",
    completedOn: "2026-11-26",
    deadline: "2026-12-14",
    onTime: true,
    completedBy: "tax",
  });
  // The other retiree's case is untouched, and nothing was published twice.
  assert.equal((await s.caseQueries.findByIds([other.id]))[0]?.status, CaseStatus.OPEN);
  assert.deepEqual(await outboxTypes(db), [
    "onewindow.hall.case.opened",
    "onewindow.hall.case.opened",
    "onewindow.hall.case.completed",
  ]);
  assert.equal(Number((await db.query("SELECT COUNT(*) AS n FROM inbox_event"))[0].n), 4);
});

test("three departments confirming at the same instant still complete every case exactly once", async () => {
  // On PostgreSQL the three inbox transactions really run at once; each must see the others' work.
  const { db, s } = await openTestHall("2026-11-23T09:00:00+08:00");
  const handlers = departmentConfirmationHandlers(s);
  const apply = <T extends EventType>(event: EventEnvelope<T>) => applyOnce(db, event, handlers[event.type]!);
  const retirees = Array.from({ length: 12 }, (_, n) => person(100 + n));
  const cases = [];
  for (const idNumber of retirees) cases.push(await s.cases.open({ idNumber, itemCode: "ER001", window: "05" }));
  const at = "2026-11-24T02:00:00.000Z";
  await Promise.all(
    retirees.flatMap((idNumber) => [
      apply(
        envelope(
          "onewindow.labor.retirement.approved",
          { idNumber, retiredOn: "2026-11-01", monthlyPensionFen: 350_000 },
          at,
        ),
      ),
      apply(
        envelope(
          "onewindow.insurance.enrolment.changed",
          {
            idNumber,
            creditCode: null,
            since: "2026-11-01",
            scheme: "RETIREE",
            monthlyContributionFen: 0,
            employerMonthlyContributionFen: 0,
            previous: null,
          },
          at,
        ),
      ),
      apply(
        envelope(
          "onewindow.tax.pension.recorded",
          { idNumber, year: 2026, amountFen: 350_000, exempt: true, source: "basic pension" },
          at,
        ),
      ),
    ]),
  );
  const done = await s.caseQueries.findByIds(cases.map((c) => c.id));
  assert.deepEqual(
    done.map((c) => c?.status),
    cases.map(() => CaseStatus.COMPLETED),
  );
  const completed = (await outboxTypes(db)).filter((type) => type === "onewindow.hall.case.completed");
  assert.equal(completed.length, cases.length);
});
