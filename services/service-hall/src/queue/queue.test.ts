import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { makeIdNumber, runSql } from "@onewindow/platform";
import { HallEvents } from "@onewindow/contracts";
import { rejectsWith } from "@onewindow/testing";
import { openTestHall, outboxTypes, snapshot } from "../service-hall.fixture";
import { QueuePriority, QueueTicketStatus } from "./queue.enums";
import { seedDemoCentres } from "../seed/centres.seed";

const { LABOR_SECURITY: A, MEDICAL_INSURANCE: B, TAX: F } = HallDepartment;
const CLERK = { roles: ["window_clerk" as const], idNumber: null };

test("numbers run per category per day and restart the next day", async () => {
  const { s, setNow } = await openTestHall("2026-11-23T08:30:00+08:00");
  const numbers = [];
  for (const category of [A, A, B, A, F]) numbers.push((await s.queue.take({ category })).number);
  assert.deepEqual(numbers, ["A001", "A002", "B001", "A003", "F001"]);
  setNow("2026-11-24T08:31:00+08:00");
  const next = await s.queue.take({ category: A });
  assert.equal(next.number, "A001");
  assert.equal(next.day, "2026-11-24");
  assert.equal(next.waitingAhead, 0);
});

test("the green channel is called first, then tickets in the order taken, within the window's categories", async () => {
  const { s, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  await s.queue.take({ category: A }); // A001
  setNow("2026-11-23T09:01:00+08:00");
  await s.queue.take({ category: B }); // B001
  setNow("2026-11-23T09:02:00+08:00");
  const a2 = await s.queue.take({ category: A }); // A002
  assert.equal(a2.waitingAhead, 1);
  setNow("2026-11-23T09:03:00+08:00");
  const elderly = await s.queue.take({ category: A, priority: QueuePriority.ELDERLY }, CLERK); // A003, green channel
  assert.equal(elderly.waitingAhead, 0);
  assert.equal(elderly.estimatedWaitMinutes, 0);
  setNow("2026-11-23T09:10:00+08:00");
  const first = await s.queue.callNext({ window: "01", categories: [A] });
  assert.equal(first?.number, "A003");
  assert.equal(first?.status, QueueTicketStatus.CALLED);
  assert.equal(first?.waitSeconds, 7 * 60);
  assert.equal(first?.window, "01");
  setNow("2026-11-23T09:12:00+08:00");
  assert.equal((await s.queue.callNext({ window: "01", categories: [A] }))?.number, "A001");
  // A window serving every category takes the earliest ticket of any.
  assert.equal((await s.queue.callNext({ window: "07" }))?.number, "B001");
  assert.equal((await s.queue.callNext({ window: "02", categories: [A, B] }))?.number, "A002");
  assert.equal(await s.queue.callNext({ window: "02", categories: [A, B] }), null);
});

test("the board shows now calling, waiting per category and an estimated wait", async () => {
  const { s, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  for (let i = 0; i < 5; i++) await s.queue.take({ category: A });
  await s.queue.take({ category: A, priority: QueuePriority.DISABLED }, CLERK);
  setNow("2026-11-23T09:10:00+08:00");
  await s.queue.callNext({ window: "01", categories: [A] }); // A006 (green)
  setNow("2026-11-23T09:16:00+08:00");
  await s.queue.callNext({ window: "02", categories: [A] }); // A001
  setNow("2026-11-23T09:22:00+08:00");
  await s.queue.callNext({ window: "01", categories: [A] }); // A002
  const board = await s.queue.board();
  assert.equal(board.day, "2026-11-23");
  assert.deepEqual(
    board.nowCalling.map((t) => [t.window, t.number]),
    [
      ["01", "A002"],
      ["02", "A001"],
    ],
  );
  const a = board.categories.find((c) => c.category === A)!;
  // 3 waiting; calls 09:10 → 09:22 are 6 minutes apart: 3 × 6 = 18 minutes.
  assert.deepEqual(
    { ...a },
    { category: A, letter: "A", waiting: 3, greenChannelWaiting: 0, lastCalled: "A002", estimatedWaitMinutes: 18 },
  );
  const b = board.categories.find((c) => c.category === B)!;
  assert.deepEqual(
    { ...b },
    { category: B, letter: "B", waiting: 0, greenChannelWaiting: 0, lastCalled: null, estimatedWaitMinutes: 0 },
  );
  assert.equal(board.categories.length, 6);
  // A new ordinary ticket waits behind the 3, at 6 minutes per call.
  const next = await s.queue.take({ category: A });
  assert.equal(next.waitingAhead, 3);
  assert.equal(next.estimatedWaitMinutes, 18);
});

test("the green channel: DISABLED from a clerk only, ELDERLY from a clerk or for an ID number of someone 60 or over", async () => {
  const { s } = await openTestHall("2026-11-23T09:00:00+08:00");
  const kiosk = { roles: [], idNumber: null };
  // `zh`: what the person at the machine is told, in Chinese.
  const refused = async (input: Parameters<typeof s.queue.take>[0], code: string, zh: RegExp) =>
    assert.rejects(
      s.queue.take(input, kiosk),
      (err: { extensions?: { code?: string; localizedMessage?: string } }) =>
        err.extensions?.code === code && zh.test(err.extensions.localizedMessage ?? ""),
    );
  await refused({ category: A, priority: QueuePriority.DISABLED }, "FORBIDDEN", /^爱心通道号须由窗口工作人员发放/);
  await refused(
    { category: A, priority: QueuePriority.ELDERLY },
    "BAD_USER_INPUT",
    /老年人绿色通道须提供本人身份证号码/,
  );
  // Born 1966-11-24: 59 on 2026-11-23, one day short.
  await refused(
    { category: A, priority: QueuePriority.ELDERLY, idNumber: makeIdNumber("330102", "1966-11-24", 1) },
    "BAD_USER_INPUT",
    /未满60周岁/,
  );
  await refused(
    { category: A, priority: QueuePriority.ELDERLY, idNumber: "330102196611240000" },
    "BAD_USER_INPUT",
    /^身份证号码校验位应为/,
  );
  // Nothing was issued by the refusals.
  assert.equal((await s.queue.take({ category: A }, kiosk)).number, "A001");
  const sixty = await s.queue.take(
    { category: A, priority: QueuePriority.ELDERLY, idNumber: makeIdNumber("330102", "1966-11-23", 1) },
    kiosk,
  );
  assert.equal(sixty.greenChannel, true);
  assert.equal((await s.queue.take({ category: A, priority: QueuePriority.DISABLED }, CLERK)).greenChannel, true);
});

test("a skipped ticket is recalled within the centre's recall window, and refused after it", async () => {
  const { db, s, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  const a1 = await s.queue.take({ category: A });
  const a2 = await s.queue.take({ category: A });
  await s.queue.callNext({ window: "01", categories: [A] });
  setNow("2026-11-23T09:05:00+08:00");
  const skipped = await s.queue.skip({ ticketId: String(a1.id) });
  assert.equal(skipped.status, QueueTicketStatus.SKIPPED);
  assert.equal(skipped.skippedAt, "2026-11-23T01:05:00.000Z");
  // A skipped ticket is not on the screen, and the line goes on.
  assert.deepEqual((await s.queue.board()).nowCalling, []);
  assert.equal((await s.queue.callNext({ window: "01", categories: [A] }))?.number, "A002");
  await s.queue.skip({ ticketId: String(a2.id) });
  // 30 minutes (the seeded default) to the second: recalled to the window that asks.
  setNow("2026-11-23T09:35:00+08:00");
  const recalled = await s.queue.recall({ ticketId: String(a1.id), window: "03" });
  assert.deepEqual(
    [recalled.status, recalled.window, recalled.calledAt],
    [QueueTicketStatus.CALLED, "03", "2026-11-23T01:35:00.000Z"],
  );
  setNow("2026-11-23T09:35:01+08:00");
  const late = await rejectsWith(() => s.queue.recall({ ticketId: String(a2.id), window: "03" }), "BAD_USER_INPUT", {
    field: "ticketId",
    message: /the recall window of 30 minutes has passed/,
  });
  assert.equal(late.extensions.localizedMessage, "A002 过号已超过30分钟，不能再叫号，请重新取号");
  // The centre lengthens its window: the same ticket may now be recalled.
  await s.queue.setRecallWindow({ centre: "kaixuan", recallWindowMinutes: 60 });
  assert.equal((await s.queue.recall({ ticketId: String(a2.id), window: "03" })).status, QueueTicketStatus.CALLED);
  assert.deepEqual(await outboxTypes(db), [
    HallEvents.ticketCalled,
    HallEvents.ticketSkipped,
    HallEvents.ticketCalled,
    HallEvents.ticketSkipped,
    HallEvents.ticketRecalled,
    HallEvents.ticketRecalled,
  ]);
  const [skippedEvent] = await runSql<{ subject: string; data: string }>(
    db.manager,
    "SELECT subject, data FROM outbox_event WHERE type = ?",
    [HallEvents.ticketSkipped],
  );
  assert.equal(skippedEvent.subject, `ticket:${a1.id}`);
  assert.deepEqual(JSON.parse(skippedEvent.data), {
    ticketId: a1.id,
    number: "A001",
    category: A,
    centre: "KAIXUAN",
    day: "2026-11-23",
    at: "2026-11-23T01:05:00.000Z",
    window: "01",
    recallUntil: "2026-11-23T01:35:00.000Z",
  });
});

test("a transferred ticket joins the other line with its number there, ahead of that line's later tickets", async () => {
  const { s, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  const a1 = await s.queue.take({ category: A }); // A001, taken first
  setNow("2026-11-23T09:01:00+08:00");
  await s.queue.take({ category: F }); // F001
  await s.queue.callNext({ window: "01", categories: [A] }); // A001 comes to the labor window: it is a tax matter
  const moved = await s.queue.transfer({ ticketId: String(a1.id), toCategory: F });
  assert.deepEqual(
    [moved.number, moved.category, moved.status, moved.transferredFrom, moved.window],
    ["F002", F, QueueTicketStatus.WAITING, A, null],
  );
  assert.equal(await s.queue.callNext({ window: "09", categories: [A] }), null);
  assert.equal((await s.queue.callNext({ window: "09", categories: [F] }))?.number, "F002");
  assert.equal((await s.queue.callNext({ window: "09", categories: [F] }))?.number, "F001");
});

test("skip, recall and transfer refuse what does not fit and write nothing", async () => {
  const { db, s, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  const waiting = await s.queue.take({ category: A });
  const called = await s.queue.take({ category: B });
  await s.queue.callNext({ window: "02", categories: [B] });
  const before = await snapshot(db);
  const bad = async (p: () => Promise<unknown>, field: string) => rejectsWith(p, "BAD_USER_INPUT", { field });
  await bad(() => s.queue.skip({ ticketId: String(waiting.id) }), "ticketId"); // not called
  await bad(() => s.queue.skip({ ticketId: "abc" }), "ticketId");
  await bad(() => s.queue.skip({ ticketId: "999" }), "ticketId");
  await bad(() => s.queue.recall({ ticketId: String(called.id), window: "02" }), "ticketId"); // not skipped
  await bad(() => s.queue.recall({ ticketId: String(called.id), window: " " }), "window");
  await bad(() => s.queue.transfer({ ticketId: String(waiting.id), toCategory: A }), "toCategory");
  await bad(
    () => s.queue.transfer({ ticketId: String(waiting.id), toCategory: "BANK" as HallDepartment }),
    "toCategory",
  );
  await bad(() => s.queue.setRecallWindow({ centre: "NOWHERE", recallWindowMinutes: 10 }), "centre");
  await bad(() => s.queue.setRecallWindow({ centre: "KAIXUAN", recallWindowMinutes: 241 }), "recallWindowMinutes");
  await bad(() => s.queue.setRecallWindow({ centre: "KAIXUAN", recallWindowMinutes: 1.5 }), "recallWindowMinutes");
  // Yesterday's ticket is no ticket today.
  setNow("2026-11-24T09:00:00+08:00");
  await bad(() => s.queue.skip({ ticketId: String(called.id) }), "ticketId");
  await bad(() => s.queue.transfer({ ticketId: String(waiting.id), toCategory: B }), "ticketId");
  assert.deepEqual(await snapshot(db), before);
  assert.deepEqual(
    (await s.queue.centres()).map((c) => ({ code: c.code, name: c.name, recallWindowMinutes: c.recallWindowMinutes })),
    [{ code: "KAIXUAN", name: "凯旋街道综合服务中心", recallWindowMinutes: 30 }],
  );
});

test("each centre numbers its own lines: two centres both issue A001 on one day, and each window calls its own centre's", async () => {
  const { db, s } = await openTestHall("2026-11-23T09:00:00+08:00");
  await db.transaction((tx) => seedDemoCentres(tx));
  const kaixuan = await s.queue.take({ category: A });
  const station = await s.queue.take({ category: A, centre: "kx_nanxiaobu" });
  const kaixuan2 = await s.queue.take({ category: A, centre: "KAIXUAN" });
  assert.deepEqual(
    [kaixuan, station, kaixuan2].map((t) => [t.centre, t.number, t.waitingAhead]),
    [
      ["KAIXUAN", "A001", 0],
      ["KX_NANXIAOBU", "A001", 0],
      ["KAIXUAN", "A002", 1],
    ],
  );
  // A window calls its own centre's line: the station's A001 is not called at the hall's window.
  assert.equal((await s.queue.callNext({ window: "01", categories: [A] }))?.id, kaixuan.id);
  assert.equal((await s.queue.callNext({ window: "01", categories: [A] }))?.id, kaixuan2.id);
  assert.equal(await s.queue.callNext({ window: "01", categories: [A] }), null);
  assert.equal((await s.queue.board("KX_NANXIAOBU")).categories.find((c) => c.category === A)?.waiting, 1);
  assert.equal((await s.queue.board()).categories.find((c) => c.category === A)?.lastCalled, "A002");
  // A clerk on the station's staff calls the station's line without naming it.
  await s.staff.record({ staffNumber: "NX01", name: "李娜", centre: "KX_NANXIAOBU", window: "1", partyMember: false });
  const called = await s.queue.callNext({ window: "1", categories: [A] }, "NX01");
  assert.deepEqual([called?.id, called?.number, called?.staffNumber], [station.id, "A001", "NX01"]);
  // A transfer takes the next number of the other line at the ticket's own centre.
  const other = await s.queue.take({ category: A, centre: "KX_NANXIAOBU" });
  await s.queue.take({ category: B });
  const moved = await s.queue.transfer({ ticketId: String(other.id), toCategory: B });
  assert.deepEqual([moved.centre, moved.number], ["KX_NANXIAOBU", "B001"]);
  // An unknown centre issues nothing.
  const before = await snapshot(db);
  await rejectsWith(() => s.queue.take({ category: A, centre: "NOWHERE" }), "BAD_USER_INPUT", { field: "centre" });
  await rejectsWith(() => s.queue.board("NOWHERE"), "BAD_USER_INPUT", { field: "centre" });
  assert.deepEqual(await snapshot(db), before);
});

// As many at once as a lost race is retried (NUMBERING_ATTEMPTS): on PostgreSQL each may lose to all the others.
test("tickets taken at once at one centre get distinct numbers, all of them called", async () => {
  const { s } = await openTestHall("2026-11-23T09:00:00+08:00");
  const taken = await Promise.all(Array.from({ length: 5 }, () => s.queue.take({ category: A })));
  assert.deepEqual(
    taken.map((t) => t.number).sort(),
    Array.from({ length: 5 }, (_, i) => `A${String(i + 1).padStart(3, "0")}`),
  );
  const called = [];
  for (let i = 0; i < 5; i++) called.push((await s.queue.callNext({ window: "01", categories: [A] }))!.number);
  assert.deepEqual(called.sort(), taken.map((t) => t.number).sort());
  assert.equal(await s.queue.callNext({ window: "01", categories: [A] }), null);
});
