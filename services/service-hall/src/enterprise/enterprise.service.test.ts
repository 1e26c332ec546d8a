import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { graphql } from "graphql";
import { type Caller } from "@onewindow/contracts";
import { demoEmployer } from "@onewindow/contracts/demo";
import { localContext } from "@onewindow/platform";
import { rejectsWith, rowCounts } from "@onewindow/testing";
import { PERSONAL_DATA_READERS } from "../access";
import { buildServiceHallSchema } from "../schema";
import { openTestHall } from "../service-hall.fixture";
import { seedEnterpriseStationDemo } from "../seed/enterprise-station.seed";
import { WUCHAN } from "../seed/wuchan.figures";
import { EnterpriseServiceKind } from "./enterprise.enums";
import { EnterpriseServices1765200000530 } from "../migrations/1765200000530-enterprise-services.migration";

const TABLES = ["hall_building", "hall_building_company", "hall_enterprise_service", "hall_centre_setting"];
const count = (t: { byKind: { kind: string; services: number }[] }, ...kinds: string[]) =>
  t.byKind.filter((k) => kinds.includes(k.kind)).reduce((sum, k) => sum + k.services, 0);

test("物产大厦's station counts 书面审查和服务联系卡 120, 宣传 420, 代理服务 115 from its individual records", async () => {
  const { db, s } = await openTestHall();
  const result = await seedEnterpriseStationDemo(db);
  assert.deepEqual(result, { skipped: false, companies: WUCHAN.companies, services: 120 + 420 + 115 });
  const t = await s.enterprise.totals("wuchan", WUCHAN.from, WUCHAN.to);
  assert.equal(t.station, "WUCHAN");
  // "书面审查和服务联系卡120份、宣传420次、代理服务115件"
  assert.equal(count(t, "COMPLIANCE_REVIEW", "CONTACT_CARD"), WUCHAN.writtenReviewsAndContactCards);
  assert.equal(count(t, "COMPLIANCE_REVIEW", "CONTACT_CARD"), 120);
  assert.equal(count(t, "PUBLICITY"), 420);
  assert.equal(count(t, "PROXY"), 115);
  assert.equal(t.services, 655);
  assert.deepEqual(
    t.byKind.map((k) => k.kind),
    Object.values(EnterpriseServiceKind),
  );
  // Individual records: one row each, spread over the companies and the year.
  const [rows] = await db.query(
    "SELECT COUNT(*) AS n, COUNT(DISTINCT service_date) AS days FROM hall_enterprise_service",
  );
  assert.equal(Number(rows.n), 655);
  assert.ok(Number(rows.days) > 200, `${rows.days} days`);
  assert.equal(t.companies, WUCHAN.companies);
  const firstHalf = await s.enterprise.totals("WUCHAN", "2010-01-01", "2010-06-30");
  const secondHalf = await s.enterprise.totals("WUCHAN", "2010-07-01", "2010-12-31");
  assert.equal(firstHalf.services + secondHalf.services, 655);
  assert.ok(Math.abs(firstHalf.services - secondHalf.services) < 40);
  assert.equal((await s.enterprise.totals("WUCHAN", "2011-01-01", "2011-12-31")).services, 0);
  // The station is a centre; its building lists the demo employers.
  assert.deepEqual(
    (await s.queue.centres()).map((c) => c.code),
    ["KAIXUAN", "WUCHAN"],
  );
  const [building] = await s.enterprise.buildings("WUCHAN");
  assert.equal(building.name, "物产大厦");
  assert.deepEqual(
    (await s.enterprise.companiesOf([building.id]))[0],
    [...Array.from({ length: WUCHAN.companies }, (_, j) => demoEmployer(j).creditCode)].sort(),
  );
  // Seeding again writes nothing.
  const before = await rowCounts(db, TABLES);
  assert.equal((await seedEnterpriseStationDemo(db)).skipped, true);
  assert.deepEqual(await rowCounts(db, TABLES), before);
});

