import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { CursorKey, SeededRandom, pageRequest } from "@onewindow/platform";
import { CATALOGUE } from "../catalogue/catalogue.data";
import { HallEvaluationChannel, HallRating } from "../evaluation/evaluation.enums";
import { openTestHall, outboxTypes, person, snapshot } from "../service-hall.fixture";
import { DEMO_CENTRES, seedDemoCentres } from "../seed/centres.seed";
import { CentreLevel, CentreRankingMetric } from "./centre.enums";
import { HALL_CENTRE } from "./centre.messages";

const page = pageRequest(50, null, CursorKey.ephemeral().list("test"));

async function hallWithCentres(now?: string) {
  const hall = await openTestHall(now);
  await hall.db.transaction((tx) => seedDemoCentres(tx));
  return hall;
}

async function refused(run: () => Promise<unknown>, field: string, zh?: string) {
  await assert.rejects(run, (e: { extensions?: Record<string, unknown> }) => {
    assert.equal(e.extensions?.code, "BAD_USER_INPUT");
    assert.equal(e.extensions?.field, field);
    if (zh) assert.equal(e.extensions?.localizedMessage, zh);
    return true;
  });
}

test("a community station escalates an open case to its street centre, which then has it with its original deadline", async () => {
  const { db, s, setNow } = await hallWithCentres("2026-11-23T09:00:00+08:00");
  const opened = await s.cases.open({
    idNumber: person(1),
    itemCode: "LS006",
    window: "01",
    centre: "kx_nanxiaobu",
  });
  assert.equal(opened.centre, "KX_NANXIAOBU");
  assert.equal((await s.centres.cases("KX_NANXIAOBU", null, page)).totalCount, 1);
  setNow("2026-11-25T10:00:00+08:00");
  const escalated = await s.centres.escalate({ caseId: String(opened.id) });
  assert.deepEqual(
    [escalated.centre, escalated.escalatedFrom, escalated.escalatedOn, escalated.deadline],
    ["KAIXUAN", "KX_NANXIAOBU", "2026-11-25", opened.deadline],
  );
  const atStreet = await s.centres.cases("KAIXUAN", null, page);
  assert.deepEqual(
    atStreet.edges.map((e) => [e.node.id, e.node.deadline]),
    [[opened.id, opened.deadline]],
  );
  assert.equal((await s.centres.cases("KX_NANXIAOBU", null, page)).totalCount, 0);
  assert.deepEqual((await outboxTypes(db)).slice(-1), ["onewindow.hall.case.escalated"]);

  // Refusals change nothing: a street centre's own case, another street, a completed case.
  const before = await snapshot(db);
  await refused(
    () => s.centres.escalate({ caseId: String(opened.id) }),
    "caseId",
    HALL_CENTRE.notAStation.with({ caseId: opened.id, centre: "凯旋街道综合服务中心", level: "街道" }).zh,
  );
  const other = await s.cases.open({ idNumber: person(2), itemCode: "LS006", window: "01", centre: "KX_JINGFANG" });
  const after = await snapshot(db);
  await refused(() => s.centres.escalate({ caseId: String(other.id), toCentre: "CAIHE" }), "toCentre");
  await refused(() => s.centres.escalate({ caseId: String(other.id), toCentre: "NOWHERE" }), "toCentre");
  await s.cases.complete({ caseId: String(other.id) });
  const done = await snapshot(db);
  await refused(() => s.centres.escalate({ caseId: String(other.id) }), "caseId");
  assert.deepEqual(await snapshot(db), done);
  assert.notDeepEqual(before, after);
  // The named street centre, when it is the station's own, is accepted.
  const third = await s.cases.open({ idNumber: person(3), itemCode: "LS006", window: "01", centre: "WUCHAN" });
  assert.equal((await s.centres.escalate({ caseId: String(third.id), toCentre: "kaixuan" })).centre, "KAIXUAN");
});

