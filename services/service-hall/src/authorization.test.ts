import { test } from "@jest/globals";
import assert from "node:assert/strict";
import {
  getNamedType,
  graphql,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { type Caller } from "@onewindow/contracts";
import { localContext, maskIdNumber } from "@onewindow/platform";
import { PERSONAL_DATA_READERS, PUBLIC_ROOT_FIELDS } from "./access";
import { openTestHall, person } from "./service-hall.fixture";
import { buildServiceHallSchema } from "./schema";
import { HallDepartment } from "./catalogue/catalogue.enums";

const CLERK: Partial<Caller> = { userId: "clerk-1", roles: ["window_clerk"], purpose: "窗口办件" };
const ANALYST: Partial<Caller> = { userId: "analyst-1", roles: ["analyst"], purpose: "月度督查" };
const LABOR_OFFICER: Partial<Caller> = { userId: "labor-1", roles: ["labor_officer"], purpose: "劳动监察" };
const citizen = (n: number): Partial<Caller> => ({
  userId: `citizen-${n}`,
  roles: ["citizen"],
  idNumber: person(n),
  purpose: "self service",
});

/** A hall with three open cases (person 1 with person 2 as proxy, persons 3 and 4), all overdue by 2027. */
async function hall() {
  const { db, s } = await openTestHall("2026-11-23T09:00:00+08:00");
  const schema = await buildServiceHallSchema(s);
  const cases = [
    await s.cases.open({ idNumber: person(1), itemCode: "UE002", window: "11", proxy: person(2) }),
    await s.cases.open({ idNumber: person(3), itemCode: "EA001", window: "14" }),
    await s.cases.open({ idNumber: person(4), itemCode: "LS004", window: "01" }),
  ];
  /** Runs `source` as `caller`; returns the result and the reads the request recorded for the audit trail. */
  const as = async (caller: Partial<Caller>, source: string, variableValues?: Record<string, unknown>) => {
    const contextValue = localContext("service-hall", PERSONAL_DATA_READERS, db, caller);
    const result = await graphql({ schema, source, variableValues, contextValue });
    return { ...result, reads: contextValue.access.records(), contextValue };
  };
  return { db, s, schema, cases, as };
}

const codeOf = (result: ExecutionResult) => result.errors?.[0]?.extensions?.code;
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** A value of `type` that passes coercion: required input fields filled in, optional ones left out. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields()))
      if (isNonNullType(field.type)) value[field.name] = sample(field.type);
    return value;
  }
  if (isScalarType(type)) {
    const samples: Record<string, unknown> = {
      Int: 1,
      Float: 1,
      Boolean: true,
      Date: "2026-11-23",
      DateTime: "2026-11-23T09:00:00Z",
      _Any: { __typename: "Case", id: "1" },
    };
    return samples[type.name] ?? "1";
  }
  return null;
}

/** Every root field of the schema, with a query that calls it with sample arguments. */
function rootCalls(schema: GraphQLSchema): { name: string; source: string; variables: Record<string, unknown> }[] {
  const calls = [];
  for (const [operation, root] of [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const args = field.args.filter((a) => isNonNullType(a.type));
      const declared = args.map((a, i) => `$a${i}: ${a.type}`).join(", ");
      const passed = args.map((a, i) => `${a.name}: $a${i}`).join(", ");
      const named = getNamedType(field.type);
      const selection = isScalarType(named) || isEnumType(named) ? "" : " { __typename }";
      calls.push({
        name: `${root!.name}.${field.name}`,
        source: `${operation}${declared ? ` (${declared})` : ""} { ${field.name}${passed ? `(${passed})` : ""}${selection} }`,
        variables: Object.fromEntries(args.map((a, i) => [`a${i}`, sample(a.type)])),
      });
    }
  }
  return calls;
}

