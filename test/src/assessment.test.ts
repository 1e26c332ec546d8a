import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { today } from "@onewindow/platform";
import { startStack, type As, type Stack } from "./harness/stack";

const ADMIN: As = { roles: ["admin"], user: "hall-admin" };
const CLERK: As = { roles: ["window_clerk"], user: "clerk-7" };
const ANALYST: As = { roles: ["analyst"], user: "district-analyst" };

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}, as?: As) {
  const res = await stack.query(query, variables, as);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

/** A month that has begun whatever the day: the one of forty days ago. */
const MONTH = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 7);

const OPEN = `mutation ($i: OpenAssessmentInput!) { openAssessment(input: $i) { id status standardVersion periodFrom periodTo } }`;
const SCORE = `mutation ($i: ScoreAssessmentPointInput!) {
  scoreAssessmentPoint(input: $i) { id total scoredPoints belowBar scores { point score rectificationId } }
}`;

interface Point {
  code: string;
  weight: number;
  bar: number;
}

/**
 * The window-standard assessment through the gateway: the centre's self review scored point by
 * point, a point below its bar opening an item in the rectification ledger, the report and the
 * ranking made of the completed assessment, and the administrator's new version of the standard.
 */
describe("window-standard assessment through the gateway", () => {
  let stack: Stack;
  let points: Point[];
  beforeAll(async () => {
    stack = await startStack();
    const standard = (
      await ok(
        stack,
        `{ assessmentStandard { version draft current categories { weight targets { points { code weight bar } } } } }`,
        {},
        CLERK,
      )
    ).assessmentStandard;
    assert.equal(standard.draft, true);
    assert.equal(standard.current, true);
    points = standard.categories.flatMap((c: { targets: { points: Point[] }[] }) => c.targets.flatMap((t) => t.points));
    assert.equal(points.length, 38);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("a low-scored point opens a rectification in the ledger; the report and the ranking count the completed assessment", async () => {
    // The self review is the clerks'; the other kinds are the analysts'.
    const refusedSelf = await stack.query(OPEN, { i: { centre: "KAIXUAN", period: MONTH, kind: "SELF" } }, ANALYST);
    assert.equal(refusedSelf.errors?.[0].extensions?.code, "FORBIDDEN");
    const refusedLeader = await stack.query(OPEN, { i: { centre: "KAIXUAN", period: MONTH, kind: "LEADER" } }, CLERK);
    assert.equal(refusedLeader.errors?.[0].extensions?.code, "FORBIDDEN");
    const badPeriod = await stack.query(OPEN, { i: { centre: "KAIXUAN", period: `${MONTH}-01`, kind: "SELF" } }, CLERK);
    assert.equal(badPeriod.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.match(badPeriod.errors![0].extensions!.localizedMessage, /某月、某季度或某年/);

    const opened = (await ok(stack, OPEN, { i: { centre: "kaixuan", period: MONTH, kind: "SELF" } }, CLERK))
      .openAssessment;
    assert.equal(opened.status, "OPEN");
    const again = await stack.query(OPEN, { i: { centre: "KAIXUAN", period: MONTH, kind: "SELF" } }, CLERK);
    assert.equal(again.errors?.[0].extensions?.code, "CONFLICT");

    const low = points.find((p) => p.code === "P01")!;
    const scored = (
      await ok(
        stack,
        SCORE,
        { i: { assessmentId: opened.id, point: "P01", score: low.bar - 1, note: "工作牌未佩戴" } },
        CLERK,
      )
    ).scoreAssessmentPoint;
    assert.equal(scored.belowBar, 1);
    const rectificationId = scored.scores[0].rectificationId;
    assert.ok(rectificationId, "a score below the bar opens a ledger item");

    const ledger = (
      await ok(
        stack,
        `{ rectifications(status: OPEN, first: 100) { edges { node { id source assessmentId description deadline status } } } }`,
        {},
        CLERK,
      )
    ).rectifications.edges.map((e: { node: unknown }) => e.node);
    const item = ledger.find((r: { id: string }) => r.id === rectificationId);
    assert.ok(item, JSON.stringify(ledger));
    assert.equal(item.source, "ASSESSMENT");
    assert.equal(item.assessmentId, opened.id);
    assert.match(item.description, /P01.*低于合格线 2 分/);

    // Scoring it low again does not open a second item.
    const rescored = (await ok(stack, SCORE, { i: { assessmentId: opened.id, point: "P01", score: 0 } }, CLERK))
      .scoreAssessmentPoint;
    assert.equal(rescored.scores[0].rectificationId, rectificationId);

    const early = await stack.query(
      `mutation ($id: ID!) { completeAssessment(assessmentId: $id) { id } }`,
      { id: opened.id },
      CLERK,
    );
    assert.equal(early.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    const tooHigh = await stack.query(SCORE, { i: { assessmentId: opened.id, point: "P02", score: 2.5 } }, CLERK);
    assert.equal(tooHigh.errors?.[0].extensions?.code, "BAD_USER_INPUT");

    for (const p of points.filter((p) => p.code !== "P01"))
      await ok(stack, SCORE, { i: { assessmentId: opened.id, point: p.code, score: p.weight } }, CLERK);
    const done = (
      await ok(
        stack,
        `mutation ($id: ID!) { completeAssessment(assessmentId: $id) { status total completedOn categories { code score } } }`,
        { id: opened.id },
        CLERK,
      )
    ).completeAssessment;
    assert.equal(done.status, "COMPLETED");
    assert.equal(done.total, 100 - low.weight);
    assert.deepEqual(done.categories[0], { code: "C1", score: 20 - low.weight });

    const report = (
      await ok(
        stack,
        `query ($c: String!, $p: String!) { assessmentReport(centre: $c, period: $p) {
          centre completed open total belowBar categories { code weight score } openRectifications { id source }
        } }`,
        { c: "KAIXUAN", p: MONTH.slice(0, 4) },
        ANALYST,
      )
    ).assessmentReport;
    assert.equal(report.completed, 1);
    assert.equal(report.total, 100 - low.weight);
    assert.equal(report.belowBar, 1);
    assert.deepEqual(report.categories[0], { code: "C1", weight: 20, score: 20 - low.weight });
    assert.deepEqual(report.openRectifications, [{ id: rectificationId, source: "ASSESSMENT" }]);

    const rankingQuery = `query ($p: String!) { assessmentRanking(level: STREET, period: $p) { rank centre total completed } }`;
    const ranking = (await ok(stack, rankingQuery, { p: MONTH }, ANALYST)).assessmentRanking;
    assert.deepEqual(ranking[0], { rank: 1, centre: "KAIXUAN", total: 100 - low.weight, completed: 1 });
    assert.equal((await stack.query(rankingQuery, { p: MONTH }, CLERK)).errors?.[0].extensions?.code, "FORBIDDEN");

    // Once resolved in the ledger, the item leaves the report's open list.
    await ok(
      stack,
      `mutation ($i: ResolveRectificationInput!) { resolveRectification(input: $i) { status } }`,
      {
        i: { id: rectificationId, resolvedOn: today(), action: "已补发工作牌并当面提醒" },
      },
      CLERK,
    );
    const after = (
      await ok(
        stack,
        `{ assessmentReport(centre: "KAIXUAN", period: "${MONTH}") { openRectifications { id } } }`,
        {},
        ANALYST,
      )
    ).assessmentReport;
    assert.deepEqual(after.openRectifications, []);
  });

  test("the administrator loads a new version, checked; it becomes the current one", async () => {
    const standard = (
      await ok(
        stack,
        `{ assessmentStandard { categories { code name weight targets { code text weight points { code text weight bar } } } } }`,
        {},
        ADMIN,
      )
    ).assessmentStandard;
    const LOAD = `mutation ($i: LoadAssessmentStandardInput!) { loadAssessmentStandard(input: $i) { version draft current } }`;
    const input = {
      version: "2026-TEST",
      title: "窗口服务标准（测试版）",
      draft: false,
      sourceNote: "测试载入",
      categories: standard.categories,
    };
    assert.equal((await stack.query(LOAD, { i: input }, CLERK)).errors?.[0].extensions?.code, "FORBIDDEN");
    const broken = structuredClone(input);
    broken.categories[0].weight = 21;
    const refused = await stack.query(LOAD, { i: broken }, ADMIN);
    assert.equal(refused.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(refused.errors?.[0].extensions?.localizedMessage, "C1 的权重为 21，但其下各项权重之和为 20");
    const loaded = (await ok(stack, LOAD, { i: input }, ADMIN)).loadAssessmentStandard;
    assert.deepEqual(loaded, { version: "2026-TEST", draft: false, current: true });
    assert.equal((await stack.query(LOAD, { i: input }, ADMIN)).errors?.[0].extensions?.code, "CONFLICT");
    const old = (await ok(stack, `{ assessmentStandard(version: "2025-DRAFT") { current draft } }`, {}, ANALYST))
      .assessmentStandard;
    assert.deepEqual(old, { current: false, draft: true });
  });
});