test("a district's and the city's KPIs are the sums of their centres' rows, on random data, against a direct count", async () => {
  const { db, s, setNow } = await hallWithCentres("2026-03-02T09:00:00+08:00");
  const rng = new SeededRandom(7);
  const codes = DEMO_CENTRES.filter(([, , level]) => level !== CentreLevel.CITY && level !== CentreLevel.DISTRICT).map(
    ([code]) => code,
  );
  const items = CATALOGUE.filter((i) => i.confirmedBy === "");
  const open: number[] = [];
  for (let day = 2; day <= 13; day++) {
    setNow(`2026-03-${String(day).padStart(2, "0")}T09:00:00+08:00`);
    for (const id of open.splice(0)) {
      if (rng.chance(0.7)) {
        await s.cases.complete({ caseId: String(id) });
        if (rng.chance(0.5))
          await s.evaluations.submit({
            caseId: String(id),
            channel: HallEvaluationChannel.DEVICE,
            rating: rng.chance(0.8) ? HallRating.SATISFIED : HallRating.UNSATISFIED,
          });
      } else open.push(id);
    }
    for (let n = rng.int(3, 9); n > 0; n--) {
      const c = await s.cases.open({
        idNumber: person(rng.int(1, 900)),
        itemCode: rng.pick(items).code,
        window: String(rng.int(1, 3)).padStart(2, "0"),
        centre: rng.pick(codes),
      });
      open.push(c.id);
    }
  }
  const [from, to] = ["2026-03-01", "2026-03-31"];
  const direct = async (where: string) => {
    const [r] = await db.query(
      `SELECT COUNT(*) AS n, SUM(CASE WHEN completed_on = opened_on THEN 1 ELSE 0 END) AS onsite FROM hall_case
       WHERE completed_on BETWEEN '${from}' AND '${to}' AND centre IN (${where})`,
    );
    const [e] = await db.query(
      `SELECT COUNT(*) AS n FROM hall_evaluation WHERE evaluated_on BETWEEN '${from}' AND '${to}' AND centre IN (${where})`,
    );
    return { cases: Number(r.n), onSite: Number(r.onsite ?? 0), evaluations: Number(e.n) };
  };
  const list = (cs: string[]) => cs.map((c) => `'${c}'`).join(", ");
  let cityCases = 0;
  for (const district of ["JIANGGAN", "SHANGCHENG"]) {
    const members = DEMO_CENTRES.filter(([, , , , d]) => d === (district === "JIANGGAN" ? "江干区" : "上城区")).map(
      ([code]) => code,
    );
    const k = await s.kpis.hallKpis(from, to, district, true);
    const rows = await Promise.all(members.map((m) => s.kpis.hallKpis(from, to, m, false)));
    const expected = await direct(list(members));
    assert.ok(expected.cases > 10, `${district}: ${expected.cases} cases`);
    assert.equal(k.casesHandled, expected.cases, district);
    assert.equal(k.casesOnSite, expected.onSite, district);
    assert.equal(k.evaluations, expected.evaluations, district);
    for (const field of [
      "casesHandled",
      "casesDue",
      "casesOnTime",
      "casesOnSite",
      "evaluations",
      "rectificationsDue",
    ] as const)
      assert.equal(
        k[field],
        rows.reduce((sum, r) => sum + r[field], 0),
        `${district} ${field}`,
      );
    // Its own row alone (the district's hall has no windows here) is empty.
    assert.equal((await s.kpis.hallKpis(from, to, district)).casesHandled, 0);
    cityCases += k.casesHandled;
  }
  const city = await s.kpis.hallKpis(from, to, "HANGZHOU", true);
  assert.equal(city.casesHandled, cityCases);
  assert.equal(city.casesHandled, (await direct("SELECT code FROM hall_centre_setting")).cases);

  // The district ranking agrees with the districts' own figures.
  const ranking = await s.kpis.centreRanking(CentreLevel.DISTRICT, from, to, CentreRankingMetric.CASES_HANDLED);
  assert.deepEqual(ranking.rows.map((r) => r.centre.code).sort(), ["JIANGGAN", "SHANGCHENG"]);
  for (const row of ranking.rows)
    assert.equal(row.value, (await s.kpis.hallKpis(from, to, row.centre.code, true)).casesHandled);
  assert.equal(ranking.rows[0].rank, 1);
  const streets = await s.kpis.centreRanking(CentreLevel.STREET, from, to, CentreRankingMetric.ON_SITE_RATE);
  assert.equal(streets.rows.length, 8);
  for (const row of streets.rows) {
    const k = await s.kpis.hallKpis(from, to, row.centre.code, true);
    assert.equal(row.value, k.onSiteRate, row.centre.code);
  }
  const values = streets.rows.filter((r) => r.value !== null).map((r) => r.value!);
  assert.deepEqual(
    values,
    [...values].sort((a, b) => b - a),
  );
  await refused(() => s.kpis.hallKpis(from, to, "NOWHERE"), "centre");
});