test("every root field is either on the public list or refuses an anonymous caller (an unannotated field fails here)", async () => {
  const { schema, as } = await hall();
  const calls = rootCalls(schema);
  assert.ok(calls.length >= 14, `${calls.length} root fields`);
  const wrong: string[] = [];
  for (const call of calls) {
    const result = await as({}, call.source, call.variables);
    const code = codeOf(result);
    const isPublic = PUBLIC_ROOT_FIELDS.includes(call.name);
    if (isPublic && (code === "UNAUTHENTICATED" || code === "FORBIDDEN"))
      wrong.push(`${call.name} is public but refused: ${result.errors![0].message}`);
    if (!isPublic && code !== "UNAUTHENTICATED")
      wrong.push(
        `${call.name} answered an anonymous caller (${code ?? "data"}): annotate it with @Authorized or list it in PUBLIC_ROOT_FIELDS`,
      );
  }
  assert.deepEqual(wrong, []);
  // The public list names no field that does not exist (a renamed field would silently leave it).
  assert.deepEqual(
    PUBLIC_ROOT_FIELDS.filter((name) => !calls.some((c) => c.name === name)),
    [],
  );
});

test("anonymous: reads the guide and the queue screen, takes a ticket; may not open a case", async () => {
  const { as } = await hall();
  const guide = await as({}, `{ serviceItems(keyword: "退休") { code } queueBoard { categories { category } } }`);
  assert.equal(guide.errors, undefined);
  assert.ok((guide.data!.serviceItems as unknown[]).length > 0);
  const ticket = await as({}, `mutation { takeQueueTicket(input: { category: TAX }) { number } }`);
  assert.equal(ticket.errors, undefined, JSON.stringify(ticket.errors));
  assert.match((ticket.data!.takeQueueTicket as { number: string }).number, /^[A-Z]001$/);
  const open = await as(
    {},
    `mutation ($id: ID!) { openCase(input: { idNumber: $id, itemCode: "LS004", window: "01" }) { id } }`,
    { id: person(9) },
  );
  assert.equal(codeOf(open), "UNAUTHENTICATED");
});

test("a labor officer may not open a case or call a ticket: the hall's mutations are the window clerk's", async () => {
  const { as, db } = await hall();
  const before = Number((await db.query("SELECT COUNT(*) AS n FROM hall_case"))[0].n);
  const open = await as(
    LABOR_OFFICER,
    `mutation ($id: ID!) { openCase(input: { idNumber: $id, itemCode: "LS004", window: "01" }) { id } }`,
    { id: person(9) },
  );
  assert.equal(codeOf(open), "FORBIDDEN");
  assert.match(open.errors![0].message, /openCase/);
  assert.equal(
    codeOf(await as(LABOR_OFFICER, `mutation { callNextTicket(input: { window: "01" }) { number } }`)),
    "FORBIDDEN",
  );
  assert.equal(
    codeOf(await as(LABOR_OFFICER, `{ hallKpis(from: "2026-11-01", to: "2026-11-30") { casesHandled } }`)),
    "FORBIDDEN",
  );
  assert.equal(Number((await db.query("SELECT COUNT(*) AS n FROM hall_case"))[0].n), before);
  const clerk = await as(
    CLERK,
    `mutation ($id: ID!) { openCase(input: { idNumber: $id, itemCode: "LS004", window: "01" }) { id citizen { idNumber } } }`,
    { id: person(9) },
  );
  assert.equal(clerk.errors, undefined, JSON.stringify(clerk.errors));
  assert.deepEqual(
    clerk.reads.map((r) => r.idNumber),
    [person(9)],
  );
});

const OVERDUE = `{ overdueCases(asOf: "2027-06-01", first: 10) { totalCount edges { node { id window proxyIdNumber citizen { idNumber } } } } }`;