test("a recorded service moves its station's totals; a company in no building, a future day or a reversed period are refused", async () => {
  const { db, s } = await openTestHall("2026-11-23T09:00:00+08:00");
  await seedEnterpriseStationDemo(db);
  const [building] = await s.enterprise.buildings("WUCHAN");
  const outsider = demoEmployer(100).creditCode;
  const input = { creditCode: outsider, kind: EnterpriseServiceKind.PROXY, date: "2026-11-20", staffNumber: "WC0301" };

  const before = await rowCounts(db, TABLES);
  const refused = await rejectsWith(s.enterprise.record(input), "BAD_USER_INPUT", { field: "creditCode" });
  assert.match(String(refused.extensions.localizedMessage), /不在任何楼宇服务站的服务范围内/);
  await rejectsWith(s.enterprise.record({ ...input, creditCode: "91330100XXXXXXXXXX" }), "BAD_USER_INPUT", {
    field: "creditCode",
  });
  assert.deepEqual(await rowCounts(db, TABLES), before);

  assert.equal(
    (await s.enterprise.placeCompany({ building: String(building.id), creditCode: outsider })).name,
    "物产大厦",
  );
  await rejectsWith(s.enterprise.record({ ...input, date: "2026-11-24" }), "BAD_USER_INPUT", { field: "date" });
  await rejectsWith(s.enterprise.record({ ...input, kind: "VISIT" as EnterpriseServiceKind }), "BAD_USER_INPUT", {
    field: "kind",
  });
  await rejectsWith(s.enterprise.record({ ...input, staffNumber: " " }), "BAD_USER_INPUT", { field: "staffNumber" });
  await rejectsWith(s.enterprise.placeCompany({ building: "999", creditCode: outsider }), "BAD_USER_INPUT", {
    field: "building",
  });

  const week = () => s.enterprise.totals("WUCHAN", "2026-11-16", "2026-11-22");
  assert.equal((await week()).services, 0);
  const recorded = await s.enterprise.record({ ...input, note: "  代办社会保险登记  " });
  assert.deepEqual(
    { station: recorded.station, buildingId: recorded.buildingId, note: recorded.note, kind: recorded.kind },
    { station: "WUCHAN", buildingId: building.id, note: "代办社会保险登记", kind: "PROXY" },
  );
  await s.enterprise.record({ ...input, kind: EnterpriseServiceKind.PUBLICITY, date: "2026-11-16" });
  await s.enterprise.record({ ...input, kind: EnterpriseServiceKind.PUBLICITY, date: "2026-11-23" });
  const t = await week();
  assert.equal(t.services, 2);
  assert.equal(t.companies, 1);
  assert.equal(count(t, "PROXY"), 1);
  assert.equal(count(t, "PUBLICITY"), 1);
  // The demo year is untouched.
  assert.equal((await s.enterprise.totals("WUCHAN", WUCHAN.from, WUCHAN.to)).services, 655);

  await rejectsWith(s.enterprise.totals("WUCHAN", "2026-11-22", "2026-11-16"), "BAD_USER_INPUT", { field: "from" });
  await rejectsWith(s.enterprise.totals("NOWHERE", "2026-11-16", "2026-11-22"), "BAD_USER_INPUT", { field: "station" });
});

test("Employer.building answers through the hall's own Employer by its key, batched", async () => {
  const { db, s } = await openTestHall();
  await seedEnterpriseStationDemo(db);
  const schema = await buildServiceHallSchema(s);
  const caller: Partial<Caller> = { userId: "analyst-1", roles: ["analyst"], purpose: "test" };
  const res = await graphql({
    schema,
    source: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employer { creditCode building { name station companies { creditCode } } } } }`,
    variableValues: {
      r: [demoEmployer(0).creditCode, demoEmployer(100).creditCode].map((creditCode) => ({
        __typename: "Employer",
        creditCode,
      })),
    },
    contextValue: localContext("service-hall", PERSONAL_DATA_READERS, db, caller),
  });
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const [inside, outside] = (res.data as any)._entities;
  assert.equal(inside.building.name, "物产大厦");
  assert.equal(inside.building.station, "WUCHAN");
  assert.equal(inside.building.companies.length, WUCHAN.companies);
  assert.equal(outside.building, null);
});

test("the enterprise-services migration goes down and up again", async () => {
  const { db } = await openTestHall();
  const q = db.createQueryRunner();
  try {
    await new EnterpriseServices1765200000530().down(q);
    for (const table of ["hall_building", "hall_building_company", "hall_enterprise_service"])
      assert.equal(await q.hasTable(table), false, table);
    await new EnterpriseServices1765200000530().up(q);
  } finally {
    await q.release();
  }
  assert.equal((await seedEnterpriseStationDemo(db)).services, 655);
});
