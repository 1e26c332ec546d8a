import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { CaseStatus } from "./case.enums";
import { openTestHall, outboxTypes, person } from "../service-hall.fixture";
import { CursorKey, pageRequest } from "@onewindow/platform";

/** Cursors of this process only, as a department seals them for one list. */
const cursors = CursorKey.ephemeral().list("test");

test("a case opened from a called ticket, completed the same day, is on time and on site", async () => {
  const { db, s, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  await s.queue.take({ category: HallDepartment.MEDICAL_INSURANCE });
  setNow("2026-11-23T09:05:00+08:00");
  await s.queue.callNext({ window: "07", categories: [HallDepartment.MEDICAL_INSURANCE] });
  const opened = await s.cases.open({
    idNumber: person(1),
    itemCode: "MI004",
    window: "07",
    ticketNumber: "b001",
    appointment: true,
    proxy: person(2),
  });
  assert.equal(opened.status, CaseStatus.OPEN);
  assert.equal(opened.ticketNumber, "B001");
  assert.equal(opened.department, HallDepartment.MEDICAL_INSURANCE);
  assert.equal(opened.proxyIdNumber, person(2));
  assert.equal(opened.onTime, null);
  setNow("2026-11-23T09:20:00+08:00");
  const done = await s.cases.complete({ caseId: String(opened.id) });
  assert.equal(done.status, CaseStatus.COMPLETED);
  assert.equal(done.completedOn, "2026-11-23");
  assert.equal(done.onTime, true);
  assert.equal(done.onSite, true);
  assert.deepEqual(await outboxTypes(db), [
    "onewindow.hall.ticket.called",
    "onewindow.hall.case.opened",
    "onewindow.hall.case.completed",
  ]);
  const [event] = await db.query("SELECT subject, data FROM outbox_event WHERE type = 'onewindow.hall.case.completed'");
  assert.equal(event.subject, person(1));
  assert.deepEqual(JSON.parse(event.data), {
    caseId: opened.id,
    idNumber: person(1),
    itemCode: "MI004",
    openedOn: "2026-11-23",
    completedOn: "2026-11-23",
    deadline: "2026-11-23",
    onTime: true,
    completedBy: "window",
  });
});

test("a case completed after its deadline is late; open cases past it are listed as overdue", async () => {
  const { s, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  const late = await s.cases.open({ idNumber: person(1), itemCode: "EA001", window: "14" }); // 5 working days → 2026-11-30
  const open = await s.cases.open({ idNumber: person(2), itemCode: "UE002", window: "11" }); // 3 working days → 2026-11-26
  const fine = await s.cases.open({ idNumber: person(3), itemCode: "MI005", window: "08" }); // 20 working days
  assert.deepEqual([late.deadline, open.deadline], ["2026-11-30", "2026-11-26"]);
  setNow("2026-12-01T10:00:00+08:00");
  const completed = await s.cases.complete({ caseId: String(late.id) });
  assert.equal(completed.onTime, false);
  assert.equal(completed.onSite, false);
  const overdue = await s.caseQueries.overdue(null, pageRequest(10, null, cursors));
  assert.deepEqual(
    overdue.edges.map((e) => e.node.id),
    [open.id],
  );
  assert.equal(overdue.totalCount, 1);
  assert.equal((await s.caseQueries.overdue("2026-11-26", pageRequest(10, null, cursors))).totalCount, 0);
  assert.ok(fine.deadline > "2026-12-01");
});

test("a citizen's cases come newest first, a page per citizen, for a batch of citizens", async () => {
  const { s, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  const ids = [];
  for (let i = 0; i < 3; i++) {
    setNow(`2026-11-2${3 + i}T09:00:00+08:00`);
    ids.push((await s.cases.open({ idNumber: person(1), itemCode: "LS004", window: "01" })).id);
  }
  await s.cases.open({ idNumber: person(2), itemCode: "TX005", window: "20" });
  const [first, other, nobody] = await s.caseQueries.pagesFor(
    [person(1), person(2), person(3)],
    pageRequest(2, null, cursors),
  );
  assert.equal(first.totalCount, 3);
  assert.deepEqual(
    first.edges.map((e) => e.node.id),
    [ids[2], ids[1]],
  );
  assert.equal(first.pageInfo.hasNextPage, true);
  const [rest] = await s.caseQueries.pagesFor([person(1)], pageRequest(2, first.pageInfo.endCursor, cursors));
  assert.deepEqual(
    rest.edges.map((e) => e.node.id),
    [ids[0]],
  );
  assert.equal(other.totalCount, 1);
  assert.equal(nobody.totalCount, 0);
});