test("overdueCases: an analyst sees the list with ID numbers masked, and that is no personal read; the clerk sees the persons, audited", async () => {
  const { as, cases } = await hall();
  const analyst = await as(ANALYST, OVERDUE);
  assert.equal(analyst.errors, undefined, JSON.stringify(analyst.errors));
  const nodes = (
    analyst.data!.overdueCases as {
      edges: { node: { id: string; proxyIdNumber: string | null; citizen: { idNumber: string } } }[];
    }
  ).edges.map((e) => e.node);
  assert.equal(nodes.length, 3);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  assert.deepEqual(plain(byId.get(String(cases[0].id))), {
    id: String(cases[0].id),
    window: "11",
    proxyIdNumber: maskIdNumber(person(2)),
    citizen: { idNumber: maskIdNumber(person(1)) },
  });
  for (const node of nodes) assert.match(node.citizen.idNumber, /^\d{6}\*{8}\d{3}[\dX]$/);
  assert.equal(maskIdNumber(person(1)), `${person(1).slice(0, 6)}********${person(1).slice(14)}`);
  assert.deepEqual(analyst.reads, []);

  const clerk = await as(CLERK, OVERDUE);
  assert.equal(clerk.errors, undefined, JSON.stringify(clerk.errors));
  const shown = (
    clerk.data!.overdueCases as {
      edges: { node: { id: string; proxyIdNumber: string | null; citizen: { idNumber: string } } }[];
    }
  ).edges.map((e) => e.node);
  assert.deepEqual(shown.map((n) => n.citizen.idNumber).sort(), [person(1), person(3), person(4)].sort());
  assert.equal(shown.find((n) => n.id === String(cases[0].id))!.proxyIdNumber, person(2));
  assert.deepEqual(clerk.reads.map((r) => r.idNumber).sort(), [person(1), person(3), person(4)].sort());
  assert.ok(
    clerk.reads.every((r) => r.purpose === "窗口办件" && r.fields.includes("Case.citizen")),
    JSON.stringify(clerk.reads),
  );

  // A count is an aggregate: no read, and no purpose needed.
  const count = await as({ roles: ["window_clerk"] }, `{ overdueCases(asOf: "2027-06-01") { totalCount } }`);
  assert.deepEqual(plain(count.data), { overdueCases: { totalCount: 3 } });
  assert.deepEqual(count.reads, []);
  assert.equal(codeOf(await as(citizen(1), OVERDUE)), "FORBIDDEN");
});

test("an analyst may not read a case or a citizen's cases: FORBIDDEN, even through the masked list", async () => {
  const { as, cases } = await hall();
  const one = await as(ANALYST, `query ($id: ID!) { case(id: $id) { id window } }`, { id: String(cases[0].id) });
  assert.equal(codeOf(one), "FORBIDDEN");
  assert.deepEqual(plain(one.data), { case: null });
  const entities = await as(
    ANALYST,
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { cases { totalCount } } } }`,
    {
      r: [{ __typename: "Citizen", idNumber: person(1) }],
    },
  );
  assert.equal(codeOf(entities), "FORBIDDEN");
  const through = await as(
    ANALYST,
    `{ overdueCases(asOf: "2027-06-01") { edges { node { citizen { cases { totalCount } } } } } }`,
  );
  assert.equal(codeOf(through), "FORBIDDEN");
  assert.match(through.errors![0].message, /Citizen\.cases/);
  const caseEntity = await as(
    ANALYST,
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Case { window } } }`,
    { r: [{ __typename: "Case", id: String(cases[0].id) }] },
  );
  assert.equal(codeOf(caseEntity), "FORBIDDEN");
  assert.deepEqual([one.reads, entities.reads, through.reads, caseEntity.reads], [[], [], [], []]);
  // Aggregates are theirs.
  const kpis = await as(
    ANALYST,
    `{ hallKpis(from: "2026-11-01", to: "2026-11-30") { casesHandled } rectifications(first: 0) { totalCount } }`,
  );
  assert.equal(kpis.errors, undefined, JSON.stringify(kpis.errors));
});

