import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { graphql, isEnumType, isInputObjectType, isObjectType, type GraphQLSchema } from "graphql";
import { type Caller } from "@onewindow/contracts";
import { localContext, sqlQueries } from "@onewindow/platform";
import { PERSONAL_DATA_READERS } from "./access";
import { openTestHall, person } from "./service-hall.fixture";
import { buildServiceHallSchema } from "./schema";

/** The window clerk at work: reads cases with a purpose, runs the hall's mutations. */
const CLERK: Partial<Caller> = { userId: "clerk-1", roles: ["window_clerk", "analyst"], purpose: "schema test" };

async function hall(caller: Partial<Caller> = CLERK) {
  const { db, s, setNow, service } = await openTestHall("2026-11-23T09:00:00+08:00");
  const schema = await buildServiceHallSchema(s);
  const exec = (source: string, variableValues?: Record<string, unknown>) =>
    graphql({
      schema,
      source,
      variableValues,
      contextValue: localContext("service-hall", PERSONAL_DATA_READERS, db, caller),
    });
  return { db, s, setNow, service, schema, exec };
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** Every type, field, argument and enum value of our own carries a description. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (/^(_|link__|federation__)/.test(type.name) || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name))
      continue;
    // The root types have no description of their own in any subgraph; their fields do.
    if (!type.description && !["Query", "Mutation"].includes(type.name)) missing.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith("_")) continue;
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of "args" in field ? field.args : [])
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
  }
  return missing;
}

test("every type, field, argument and enum value is described", async () => {
  const { schema } = await hall();
  assert.deepEqual(undocumented(schema), []);
});

test("the public guide: at least 30 items over six lines of business, keyword search on Chinese text", async () => {
  const { exec } = await hall();
  const all = await exec(
    `{ serviceItems { code name department departments materials steps legalBasis timeLimitDays timeLimit onTheSpot fee } }`,
  );
  assert.equal(all.errors, undefined);
  const items = all.data!.serviceItems as {
    code: string;
    department: string;
    materials: string[];
    timeLimit: string;
    fee: number;
  }[];
  assert.ok(items.length >= 30, `${items.length} items`);
  assert.equal(new Set(items.map((i) => i.department)).size, 6);
  assert.ok(items.every((i) => i.materials.length > 0 && i.fee === 0));
  const retirement = await exec(`query ($k: String) { serviceItems(keyword: $k) { code name timeLimit } }`, {
    k: "退休",
  });
  const codes = (retirement.data!.serviceItems as { code: string; name: string }[]).map((i) => i.code);
  assert.ok(codes.includes("ER001") && codes.includes("ER003") && codes.includes("TX006"), codes.join());
  assert.ok((retirement.data!.serviceItems as { name: string }[]).every((i) => i.name.includes("退休") || i.name));
  const er001 = (retirement.data!.serviceItems as { code: string; timeLimit: string }[]).find(
    (i) => i.code === "ER001",
  );
  assert.equal(er001?.timeLimit, "15个工作日");
  const byCode = await exec(`{ serviceItems(keyword: "mi00") { code } }`);
  assert.equal((byCode.data!.serviceItems as unknown[]).length, 7);
  const none = await exec(`{ serviceItems(keyword: "100%") { code } }`);
  assert.deepEqual(plain(none.data), { serviceItems: [] });
});

