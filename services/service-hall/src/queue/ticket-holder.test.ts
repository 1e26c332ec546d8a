import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { graphql } from "graphql";
import { type Caller } from "@onewindow/contracts";
import { localContext } from "@onewindow/platform";
import { PERSONAL_DATA_READERS } from "../access";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { buildServiceHallSchema } from "../schema";
import { openTestHall, person } from "../service-hall.fixture";

const { ENTERPRISE_RETIREES: E } = HallDepartment;
const CLERK: Partial<Caller> = { userId: "clerk-1", roles: ["window_clerk"], purpose: "排队号 E001" };
const ANALYST: Partial<Caller> = { userId: "analyst-1", roles: ["analyst"], purpose: "月度督查" };
const citizen = (n: number): Partial<Caller> => ({
  userId: `citizen-${n}`,
  roles: ["citizen"],
  idNumber: person(n),
  purpose: "self service",
});

async function hall() {
  const { db, s } = await openTestHall("2026-11-23T09:00:00+08:00");
  const schema = await buildServiceHallSchema(s);
  const as = async (caller: Partial<Caller>, source: string, variableValues?: Record<string, unknown>) => {
    const contextValue = localContext("service-hall", PERSONAL_DATA_READERS, db, caller);
    const result = await graphql({ schema, source, variableValues, contextValue });
    return { ...result, reads: contextValue.access.records() };
  };
  return { s, as };
}

const CALL = `mutation { callNextTicket(input: { window: "07", categories: [ENTERPRISE_RETIREES] }) { number holder { idNumber } } }`;
const TICKETS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { queueTickets { number status } } } }`;

test("the clerk who calls a ticket reads its holder, with a purpose and on the audit trail; a ticket taken unsigned has none", async () => {
  const { s, as } = await hall();
  await s.queue.take({ category: E }, { roles: ["citizen"], idNumber: person(1) } as Caller);
  await s.queue.take({ category: E });

  const first = await as(CLERK, CALL);
  assert.equal(first.errors, undefined);
  assert.deepEqual(JSON.parse(JSON.stringify(first.data)), {
    callNextTicket: { number: "E001", holder: { idNumber: person(1) } },
  });
  assert.deepEqual(
    first.reads.map((r) => [r.idNumber, r.fields, r.purpose]),
    [[person(1), ["QueueTicket.holder", "idNumber"], "排队号 E001"]],
  );
  const second = await as(CLERK, CALL);
  assert.equal((second.data as { callNextTicket: { holder: unknown } }).callNextTicket.holder, null);
  assert.deepEqual(second.reads, []);
});

test("a ticket's holder needs a window clerk and a purpose", async () => {
  const { s, as } = await hall();
  await s.queue.take({ category: E }, { roles: ["citizen"], idNumber: person(1) } as Caller);
  const analyst = await as(ANALYST, CALL);
  assert.equal(analyst.errors?.[0]?.extensions?.code, "FORBIDDEN");
  // The call itself needs no purpose (the ticket stays called); naming its holder does.
  const noPurpose = await as({ ...CLERK, purpose: null }, CALL);
  assert.equal(noPurpose.errors?.[0]?.extensions?.code, "FORBIDDEN");
  assert.deepEqual(noPurpose.reads, []);
});

test("a person's queue tickets: the clerk and the person themselves, newest first; not an analyst nor another citizen", async () => {
  const { s, as } = await hall();
  await s.queue.take({ category: E }, { roles: ["citizen"], idNumber: person(1) } as Caller);
  await s.queue.take({ category: E });
  await s.queue.take({ category: HallDepartment.TAX }, { roles: ["citizen"], idNumber: person(1) } as Caller);
  const r = { r: [{ __typename: "Citizen", idNumber: person(1) }] };

  const clerk = await as(CLERK, TICKETS, r);
  assert.equal(clerk.errors, undefined);
  assert.deepEqual(JSON.parse(JSON.stringify(clerk.data))._entities[0].queueTickets, [
    { number: "F001", status: "WAITING" },
    { number: "E001", status: "WAITING" },
  ]);
  assert.ok(clerk.reads.some((read) => read.idNumber === person(1) && read.fields.includes("QueueTicket.number")));
  assert.equal((await as(citizen(1), TICKETS, r)).errors, undefined);
  assert.equal((await as(citizen(2), TICKETS, r)).errors?.[0]?.extensions?.code, "FORBIDDEN");
  assert.equal((await as(ANALYST, TICKETS, r)).errors?.[0]?.extensions?.code, "FORBIDDEN");
});