test("a citizen reads their own case and cases, not another person's", async () => {
  const { as, cases } = await hall();
  const mine = await as(
    citizen(1),
    `query ($id: ID!) { case(id: $id) { id proxyIdNumber citizen { idNumber cases { totalCount } } } }`,
    { id: String(cases[0].id) },
  );
  assert.equal(mine.errors, undefined, JSON.stringify(mine.errors));
  assert.deepEqual(plain(mine.data), {
    case: {
      id: String(cases[0].id),
      proxyIdNumber: person(2),
      citizen: { idNumber: person(1), cases: { totalCount: 1 } },
    },
  });
  assert.deepEqual(
    mine.reads.map((r) => r.idNumber),
    [person(1)],
  );
  const theirs = await as(citizen(1), `query ($id: ID!) { case(id: $id) { id } }`, { id: String(cases[1].id) });
  assert.equal(codeOf(theirs), "FORBIDDEN");
  assert.match(theirs.errors![0].message, /another person/);
  const ownList = await as(
    citizen(3),
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { cases { edges { node { id } } } } } }`,
    {
      r: [{ __typename: "Citizen", idNumber: person(3) }],
    },
  );
  assert.deepEqual(plain(ownList.data), { _entities: [{ cases: { edges: [{ node: { id: String(cases[1].id) } }] } }] });
  const otherList = await as(
    citizen(3),
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { cases { totalCount } } } }`,
    {
      r: [{ __typename: "Citizen", idNumber: person(4) }],
    },
  );
  assert.equal(codeOf(otherList), "FORBIDDEN");
  // The proxy appointed for person 1 is not thereby allowed to read the case.
  assert.equal(
    codeOf(await as(citizen(2), `query ($id: ID!) { case(id: $id) { id } }`, { id: String(cases[0].id) })),
    "FORBIDDEN",
  );
});

test("case(id) without a stated purpose is FORBIDDEN, naming x-access-purpose; with one it is written to the audit trail", async () => {
  const { as, cases } = await hall();
  const query = `query ($id: ID!) { case(id: $id) { id window citizen { idNumber } } }`;
  const refused = await as({ ...CLERK, purpose: null }, query, { id: String(cases[1].id) });
  assert.equal(codeOf(refused), "FORBIDDEN");
  assert.match(refused.errors![0].message, /x-access-purpose/);
  assert.deepEqual(refused.reads, []);

  const read = await as(CLERK, query, { id: String(cases[1].id) });
  assert.equal(read.errors, undefined, JSON.stringify(read.errors));
  assert.deepEqual(
    read.reads.map((r) => [r.idNumber, r.department, r.userId, r.purpose, r.fields]),
    [[person(3), "service-hall", "clerk-1", "窗口办件", ["Case.citizen", "Case.id", "Case.window"]]],
  );
  // What the audit plugin does before the response leaves, then the trail as the auditor sees it.
  await read.contextValue.trail.append(read.reads);
  const { rows, total } = await read.contextValue.trail.list(person(3), 0, 10);
  assert.equal(total, 1);
  assert.deepEqual(
    [rows[0].userId, rows[0].roles, rows[0].purpose, rows[0].department, rows[0].fields],
    ["clerk-1", "window_clerk", "窗口办件", "service-hall", "Case.citizen,Case.id,Case.window"],
  );
  assert.equal((await read.contextValue.trail.verify()).ok, true);
  // An unknown case is no read.
  const none = await as(CLERK, query, { id: "999999" });
  assert.deepEqual([plain(none.data), none.reads], [{ case: null }, []]);
});

