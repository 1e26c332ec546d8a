import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startStack, type Stack } from "./harness/stack";

/**
 * The dashboard and the explorer in a real browser: Debian's chromium driven by playwright-core
 * (no browser download), against a stack seeded with the demo hospital. Screenshots go to
 * test/artifacts/ (git-ignored).
 */
const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => !!p && existsSync(p),
);
const SKIP = CHROMIUM
  ? false
  : "chromium not found (/usr/bin/chromium, or set CHROMIUM_PATH): `apt-get install -y chromium`, as .ci/run does";
if (SKIP) console.warn(`SKIPPED browser tests: ${SKIP}`);

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const ARTIFACTS = path.join(__dirname, "..", "artifacts");
const DIST = path.join(__dirname, "..", "..", "dashboard", "dist");

(SKIP ? describe.skip : describe)("dashboard and explorer in headless Chromium", () => {
  let stack: Stack;
  let base: string;
  let browser: Browser;
  beforeAll(async () => {
    assert.ok(
      existsSync(path.join(DIST, "dashboard", "index.html")),
      `no built dashboard in ${DIST}: run npm run build`,
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    // Enough residents for a year of generated referrals and three years of relief campaigns.
    stack = await startStack({ seed: { citizens: 600, employers: 20, jobPostings: 40, extraVisits: 0 } });
    base = new URL(stack.gatewayUrl).origin;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A fresh page that lets only the gateway's origin through and records everything else, and every page error. */
  async function openPage(): Promise<{ page: Page; external: string[]; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "zh-CN" });
    const page = await context.newPage();
    const external: string[] = [];
    const problems: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base + "/") || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      external.push(url);
      return route.abort();
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("console", (msg) => {
      if (
        msg.type() === "error" &&
        !/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())
      )
        problems.push(`console: ${msg.text()}`);
    });
    return { page, external, problems };
  }

  /** The cells of a chart's data table (in a closed <details>: read from the DOM, not as rendered). */
  const cells = (page: Page, testId: string) =>
    page
      .locator(`[data-testid=${testId}] tbody tr`)
      .evaluateAll((rows) =>
        rows.map((row: any) =>
          Array.from(row.cells as ArrayLike<{ textContent: string | null }>, (cell) => cell.textContent ?? ""),
        ),
      );

  test("the gateway serves the built pages with their content types and a CSP of its own origin only, and nothing outside dist", async () => {
    for (const pathname of ["/dashboard", "/explorer", "/explorer/"]) {
      const res = await fetch(base + pathname);
      assert.equal(res.status, 200, pathname);
      assert.equal(res.headers.get("content-type"), "text/html; charset=utf-8");
      const csp = res.headers.get("content-security-policy") ?? "";
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /https?:|\*/, "no external origin in the CSP");
      const html = await res.text();
      assert.doesNotMatch(html, /(src|href)="https?:/, "no external script or style");
      const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
      assert.ok(script, "a bundled script");
      const js = await fetch(base + script);
      assert.equal(js.status, 200);
      assert.equal(js.headers.get("content-type"), "text/javascript; charset=utf-8");
    }
    for (const bad of [
      "/assets/../package.json",
      "/assets/%2e%2e/dashboard/index.html",
      "/assets/..%2fexplorer%2findex.html",
      "/assets/%2e%2e%2f%2e%2e%2fpackage.json",
      "/assets/",
      "/assets/.hidden",
      "/dashboard/../package.json",
      "/nothing",
    ]) {
      const res = await fetch(base + bad);
      assert.equal(res.status, 404, bad);
      await res.arrayBuffer();
    }
    const post = await fetch(base + "/dashboard", { method: "POST" });
    assert.equal(post.status, 404);
  });

  test("the dashboard charts the demo hospital (106.52 → 96.09 yuan per outpatient visit), the hall's KPIs and the boards, with an analyst's token", async () => {
    const token = (await stack.headers({ roles: ["analyst"], user: "dashboard-test" })).authorization.replace(
      /^Bearer /,
      "",
    );
    const { page, external, problems } = await openPage();
    await page.goto(`${base}/dashboard?token=${encodeURIComponent(token)}`);
    await page.waitForSelector("body[data-loaded=true]", { timeout: 20_000 });
    assert.equal(new URL(page.url()).search, "", "the token is taken out of the address bar");

    const summary = await page.locator("#hospital-summary").innerText();
    assert.match(summary, /106\.52/);
    assert.match(summary, /96\.09/);
    assert.match(summary, /4483\.53/);
    assert.match(summary, /3924\.02/);
    assert.match(await page.locator("#hospital-name").innerText(), /建德市第一人民医院/);
    assert.equal(await page.locator("#hospital-note").isHidden(), true, "no error shown for the hospital");

    // Every chart drew an SVG and tabulates its numbers next to it: 24 months of 2009–2010.
    for (const id of ["chart-drug-cost", "chart-drug-share", "chart-rates"]) {
      assert.ok((await page.locator(`#${id} svg path`).count()) > 10, `${id} drew its series`);
      assert.equal(await page.locator(`[data-testid=${id}-table] tbody tr`).count(), 24, `${id} has 24 months`);
    }
    const months = await cells(page, "chart-drug-cost-table");
    assert.equal(months[0][0], "2009-01");
    assert.equal(months[23][0], "2010-12");
    // The monthly per-visit costs average out near the yearly figures.
    const perVisit = months.map((row) => Number(row[1]));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(Math.abs(mean(perVisit.slice(0, 12)) - 106.52) < 5, `2009 monthly ${perVisit.slice(0, 12)}`);
    assert.ok(Math.abs(mean(perVisit.slice(12)) - 96.09) < 5, `2010 monthly ${perVisit.slice(12)}`);
    const rates = await cells(page, "chart-rates-table");
    assert.ok(
      rates.every((row) => /%$/.test(row[1]) && /%$/.test(row[2])),
      `follow-up and satisfaction rates as percentages: ${rates}`,
    );

    // The hall's KPIs and the public boards, through the same public API.
    assert.equal(await page.locator("#hall-note").isHidden(), true, await page.locator("#hall-note").innerText());
    assert.match(await page.locator("#hall-summary").innerText(), /\d/);
    assert.ok((await page.locator("#chart-hall svg").count()) === 1);
    assert.ok((await page.locator("[data-testid=job-board] tbody tr").count()) >= 1, "the job board lists postings");
    assert.ok(
      (await page.locator("[data-testid=queue-board] tbody tr").count()) >= 1,
      "the queue board lists categories",
    );

    // The employment-aid panel: the same figures as the API gives an analyst for the panel's period.
    assert.equal(await page.locator("#aid-note").isHidden(), true, await page.locator("#aid-note").innerText());
    const [from, to] = (await page.locator("#aid-period").innerText()).split(" … ");
    const api = await stack.query(
      `query ($from: Date!, $to: Date!) { referralStats(from: $from, to: $to) { all { referrals hires hireRate }
         byCategory { category referrals hires } byMonth { month all { referrals hires } } }
         reliefCampaigns { name budget granted } }`,
      { from, to },
      { roles: ["analyst"], user: "dashboard-test" },
    );
    assert.equal(api.errors, undefined, JSON.stringify(api.errors));
    const { referralStats: stats, reliefCampaigns } = api.data as any;
    assert.ok(stats.all.referrals > 0 && stats.all.hires > 0, `demo referrals: ${JSON.stringify(stats.all)}`);
    assert.deepEqual((await cells(page, "aid-summary"))[0].slice(0, 3), [
      String(stats.all.referrals),
      String(stats.all.hires),
      `${(stats.all.hireRate * 100).toFixed(1)}%`,
    ]);
    const byMonth = await cells(page, "chart-aid-months-table");
    assert.equal(byMonth.length, 12, "twelve months");
    assert.deepEqual(
      byMonth.map((row) => [row[0], Number(row[1]), Number(row[2])]),
      stats.byMonth.map((m: any) => [m.month, m.all.referrals, m.all.hires]),
    );
    assert.ok((await page.locator("#chart-aid-months svg path").count()) > 5, "the months chart drew its series");
    const groups = await cells(page, "aid-categories");
    assert.deepEqual(
      groups.map((row) => [Number(row[1]), Number(row[2])]),
      stats.byCategory.map((c: any) => [c.referrals, c.hires]),
    );
    assert.match(groups[0][0], /4050/);
    const relief = await cells(page, "chart-relief-table");
    assert.equal(relief.length, reliefCampaigns.length);
    assert.ok(relief.length >= 6, "three years of summer and winter campaigns");
    for (const c of reliefCampaigns) {
      const row = relief.find((r) => r[0] === c.name)!;
      assert.deepEqual(row.slice(1), [c.budget.toFixed(2), c.granted.toFixed(2)], c.name);
      assert.ok(c.granted > 0 && c.granted <= c.budget, c.name);
    }

    await page.screenshot({ path: path.join(ARTIFACTS, "dashboard.png"), fullPage: true });
    assert.deepEqual(external, [], "no request leaves the gateway's origin");
    assert.deepEqual(problems, []);

    // Without a token the hospital section says how to get one; the public boards still show.
    await page.locator("#token-clear").click();
    await page.waitForSelector("body[data-loaded=true]");
    assert.match(await page.locator("#hospital-note").innerText(), /npm run token -- --role analyst/);
    assert.ok((await page.locator("[data-testid=job-board] tbody tr").count()) >= 1);
    await page.context().close();
  });

  test("the explorer loads GraphiQL with the saved examples and the purpose header, and runs a query", async () => {
    const { page, external, problems } = await openPage();
    await page.goto(`${base}/explorer`);
    await page.waitForSelector(".graphiql-container", { timeout: 20_000 });
    // The saved examples, the clerk's employment-aid workflow among them, one tab each.
    const tabs = await page.locator(".graphiql-tab").allInnerTexts();
    assert.ok(tabs.length >= 13, `saved example tabs: ${tabs}`);
    for (const name of [
      "JobSeekerProfile",
      "JobSeekerMatches",
      "ReferJob",
      "RecordReferralOutcome",
      "ReferralFigures",
    ]) {
      assert.ok(
        tabs.some((t) => t.includes(name)),
        `a tab for ${name}: ${tabs}`,
      );
    }
    // CodeMirror arrives in lazily loaded chunks: wait for the query editor's text.
    await page
      .locator(".graphiql-query-editor .CodeMirror-code")
      .getByText("jobPostings")
      .first()
      .waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "explorer-loaded.png") });
    assert.deepEqual(problems, []);
    assert.match(
      (await page.locator(".graphiql-editor-tool .CodeMirror-code").last().textContent()) ?? "",
      /x-access-purpose/,
    );
    await page.locator(".graphiql-execute-button").click();
    const response = page.locator(".graphiql-response");
    await response.getByText('"totalCount"').first().waitFor({ timeout: 15_000 });
    const text = await response.innerText();
    // CodeMirror renders only the lines in view: the start of the answer is enough.
    assert.match(text, /"data"[^]*"jobPostings"[^]*"totalCount": \d+/);
    assert.doesNotMatch(text, /"errors"/);
    await page.screenshot({ path: path.join(ARTIFACTS, "explorer.png") });
    assert.deepEqual(external, [], "no request leaves the gateway's origin");
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
