import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { freshCreditCode } from "./harness/fixtures";
import { ARTIFACTS, CHROMIUM, CHROMIUM_FLAGS, CHROMIUM_MISSING } from "./harness/chromium";
import { startStack, type As, type Stack } from "./harness/stack";

/**
 * The dashboard and the explorer in a real browser: Debian's chromium driven by playwright-core
 * (no browser download), against a stack seeded with the demo hospital. Screenshots go to
 * test/artifacts/ (git-ignored).
 */
const SKIP = CHROMIUM_MISSING;
if (SKIP) console.warn(`SKIPPED browser tests: ${SKIP}`);

const CLERK: As = { roles: ["window_clerk"], user: "browser-test-clerk", purpose: "窗口叫号" };
const DIST = path.join(__dirname, "..", "..", "dashboard", "dist");
/** A date as the pages show it: in Chinese, China Standard Time. */
const CHINESE_DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
/** The hall's lines of business, as the hall's signposts name them (HallDepartment's labels). */
const HALL_DEPARTMENTS = ["劳动保障", "医疗保险", "失业管理", "就业援助", "企退管理", "纳税申报"];

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
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A fresh page that lets only the gateway's origin through and records everything else, and every page error. */
  async function openPage(
    viewport = { width: 1400, height: 1000 },
  ): Promise<{ page: Page; external: string[]; problems: string[] }> {
    const context = await browser.newContext({ viewport, locale: "zh-CN" });
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
    // Files the page asks for and does not get (a favicon, say); GraphQL answers its own errors.
    page.on("response", (res) => {
      if (res.status() >= 400 && new URL(res.url()).pathname !== "/graphql")
        problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
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
    for (const pathname of ["/dashboard", "/explorer", "/explorer/", "/screen"]) {
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
      // Each page names its icon, bundled with the assets: no request for /favicon.ico.
      const icon = html.match(/<link rel="icon" type="image\/svg\+xml" href="(\/assets\/[^"]+\.svg)"/)?.[1];
      assert.ok(icon, `${pathname} links its icon`);
      const svg = await fetch(base + icon);
      assert.equal(svg.status, 200);
      assert.equal(svg.headers.get("content-type"), "image/svg+xml");
      assert.match(await svg.text(), /^<svg /);
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

    assert.match(await page.locator("#status").innerText(), /^已更新 Updated \d{2}:\d{2}:\d{2}$/);
    const summary = await page.locator("#hospital-summary").innerText();
    assert.match(summary, /2010年（2010年1月1日 至 2010年12月31日）/);
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
    assert.equal(await page.locator("#hall-period").innerText(), "2008年1月1日 至 2010年12月31日");
    // The departments by their Chinese names, not their codes (LABOR_SECURITY).
    const hallDepartments = (await cells(page, "chart-hall-table")).map((row) => row[0]);
    assert.ok(hallDepartments.length >= 1, "the hall chart has its departments");
    assert.deepEqual(
      hallDepartments.filter((name) => !HALL_DEPARTMENTS.includes(name!)),
      [],
      `department names: ${hallDepartments}`,
    );
    // 物产大厦's building station: its demo year by kind, in Chinese (书面审查和服务联系卡 48 + 72 = 120, 宣传 420, 代理服务 115).
    assert.equal(await page.locator("#station-note").isHidden(), true, await page.locator("#station-note").innerText());
    const station = (await cells(page, "station-totals")).map((row) => row.slice(0, 2));
    assert.deepEqual(station, [
      ["书面审查", "48"],
      ["服务联系卡", "72"],
      ["宣传", "420"],
      ["代理服务", "115"],
      ["职业介绍", "0"],
      ["职业培训", "0"],
      ["合计 Total", "655"],
    ]);
    // The centre selector holds the city's tree; a district shows the sum of its centres.
    const centreOptions = await page.locator("[data-testid=hall-centre] option").allInnerTexts();
    assert.ok(centreOptions.length >= 15, `centres: ${centreOptions.length}`);
    assert.ok(centreOptions.some((o) => o.includes("物产大厦楼宇服务站")));
    assert.equal(await page.locator("[data-testid=hall-centre]").inputValue(), "KAIXUAN");
    const kaixuan = await page.locator("#hall-summary tbody td").first().innerText();
    await page.locator("[data-testid=hall-centre]").selectOption("JIANGGAN");
    await page
      .locator("#hall-summary tbody td")
      .first()
      .filter({ hasNotText: new RegExp(`^${kaixuan}$`) })
      .waitFor();
    assert.ok(Number(await page.locator("#hall-summary tbody td").first().innerText()) > Number(kaixuan));
    // The street ranking: eight street centres, by their names.
    assert.ok((await page.locator("#chart-ranking svg").count()) === 1);
    assert.equal((await cells(page, "chart-ranking-table")).length, 8);
    // Kaixuan's service stars of December 2010, the demo's last month: the API's, by rank, the
    // honours on their windows in Chinese.
    assert.equal(await page.locator("#stars-note").isHidden(), true, await page.locator("#stars-note").innerText());
    assert.equal(await page.locator("#stars-month").innerText(), "2010年12月");
    assert.equal(await page.locator("#stars-month time").getAttribute("datetime"), "2010-12");
    const starsApi = await stack.query(
      `{ serviceStars(centre: "KAIXUAN", month: "2010-12") { rank score badge { name window } kpis { casesHandled } } }`,
      {},
      { roles: ["analyst"], user: "dashboard-test" },
    );
    assert.equal(starsApi.errors, undefined, JSON.stringify(starsApi.errors));
    const expectedStars = (starsApi.data as any).serviceStars as any[];
    assert.ok(expectedStars.length >= 1, "the demo's last month has service stars");
    const stars = await cells(page, "service-stars");
    assert.deepEqual(
      stars.map((row) => [row[0], row[1], row[2], row[4], row[8]]),
      expectedStars.map((s) => [
        String(s.rank),
        s.badge.name,
        s.badge.window,
        String(s.kpis.casesHandled),
        s.score.toFixed(1),
      ]),
    );
    assert.deepEqual(
      stars.map((row) => row[3]).filter((honours) => !/^(—|[\u4e00-\u9fff、]+)$/.test(honours!)),
      [],
      "honours by their Chinese names",
    );
    assert.ok((await page.locator("[data-testid=job-board] tbody tr").count()) >= 1, "the job board lists postings");
    assert.match(await page.locator("[data-testid=job-board] tbody tr td").nth(4).innerText(), CHINESE_DATE);
    // The queue board comes from its subscription's first message, not from the page's load.
    await page.locator("[data-testid=queue-board] tbody tr").first().waitFor();

    // The employment-aid panel: the same figures as the API gives an analyst for the panel's period.
    assert.equal(await page.locator("#aid-note").isHidden(), true, await page.locator("#aid-note").innerText());
    assert.match(
      await page.locator("#aid-period").innerText(),
      /^\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日$/,
    );
    const [from, to] = await page.locator("#aid-period time").evaluateAll((times) => times.map((t: any) => t.dateTime));
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

  /** Takes a ticket of `category` and has `window` call the next one of it: the number called. */
  async function callAt(window: string, category = "TAX"): Promise<string> {
    const taken = await stack.query(
      `mutation ($c: HallDepartment!) { takeQueueTicket(input: { category: $c }) { number } }`,
      { c: category },
      "anonymous",
    );
    assert.equal(taken.errors, undefined, JSON.stringify(taken.errors));
    const called = await stack.query(
      `mutation ($w: String!, $c: [HallDepartment!]) { callNextTicket(input: { window: $w, categories: $c }) { number window } }`,
      { w: window, c: [category] },
      CLERK,
    );
    assert.equal(called.errors, undefined, JSON.stringify(called.errors));
    assert.equal(called.data.callNextTicket.window, window);
    return called.data.callNextTicket.number;
  }

  test("the dashboard's queue board and job board follow the subscriptions: a call and a new posting show without a reload", async () => {
    const { page, external, problems } = await openPage();
    await page.goto(`${base}/dashboard`);
    await page.waitForSelector("body[data-loaded=true]", { timeout: 20_000 });
    await page.waitForSelector("[data-testid=boards-live][data-state=live]", { timeout: 20_000 });
    const number = await callAt("W11", "LABOR_SECURITY");
    await page.locator("[data-testid=queue-now]", { hasText: `请 ${number} 号 到 W11 窗口` }).waitFor();
    const row = page.locator("[data-testid=queue-board] tbody tr", { hasText: "劳动保障" });
    assert.deepEqual(
      (await page.locator("[data-testid=queue-board] tbody tr td:first-child").allInnerTexts()).filter(
        (name) => !HALL_DEPARTMENTS.includes(name.trim()),
      ),
      [],
      "the categories by their Chinese names",
    );
    assert.equal((await row.locator("td").nth(4).innerText()).trim(), number, "the category's last called number");

    // newJobPostings has no first message: post again until one shows (the subscription may
    // not be registered yet when the first is published).
    const creditCode = freshCreditCode();
    const employer = await stack.query(
      `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`,
      { i: { creditCode, name: "杭州看板实时科技有限公司", industry: "信息技术" } },
    );
    assert.equal(employer.errors, undefined, JSON.stringify(employer.errors));
    const rowsBefore = await page.locator("[data-testid=job-board] tbody tr").count();
    let shown = "";
    for (let n = 1; !shown && n <= 10; n++) {
      const title = `看板实时测试岗位 ${n}`;
      const posted = await stack.query(`mutation ($i: PostJobInput!) { postJob(input: $i) { id } }`, {
        i: { creditCode, title, salaryMin: 5000, salaryMax: 7000 },
      });
      assert.equal(posted.errors, undefined, JSON.stringify(posted.errors));
      const first = page.locator("[data-testid=job-board] tbody tr").first();
      shown = await first
        .filter({ hasText: title })
        .waitFor({ timeout: 3000 })
        .then(
          () => title,
          () => "",
        );
    }
    assert.ok(shown, "a posting published after the page loaded is on top of the job board");
    assert.match(
      await page.locator("[data-testid=job-board] tbody tr").first().innerText(),
      /杭州看板实时科技有限公司/,
    );
    assert.ok((await page.locator("[data-testid=job-board] tbody tr").count()) <= Math.max(rowsBefore, 10));
    assert.deepEqual(external, [], "no request leaves the gateway's origin");
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test("the hall's queue screen shows a call as it is made, and reconnects by itself after the gateway restarts", async () => {
    const { page, external, problems } = await openPage({ width: 1920, height: 1080 });
    await page.goto(`${base}/screen?centre=KAIXUAN`);
    await page.waitForSelector("body[data-connection=live]", { timeout: 20_000 });
    assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
    await page.locator("#centre-name", { hasText: "凯旋街道综合服务中心" }).waitFor();
    assert.match(await page.getByTestId("date").innerText(), /^\d{4}年\d{1,2}月\d{1,2}日星期[一二三四五六日]$/);
    assert.match(await page.getByTestId("clock").innerText(), /^\d{2}:\d{2}:\d{2}$/);
    const categories = await page.locator("[data-testid=queues] tbody th").allInnerTexts();
    assert.deepEqual(categories, HALL_DEPARTMENTS);

    const number = await callAt("W05");
    const newest = page.getByTestId("newest-call");
    await newest.filter({ hasText: number }).waitFor();
    assert.match(await newest.innerText(), new RegExp(`请\\s*${number}\\s*号\\s*到\\s*W05\\s*窗口`));
    assert.match(await page.locator("[aria-live=polite]").innerText(), new RegExp(`请 ${number} 号 到 W05 窗口`));
    // A 1920×1080 display and a 1366×768 television: the whole board fits; nothing scrolls, spills
    // or is clipped (the sections clip what overflows: the last category ends above the footer).
    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
    ]) {
      await page.setViewportSize({ width, height });
      const lastRow = (await page.locator("[data-testid=queues] tbody tr").last().boundingBox())!;
      const fits = {
        page: await page
          .locator("html")
          .evaluate((root: any) => root.scrollHeight <= root.clientHeight && root.scrollWidth <= root.clientWidth),
        newest: await newest.evaluate((call: any) => call.scrollWidth <= call.clientWidth),
        queues: lastRow.y + lastRow.height <= (await page.locator("footer").boundingBox())!.y,
      };
      assert.deepEqual(fits, { page: true, newest: true, queues: true }, `${width}×${height}`);
      await page.screenshot({ path: path.join(ARTIFACTS, `screen-${width}x${height}.png`) });
    }
    assert.deepEqual(external, [], "no request leaves the gateway's origin");
    assert.deepEqual(problems, [], "the WebSocket is within the page's CSP");

    await stack.stopSubgraph("gateway");
    await page.getByTestId("connection").filter({ hasText: "连接中断，正在重连…" }).waitFor();
    await stack.restartSubgraph("gateway");
    const afterRestart = await callAt("W06");
    await newest.filter({ hasText: afterRestart }).waitFor({ timeout: 60_000 });
    assert.match(await newest.innerText(), /W06/);
    assert.equal(await page.getByTestId("connection").isHidden(), true, "the notice goes once the board is back");
    await page.screenshot({ path: path.join(ARTIFACTS, "screen-after-restart.png") });
    // While the gateway was away Chromium logs each failed attempt; nothing else went wrong.
    assert.deepEqual(
      problems.filter((p) => !/WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/graphql' failed/.test(p)),
      [],
    );
    await page.context().close();
  });

  test("the explorer loads GraphiQL with the saved examples and the purpose header, and runs a query", async () => {
    const { page, external, problems } = await openPage();
    await page.goto(`${base}/explorer`);
    await page.waitForSelector(".graphiql-container", { timeout: 20_000 });
    // The saved examples, the clerk's employment-aid workflow and the centres' users among them, one tab each.
    const tabs = await page.locator(".graphiql-tab").allInnerTexts();
    assert.ok(tabs.length >= 22, `saved example tabs: ${tabs}`);
    for (const name of [
      "JobSeekerProfile",
      "JobSeekerMatches",
      "ReferJob",
      "RecordReferralOutcome",
      "ReferralFigures",
      // A centre director's, a district officer's and a station worker's.
      "DirectorCentre",
      "StaffCommitments",
      "OpenLeaderReview",
      "DistrictOverview",
      "DistrictFollowUp",
      "RecordEnterpriseService",
      "OpenInspectionCase",
      "StationCases",
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