test("evaluations: the window's evaluator rates any case, a citizen only their own, anonymous nobody", async () => {
  const { as, cases } = await hall();
  const rate = `mutation ($i: SubmitEvaluationInput!) { submitEvaluation(input: $i) { window rating } }`;
  const clerk = await as(CLERK, rate, { i: { caseId: String(cases[0].id), channel: "DEVICE", rating: "SATISFIED" } });
  assert.deepEqual(plain(clerk.data), { submitEvaluation: { window: "11", rating: "SATISFIED" } });
  const own = await as(citizen(3), rate, {
    i: { caseId: String(cases[1].id), channel: "ONLINE", rating: "BASICALLY_SATISFIED" },
  });
  assert.equal(own.errors, undefined, JSON.stringify(own.errors));
  const other = await as(citizen(3), rate, {
    i: { caseId: String(cases[2].id), channel: "ONLINE", rating: "UNSATISFIED" },
  });
  assert.equal(codeOf(other), "FORBIDDEN");
  // The refusal names the act in each language: English for API clients, Chinese for the person.
  assert.equal(other.errors![0].message, "role citizen may not evaluate another person's case");
  assert.equal(other.errors![0].extensions.localizedMessage, "当前角色（citizen）无权评价他人的办件");
  const noCase = await as(citizen(3), rate, { i: { window: "01", channel: "ONLINE", rating: "UNSATISFIED" } });
  assert.equal(codeOf(noCase), "FORBIDDEN");
  const unknown = await as(citizen(3), rate, { i: { caseId: "999999", channel: "ONLINE", rating: "SATISFIED" } });
  assert.equal(codeOf(unknown), "BAD_USER_INPUT");
  assert.equal(
    codeOf(await as({}, rate, { i: { caseId: String(cases[0].id), channel: "DEVICE", rating: "UNSATISFIED" } })),
    "UNAUTHENTICATED",
  );
  const ledger = await as(CLERK, `{ rectifications(first: 0) { totalCount } }`);
  assert.deepEqual(plain(ledger.data), { rectifications: { totalCount: 0 } });
});

test("the queue's skip, recall and transfer are the window clerk's; the recall window and appointment schedules the administrator's", async () => {
  const { as, s } = await hall();
  const ticket = await s.queue.take({ category: HallDepartment.TAX });
  await s.queue.callNext({ window: "09" });
  const skip = `mutation ($t: ID!) { skipTicket(input: { ticketId: $t }) { status } }`;
  const transfer = `mutation ($t: ID!) { transferTicket(input: { ticketId: $t, toCategory: UNEMPLOYMENT }) { number } }`;
  const recall = `mutation ($t: ID!) { recallTicket(input: { ticketId: $t, window: "09" }) { status } }`;
  for (const caller of [LABOR_OFFICER, ANALYST, citizen(1)])
    for (const m of [skip, recall, transfer])
      assert.equal(codeOf(await as(caller, m, { t: String(ticket.id) })), "FORBIDDEN");
  assert.deepEqual(plain((await as(CLERK, skip, { t: String(ticket.id) })).data), {
    skipTicket: { status: "SKIPPED" },
  });
  assert.deepEqual(plain((await as(CLERK, recall, { t: String(ticket.id) })).data), {
    recallTicket: { status: "CALLED" },
  });
  assert.deepEqual(plain((await as(CLERK, transfer, { t: String(ticket.id) })).data), {
    transferTicket: { number: "C001" },
  });

  const window = `mutation { setRecallWindow(input: { centre: "KAIXUAN", recallWindowMinutes: 15 }) { recallWindowMinutes } }`;
  const schedule = `mutation { setAppointmentSchedule(input: { centre: "KAIXUAN", itemCode: "LS001", opensAt: "09:00", closesAt: "11:00", slotMinutes: 30, capacity: 2 }) { capacity } }`;
  for (const m of [window, schedule]) assert.equal(codeOf(await as(CLERK, m)), "FORBIDDEN");
  const admin = { userId: "admin-1", roles: ["admin" as const], purpose: null };
  assert.deepEqual(plain((await as(admin, window)).data), { setRecallWindow: { recallWindowMinutes: 15 } });
  assert.deepEqual(plain((await as(admin, schedule)).data), { setAppointmentSchedule: { capacity: 2 } });
  // Public: the centres and the free places, which name no one.
  const open = await as(
    {},
    `{ hallCentres { code recallWindowMinutes } appointmentSlots(itemCode: "LS001", centre: "KAIXUAN", from: "2026-11-23", to: "2026-11-23") { startTime available } }`,
  );
  assert.equal(open.errors, undefined, JSON.stringify(open.errors));
  assert.deepEqual(plain(open.data!.hallCentres), [{ code: "KAIXUAN", recallWindowMinutes: 15 }]);
  assert.equal((open.data!.appointmentSlots as unknown[]).length, 4);
});