test("queue, case and KPI mutations and queries through GraphQL, with error codes", async () => {
  const { exec, setNow } = await hall();
  const ticket = await exec(
    `mutation { takeQueueTicket(input: { category: ENTERPRISE_RETIREES, priority: ELDERLY }) { number priority status waitingAhead estimatedWaitMinutes } }`,
  );
  assert.deepEqual(plain(ticket.data), {
    takeQueueTicket: {
      number: "E001",
      priority: "ELDERLY",
      status: "WAITING",
      waitingAhead: 0,
      estimatedWaitMinutes: 0,
    },
  });
  setNow("2026-11-23T09:04:00+08:00");
  const called = await exec(
    `mutation { callNextTicket(input: { window: "17", categories: [ENTERPRISE_RETIREES] }) { number window waitMinutes } }`,
  );
  assert.deepEqual(plain(called.data), { callNextTicket: { number: "E001", window: "17", waitMinutes: 4 } });
  const opened = await exec(
    `mutation ($id: ID!) { openCase(input: { idNumber: $id, itemCode: "ER003", window: "17", ticketNumber: "E001" }) { id status deadline openedOn item { name } citizen { idNumber } overdue } }`,
    { id: person(5) },
  );
  assert.equal(opened.errors, undefined);
  const id = (opened.data!.openCase as { id: string }).id;
  assert.deepEqual(plain(opened.data), {
    openCase: {
      id,
      status: "OPEN",
      deadline: "2026-11-23",
      openedOn: "2026-11-23",
      item: { name: "退休人员养老金领取资格认证" },
      citizen: { idNumber: person(5) },
      overdue: false,
    },
  });
  const done = await exec(
    `mutation ($id: ID!) { completeCase(input: { caseId: $id }) { status completedOn onTime onSite } }`,
    { id },
  );
  assert.deepEqual(plain(done.data), {
    completeCase: { status: "COMPLETED", completedOn: "2026-11-23", onTime: true, onSite: true },
  });
  const again = await exec(`mutation ($id: ID!) { completeCase(input: { caseId: $id }) { status } }`, { id });
  assert.equal(again.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  const unknown = await exec(
    `mutation { openCase(input: { idNumber: "${person(5)}", itemCode: "NOPE", window: "17" }) { id } }`,
  );
  assert.equal(unknown.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  const evaluation = await exec(
    `mutation ($id: ID!) { submitEvaluation(input: { caseId: $id, channel: DEVICE, rating: SATISFIED }) { window rating rectificationId } }`,
    { id },
  );
  assert.deepEqual(plain(evaluation.data), {
    submitEvaluation: { window: "17", rating: "SATISFIED", rectificationId: null },
  });
  const kpis = await exec(
    `{ hallKpis(from: "2026-11-23", to: "2026-11-23") { casesHandled onTimeRate onSiteRate satisfactionRate rectificationRate averageWaitMinutes byWindow { window stars } } queueBoard { nowCalling { number window } } }`,
  );
  assert.deepEqual(plain(kpis.data), {
    hallKpis: {
      casesHandled: 1,
      onTimeRate: 1,
      onSiteRate: 1,
      satisfactionRate: 1,
      rectificationRate: null,
      averageWaitMinutes: 4,
      byWindow: [{ window: "17", stars: 5 }],
    },
    queueBoard: { nowCalling: [{ number: "E001", window: "17" }] },
  });
  const period = await exec(`{ hallKpis(from: "2026-12-01", to: "2026-11-01") { casesHandled } }`);
  assert.equal(period.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  const ledger = await exec(
    `mutation { openRectification(input: { source: SUPERVISOR, description: "行风监督员：指引标识不清", deadline: "2026-12-04" }) { id status } }`,
  );
  const rid = (ledger.data!.openRectification as { id: string }).id;
  const resolved = await exec(
    `mutation ($id: ID!) { resolveRectification(input: { id: $id, resolvedOn: "2026-11-23", action: "更新标识" }) { status resolvedInTime } }`,
    { id: rid },
  );
  assert.deepEqual(plain(resolved.data), { resolveRectification: { status: "RESOLVED", resolvedInTime: true } });
  const list = await exec(
    `{ rectifications(status: RESOLVED, first: 5) { totalCount edges { node { description } } } overdueCases(first: 5) { totalCount } }`,
  );
  assert.deepEqual(plain(list.data), {
    rectifications: { totalCount: 1, edges: [{ node: { description: "行风监督员：指引标识不清" } }] },
    overdueCases: { totalCount: 0 },
  });
});

test("Citizen.cases and Case references resolve a whole batch in a fixed number of queries", async () => {
  const { s, exec, service } = await hall();
  const ids: string[] = [];
  for (let i = 0; i < 4; i++)
    ids.push(String((await s.cases.open({ idNumber: person(i % 2), itemCode: "LS004", window: "01" })).id));
  const count = async () =>
    (await sqlQueries.get()).values.filter((v) => v.labels.service === service).reduce((sum, v) => sum + v.value, 0);
  let before = await count();
  const citizens = await exec(
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { idNumber cases(first: 5) { totalCount edges { node { id status deadline item { code } } } } } } }`,
    { r: [person(0), person(1), person(9)].map((idNumber) => ({ __typename: "Citizen", idNumber })) },
  );
  assert.equal(citizens.errors, undefined);
  const entities = citizens.data!._entities as { cases: { totalCount: number; edges: { node: { id: string } }[] } }[];
  assert.deepEqual(
    entities.map((e) => e.cases.totalCount),
    [2, 2, 0],
  );
  assert.deepEqual(
    entities[0].cases.edges.map((e) => e.node.id),
    [ids[2], ids[0]],
  );
  assert.equal((await count()) - before, 3); // counts, the pages, the items
  before = await count();
  const cases = await exec(
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id window tasks { department } } } }`,
    {
      r: [ids[3], "999", ids[0]].map((id) => ({ __typename: "Case", id })),
    },
  );
  assert.deepEqual(plain(cases.data), {
    _entities: [{ id: ids[3], window: "01", tasks: [] }, null, { id: ids[0], window: "01", tasks: [] }],
  });
  assert.equal((await count()) - before, 2); // the cases, their tasks
});
