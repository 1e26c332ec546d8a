import { test } from "@jest/globals";
import { rejectsWith } from "@onewindow/testing";
import assert from "node:assert/strict";
import { HallDepartment } from "./catalogue/catalogue.enums";
import { HallEvaluationChannel, HallRating } from "./evaluation/evaluation.enums";
import { openTestHall, person, snapshot } from "./service-hall.fixture";

test("bad input is BAD_USER_INPUT naming the field, and writes nothing (outbox included)", async () => {
  const { db, s, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  const done = await s.cases.open({ idNumber: person(1), itemCode: "LS001", window: "01" });
  await s.cases.complete({ caseId: String(done.id) });
  const retirement = await s.cases.open({ idNumber: person(2), itemCode: "ER001", window: "17" });
  const item = await s.rectifications.open({ description: "叫号屏故障", deadline: "2026-11-30" });
  await s.rectifications.resolve({ id: String(item.id), resolvedOn: "2026-11-23", action: "更换显示屏" });
  await s.queue.take({ category: HallDepartment.TAX });
  const before = await snapshot(db);
  assert.equal(before.outbox_event, 3);

  const open = (patch: object) => () =>
    s.cases.open({ idNumber: person(3), itemCode: "LS001", window: "01", ...patch });
  await rejectsWith(open({ itemCode: "XX999" }), "BAD_USER_INPUT", { field: "itemCode" });
  await rejectsWith(open({ idNumber: "330104196503080011" }), "BAD_USER_INPUT", { field: "idNumber" });
  await rejectsWith(open({ window: "  " }), "BAD_USER_INPUT", { field: "window" });
  await rejectsWith(open({ ticketNumber: "F001" }), "BAD_USER_INPUT", { field: "ticketNumber" }); // taken, not called
  await rejectsWith(open({ proxy: person(3) }), "BAD_USER_INPUT", { field: "proxy" });
  await rejectsWith(open({ proxy: "123" }), "BAD_USER_INPUT", { field: "proxy" });
  await rejectsWith(() => s.cases.complete({ caseId: String(done.id) }), "BAD_USER_INPUT", { field: "caseId" });
  await rejectsWith(() => s.cases.complete({ caseId: "999" }), "BAD_USER_INPUT", { field: "caseId" });
  await rejectsWith(() => s.cases.complete({ caseId: "abc" }), "BAD_USER_INPUT", { field: "caseId" });
  await rejectsWith(() => s.cases.complete({ caseId: String(retirement.id) }), "BAD_USER_INPUT", { field: "caseId" });
  await rejectsWith(() => s.rectifications.open({ description: "x", deadline: "2026-11-22" }), "BAD_USER_INPUT", {
    field: "deadline",
  });
  await rejectsWith(() => s.rectifications.open({ description: "x", deadline: "2026-02-30" }), "BAD_USER_INPUT", {
    field: "deadline",
  });
  await rejectsWith(() => s.rectifications.open({ description: " ", deadline: "2026-12-30" }), "BAD_USER_INPUT", {
    field: "description",
  });
  await rejectsWith(
    () => s.rectifications.resolve({ id: String(item.id), resolvedOn: "2026-11-23", action: "再次" }),
    "BAD_USER_INPUT",
    { field: "id" },
  );
  await rejectsWith(
    () => s.rectifications.resolve({ id: "404", resolvedOn: "2026-11-23", action: "x" }),
    "BAD_USER_INPUT",
    { field: "id" },
  );
  const other = await s.rectifications.open({ description: "待整改", deadline: "2026-12-30" });
  const withOther = await snapshot(db);
  await rejectsWith(
    () => s.rectifications.resolve({ id: String(other.id), resolvedOn: "2026-11-24", action: "x" }),
    "BAD_USER_INPUT",
    { field: "resolvedOn" },
  );
  await rejectsWith(
    () => s.rectifications.resolve({ id: String(other.id), resolvedOn: "2026-11-22", action: "x" }),
    "BAD_USER_INPUT",
    { field: "resolvedOn" },
  );
  await rejectsWith(() => s.kpis.hallKpis("2026-12-01", "2026-11-01"), "BAD_USER_INPUT", { field: "from" });
  await rejectsWith(() => s.kpis.hallKpis("2026-13-01", "2026-12-01"), "BAD_USER_INPUT", { field: "from" });
  const rate = (patch: object) => () =>
    s.evaluations.submit({ channel: HallEvaluationChannel.FORM, rating: HallRating.UNSATISFIED, ...patch });
  await rejectsWith(rate({ caseId: "999" }), "BAD_USER_INPUT", { field: "caseId" });
  await rejectsWith(rate({}), "BAD_USER_INPUT", { field: "window" });
  await rejectsWith(rate({ caseId: String(done.id), window: "02" }), "BAD_USER_INPUT", { field: "window" });
  await rejectsWith(rate({ window: "01", channel: "PHONE" }), "BAD_USER_INPUT", { field: "channel" });
  await rejectsWith(() => s.queue.take({ category: "BANKING" as HallDepartment }), "BAD_USER_INPUT", {
    field: "category",
  });
  await rejectsWith(() => s.queue.callNext({ window: "01", categories: [] }), "BAD_USER_INPUT", {
    field: "categories",
  });
  await rejectsWith(() => s.queue.callNext({ window: "" }), "BAD_USER_INPUT", { field: "window" });
  setNow("2026-11-24T09:00:00+08:00");
  assert.deepEqual(await snapshot(db), { ...withOther });
  assert.deepEqual({ ...(await snapshot(db)), hall_rectification: before.hall_rectification }, before);
});