test("appointments: a citizen books and cancels their own, a clerk for anyone with a purpose, audited; analysts see counts only", async () => {
  const { as, s } = await hall();
  await s.appointments.setSchedule({
    centre: "KAIXUAN",
    itemCode: "LS001",
    opensAt: "10:00",
    closesAt: "12:00",
    slotMinutes: 60,
    capacity: 5,
  });
  const book = `mutation ($i: BookAppointmentInput!) { bookAppointment(input: $i) { id idNumber status bookedBy } }`;
  const slot = (n: number, startTime = "10:00") => ({
    i: { idNumber: person(n), centre: "KAIXUAN", itemCode: "LS001", day: "2026-11-23", startTime },
  });

  const own = await as(citizen(5), book, slot(5));
  assert.equal(own.errors, undefined, JSON.stringify(own.errors));
  const mine = own.data!.bookAppointment as { id: string; idNumber: string; status: string; bookedBy: string };
  assert.deepEqual([mine.idNumber, mine.status, mine.bookedBy], [person(5), "BOOKED", "CITIZEN"]);
  assert.deepEqual(
    own.reads.map((r) => [r.idNumber, r.fields.includes("Appointment.idNumber")]),
    [[person(5), true]],
  );
  // Not for someone else, even selecting nothing of them; nothing is written.
  const before = await s.appointments.counts("KAIXUAN", "2026-11-23", "2026-11-23");
  for (const selection of ["{ id }", "{ __typename }"]) {
    const other = await as(
      citizen(5),
      `mutation ($i: BookAppointmentInput!) { bookAppointment(input: $i) ${selection} }`,
      slot(6, "11:00"),
    );
    assert.equal(codeOf(other), "FORBIDDEN");
  }
  assert.deepEqual(await s.appointments.counts("KAIXUAN", "2026-11-23", "2026-11-23"), before);

  const clerk = await as(CLERK, book, slot(6));
  assert.equal(clerk.errors, undefined, JSON.stringify(clerk.errors));
  const theirs = clerk.data!.bookAppointment as { id: string; bookedBy: string };
  assert.equal(theirs.bookedBy, "CLERK");
  assert.deepEqual(
    clerk.reads.map((r) => [r.idNumber, r.purpose]),
    [[person(6), "窗口办件"]],
  );

  const read = `query ($id: ID!) { appointment(id: $id) { idNumber status } }`;
  assert.equal(codeOf(await as(citizen(5), read, { id: theirs.id })), "FORBIDDEN");
  assert.equal(codeOf(await as(ANALYST, read, { id: theirs.id })), "FORBIDDEN");
  const cancel = `mutation ($id: ID!) { cancelAppointment(input: { appointmentId: $id }) { __typename } }`;
  assert.equal(codeOf(await as(citizen(5), cancel, { id: theirs.id })), "FORBIDDEN");
  const cancelled = await as(citizen(5), cancel, { id: mine.id });
  assert.equal(cancelled.errors, undefined, JSON.stringify(cancelled.errors));
  // On the trail as the person's, though the answer selects nothing of them.
  assert.deepEqual(
    cancelled.reads.map((r) => [r.idNumber, r.fields]),
    [[person(5), ["Mutation.cancelAppointment"]]],
  );

  const counts = `{ appointmentCounts(centre: "KAIXUAN", from: "2026-11-23", to: "2026-11-23") { booked cancelled noShow } }`;
  assert.deepEqual(plain((await as(ANALYST, counts)).data), {
    appointmentCounts: { booked: 1, cancelled: 1, noShow: 0 },
  });
  assert.equal(codeOf(await as(citizen(5), counts)), "FORBIDDEN");
  assert.equal(codeOf(await as(ANALYST, book, slot(7))), "FORBIDDEN");
});
