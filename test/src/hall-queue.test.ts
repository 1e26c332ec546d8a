import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { addDays, today } from "@onewindow/platform";
import { startStack, type As, type Stack } from "./harness/stack";
import { freshIdNumber } from "./harness/fixtures";

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}, as?: As) {
  const res = await stack.query(query, variables, as);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

/** The day and half day in Beijing: which 12-hour appointment slot is under way. */
const halfDay = () => `${today()} ${(new Date().getUTCHours() + 8) % 24 < 12 ? "AM" : "PM"}`;

const ADMIN: As = { roles: ["admin"], user: "hall-admin" };
const TAKE = `mutation ($c: HallDepartment!) { takeQueueTicket(input: { category: $c }) { id number } }`;
const CALL = `mutation ($w: String!, $c: [HallDepartment!]) { callNextTicket(input: { window: $w, categories: $c }) { id number status } }`;
const RECALL_WINDOW = `mutation ($m: Int!) { setRecallWindow(input: { centre: "KAIXUAN", recallWindowMinutes: $m }) { recallWindowMinutes } }`;

describe("the hall's queue through the gateway: missed numbers, transfer, appointments", () => {
  let stack: Stack;
  beforeAll(async () => {
    // Today is a working day for this stack whatever the calendar says, so a slot of today can be booked.
    // Tomorrow too: the stack may start just before midnight.
    stack = await startStack({ env: { HALL_MAKEUP_WORKDAYS: `${today()},${addDays(today(), 1)}` } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("a skipped ticket is recalled within the centre's recall window, and refused once it has passed", async () => {
    const first = (await ok(stack, TAKE, { c: "TAX" }, "anonymous")).takeQueueTicket;
    const second = (await ok(stack, TAKE, { c: "TAX" }, "anonymous")).takeQueueTicket;
    assert.equal((await ok(stack, CALL, { w: "F1", c: ["TAX"] })).callNextTicket.id, first.id);
    const skip = `mutation ($t: ID!) { skipTicket(input: { ticketId: $t }) { number status skippedAt } }`;
    const recall = `mutation ($t: ID!) { recallTicket(input: { ticketId: $t, window: "F2" }) { number status window } }`;
    const skipped = (await ok(stack, skip, { t: first.id })).skipTicket;
    assert.equal(skipped.status, "SKIPPED");
    assert.deepEqual((await ok(stack, recall, { t: first.id })).recallTicket, {
      number: first.number,
      status: "CALLED",
      window: "F2",
    });

    assert.equal((await ok(stack, CALL, { w: "F1", c: ["TAX"] })).callNextTicket.id, second.id);
    await ok(stack, skip, { t: second.id });
    // The administrator closes the window: any time after the skip is past it.
    await ok(stack, RECALL_WINDOW, { m: 0 }, ADMIN);
    try {
      const late = await stack.query(recall, { t: second.id });
      assert.equal(late.errors?.[0].extensions?.code, "BAD_USER_INPUT", JSON.stringify(late.errors));
      assert.match(late.errors![0].message, /the recall window of 0 minutes has passed/);
      assert.match(late.errors![0].extensions!.localizedMessage, /过号已超过0分钟/);
    } finally {
      await ok(stack, RECALL_WINDOW, { m: 30 }, ADMIN);
    }
    // A clerk may not change the window.
    const clerk = await stack.query(RECALL_WINDOW, { m: 60 });
    assert.equal(clerk.errors?.[0].extensions?.code, "FORBIDDEN");
  });

  test("a transferred ticket leaves its line and waits in the other category's, ahead of that line's later tickets", async () => {
    const moving = (await ok(stack, TAKE, { c: "MEDICAL_INSURANCE" }, "anonymous")).takeQueueTicket;
    const there = (await ok(stack, TAKE, { c: "UNEMPLOYMENT" }, "anonymous")).takeQueueTicket;
    const moved = (
      await ok(
        stack,
        `mutation ($t: ID!) { transferTicket(input: { ticketId: $t, toCategory: UNEMPLOYMENT }) { id number category transferredFrom status } }`,
        { t: moving.id },
      )
    ).transferTicket;
    assert.deepEqual(
      { ...moved, number: moved.number[0] },
      { id: moving.id, number: "C", category: "UNEMPLOYMENT", transferredFrom: "MEDICAL_INSURANCE", status: "WAITING" },
    );
    const board = (await ok(stack, `{ queueBoard { categories { category waiting } } }`, {}, "anonymous")).queueBoard;
    const waiting = (c: string) => board.categories.find((x: { category: string }) => x.category === c).waiting;
    assert.deepEqual([waiting("MEDICAL_INSURANCE"), waiting("UNEMPLOYMENT")], [0, 2]);
    assert.equal((await ok(stack, CALL, { w: "C1", c: ["MEDICAL_INSURANCE"] })).callNextTicket, null);
    assert.equal((await ok(stack, CALL, { w: "C1", c: ["UNEMPLOYMENT"] })).callNextTicket.number, moved.number);
    assert.equal((await ok(stack, CALL, { w: "C1", c: ["UNEMPLOYMENT"] })).callNextTicket.number, there.number);
  });

  test("a booked person who checks in is called at the slot's time ahead of an earlier walk-in of the same category", async () => {
    // The booking takes the 12-hour slot under way; should noon or midnight pass in the middle,
    // the line is emptied and the steps run again in the new slot.
    const bookAndCall = async () => {
      const day = today();
      await ok(
        stack,
        `mutation { setAppointmentSchedule(input: { centre: "KAIXUAN", itemCode: "LS001", opensAt: "00:00", closesAt: "24:00", slotMinutes: 720, capacity: 5 }) { capacity } }`,
        {},
        ADMIN,
      );
      // The slot under way now is the first that has not ended (an ended slot has no place left).
      const slots = (
        await ok(
          stack,
          `query ($d: Date!) { appointmentSlots(itemCode: "LS001", centre: "KAIXUAN", from: $d, to: $d) { startTime available } }`,
          { d: day },
          "anonymous",
        )
      ).appointmentSlots;
      const current = slots.find((s: { available: number }) => s.available > 0);
      assert.ok(current, JSON.stringify(slots));

      const walkIn = (await ok(stack, TAKE, { c: "LABOR_SECURITY" }, "anonymous")).takeQueueTicket;
      const idNumber = freshIdNumber("1980-05-05", "FEMALE");
      const citizen: As = { roles: ["citizen"], idNumber, user: `citizen-${idNumber}`, purpose: "预约办事" };
      const booked = (
        await ok(
          stack,
          `mutation ($i: BookAppointmentInput!) { bookAppointment(input: $i) { id status startTime } }`,
          { i: { idNumber, centre: "KAIXUAN", itemCode: "LS001", day, startTime: current.startTime } },
          citizen,
        )
      ).bookAppointment;
      assert.equal(booked.status, "BOOKED");
      const arrived = (
        await ok(
          stack,
          `mutation ($id: ID!) { checkInAppointment(input: { appointmentId: $id }) { status ticket { id number appointmentAt } } }`,
          { id: booked.id },
          citizen,
        )
      ).checkInAppointment;
      assert.equal(arrived.status, "CHECKED_IN");
      assert.ok(arrived.ticket.appointmentAt <= new Date().toISOString(), arrived.ticket.appointmentAt);
      assert.ok(Number(arrived.ticket.id) > Number(walkIn.id));

      assert.equal((await ok(stack, CALL, { w: "A1", c: ["LABOR_SECURITY"] })).callNextTicket.id, arrived.ticket.id);
      assert.equal((await ok(stack, CALL, { w: "A1", c: ["LABOR_SECURITY"] })).callNextTicket.id, walkIn.id);
      return { booked, day };
    };
    const during = halfDay();
    let attempt: Awaited<ReturnType<typeof bookAndCall>>;
    try {
      attempt = await bookAndCall();
    } catch (err) {
      if (halfDay() === during) throw err;
      while ((await ok(stack, CALL, { w: "A1", c: ["LABOR_SECURITY"] })).callNextTicket);
      attempt = await bookAndCall();
    }
    const { booked, day } = attempt;

    // Someone else may not check in or cancel it; the counts are the analyst's.
    const other: As = { roles: ["citizen"], idNumber: freshIdNumber("1981-06-06", "MALE"), purpose: "预约办事" };
    const cancel = await stack.query(
      `mutation ($id: ID!) { cancelAppointment(input: { appointmentId: $id }) { status } }`,
      { id: booked.id },
      other,
    );
    assert.equal(cancel.errors?.[0].extensions?.code, "FORBIDDEN");
    const counts = await ok(
      stack,
      `query ($d: Date!) { appointmentCounts(centre: "KAIXUAN", from: $d, to: $d) { checkedIn } }`,
      { d: day },
      { roles: ["analyst"], user: "analyst-1" },
    );
    assert.equal(counts.appointmentCounts.checkedIn, 1);
  });
});
