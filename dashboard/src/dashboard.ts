import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { enumLabel, errorCodeLabel } from "@onewindow/contracts/i18n";
import "./dashboard.css";
import type {
  BuildingStationTotalsQuery,
  BuildingStationTotalsQueryVariables,
  EmploymentAidQuery,
  EmploymentAidQueryVariables,
  CentreRankingQuery,
  CentreRankingQueryVariables,
  CentreTreeQuery,
  HallKpisQuery,
  HallKpisQueryVariables,
  HospitalDashboardQuery,
  HospitalDashboardQueryVariables,
  JobBoardQuery,
  JobBoardQueryVariables,
  JobPostingRowFragment,
  NewJobPostingsSubscription,
  QueueBoardViewFragment,
  QueueCallsSubscription,
  ServiceStarsQuery,
  ServiceStarsQueryVariables,
} from "./generated/graphql";
import { formatDate, formatDateRange, formatTime } from "./format";
import { follow, liveClient } from "./live";
import {
  BUILDING_STATION_TOTALS,
  CENTRE_RANKING,
  CENTRE_TREE,
  EMPLOYMENT_AID,
  FROM,
  HALL_KPIS,
  HOSPITAL,
  HOSPITAL_DASHBOARD,
  JOB_BOARD,
  JOB_BOARD_SIZE,
  NEW_JOB_POSTINGS,
  QUEUE_CALLS,
  SERVICE_STARS,
  TO,
  lastTwelveMonths,
} from "./operations";
import { callText, categoryName } from "./queue";

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  AriaComponent,
  SVGRenderer,
]);

/**
 * Targets drawn on the rate chart: the seed text's "两项测评满意度均达97%以上" for satisfaction and a
 * 90 % follow-up target (回访率). The API has no targets; they are the dashboard's settings.
 */
const TARGETS = { followUpRate: 0.9, satisfactionRate: 0.97 };
const HALL_FROM = "2008-01-01";
const HALL_TO = "2010-12-31";
/** The building station shown, and the year of its demo records (the hall's seed, wuchan.figures.ts). */
const STATION = "WUCHAN";
const STATION_FROM = "2010-01-01";
const STATION_TO = "2010-12-31";
/** The centre whose service stars are shown, and the last month of its demo records (kaixuan.figures.ts). */
const STARS_CENTRE = "KAIXUAN";
const STARS_MONTH = "2010-12";
const TOKEN_KEY = "onewindow.dashboard.token";

interface Point {
  period: string;
  value: number | null;
}
interface GraphqlError {
  message: string;
  /** `localizedMessage`: the message in the request's language, Chinese unless English is asked for. */
  extensions?: { code?: string; localizedMessage?: string };
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** The token: `?token=` (then kept in localStorage and removed from the address bar), else localStorage. */
function currentToken(): string {
  const url = new URL(location.href);
  const fromQuery = url.searchParams.get("token");
  if (fromQuery) {
    localStorage.setItem(TOKEN_KEY, fromQuery);
    url.searchParams.delete("token");
    history.replaceState(null, "", url.pathname + url.search);
  }
  return localStorage.getItem(TOKEN_KEY) ?? "";
}

/** Posts one of the operations; its data is typed by GraphQL Code Generator from the gateway's schema. */
async function graphql<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
  query: string,
  variables?: TVariables,
): Promise<{ data?: TData | null; errors?: GraphqlError[] }> {
  const token = localStorage.getItem(TOKEN_KEY);
  const res = await fetch("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-access-purpose": "dashboard",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables: variables ?? {} }),
  });
  return res.json();
}

const yuan = (v: number | null | undefined) => (v == null ? "—" : v.toFixed(2));
const pct = (v: number | null | undefined) => (v == null ? "—" : `${(v * 100).toFixed(1)}%`);
const esc = (s: unknown) => String(s ?? "—").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function table(el: HTMLElement, head: string[], rows: string[][], numeric: boolean[] = []): void {
  el.innerHTML =
    `<thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="num"' : ""}>${esc(c)}</td>`).join("")}</tr>`).join("")}</tbody>`;
}

function note(id: string, errors: GraphqlError[] | undefined): boolean {
  const el = $(id);
  if (!errors?.length) {
    el.hidden = true;
    return false;
  }
  const { message, extensions } = errors[0];
  const code = extensions?.code;
  // The Chinese the gateway gave the error, else what its code means; the English message after it.
  const text = extensions?.localizedMessage ?? errorCodeLabel(code).zh;
  el.hidden = false;
  el.textContent =
    code === "UNAUTHENTICATED" || code === "FORBIDDEN"
      ? `${text}（${code}）。需要令牌：运行 \`npm run token -- --role analyst\`，粘贴到上方，或打开 /dashboard?token=… · A token is needed: ${message}`
      : `${text}（${code ?? "?"}）· ${message}`;
  return true;
}

interface Series {
  name: string;
  data: Array<number | null>;
  [option: string]: unknown;
}

/**
 * Draws a chart (SVG) and, next to it, the same numbers as a table ("数据 Data") for screen
 * readers, copying, and the browser test; `format` is one for every series or one per series.
 */
function chart(
  id: string,
  label: string,
  option: echarts.EChartsCoreOption & { xAxis: { data: string[]; [option: string]: unknown }; series: Series[] },
  format: ((v: number | null) => string) | ((v: number | null) => string)[],
): void {
  const formatOf = (i: number) => (Array.isArray(format) ? format[i] : format);
  const el = $(id);
  let details = document.getElementById(`${id}-data`);
  if (!details) {
    details = document.createElement("details");
    details.id = `${id}-data`;
    details.innerHTML = `<summary>数据 Data</summary><table data-testid="${id}-table"></table>`;
    el.after(details);
  }
  table(
    details.querySelector("table")!,
    ["期间 Period", ...option.series.map((s) => s.name)],
    option.xAxis.data.map((period, i) => [period, ...option.series.map((s, k) => formatOf(k)(s.data[i]))]),
    [false, ...option.series.map(() => true)],
  );
  el.setAttribute("role", "img");
  el.setAttribute("aria-label", label);
  const existing = echarts.getInstanceByDom(el);
  (existing ?? echarts.init(el, undefined, { renderer: "svg" })).setOption(
    { aria: { enabled: true }, animation: false, tooltip: { trigger: "axis" }, ...option },
    true,
  );
}

/** A dashed target line labelled with its percentage. */
const target = (value: number) => ({
  symbol: "none",
  label: { position: "insideEndTop", formatter: `目标 target ${pct(value)}` },
  data: [{ yAxis: value }],
});

const periods = (points: Point[]) => points.map((p) => p.period);
const values = (points: Point[], digits?: number) =>
  points.map((p) => (p.value == null ? null : digits == null ? p.value : +p.value.toFixed(digits)));

async function loadHospital(): Promise<void> {
  const res = await graphql<HospitalDashboardQuery, HospitalDashboardQueryVariables>(HOSPITAL_DASHBOARD, {
    code: HOSPITAL,
    from: FROM,
    to: TO,
    yearFrom: "2010-01-01",
  });
  const h = res.data?.hospital;
  if (h?.name) $("hospital-name").textContent = `${h.name} (${h.code})`;
  if (note("hospital-note", res.errors) || !h?.year) return;
  const y = h.year;
  const p: Partial<NonNullable<typeof y.previousPeriod>> = y.previousPeriod ?? {};
  table(
    $("hospital-summary"),
    [
      "指标 Metric",
      `2009年（${formatDateRange(p.from, p.to)}）`,
      `2010年（${formatDateRange(y.from, y.to)}）`,
      "目标 Target",
    ],
    [
      [
        "门诊每人次药品费用（元）Drug cost per outpatient visit (yuan)",
        yuan(p.outpatientDrugCostPerVisit),
        yuan(y.outpatientDrugCostPerVisit),
        "",
      ],
      [
        "住院每人次药品费用（元）Drug cost per stay (yuan)",
        yuan(p.inpatientDrugCostPerStay),
        yuan(y.inpatientDrugCostPerStay),
        "",
      ],
      ["药占比 Drug cost share", pct(p.drugCostShare), pct(y.drugCostShare), ""],
      ["出院回访率 Follow-up rate", pct(p.followUpRate), pct(y.followUpRate), `≥ ${pct(TARGETS.followUpRate)}`],
      [
        "满意度 Satisfaction rate",
        pct(p.satisfactionRate),
        pct(y.satisfactionRate),
        `≥ ${pct(TARGETS.satisfactionRate)}`,
      ],
    ],
    [false, true, true, false],
  );
  $("hospital-summary").setAttribute(
    "aria-label",
    `Drug cost per outpatient visit ${yuan(p.outpatientDrugCostPerVisit)} → ${yuan(y.outpatientDrugCostPerVisit)}; per stay ${yuan(p.inpatientDrugCostPerStay)} → ${yuan(y.inpatientDrugCostPerStay)}`,
  );
  chart(
    "chart-drug-cost",
    "Drug cost per outpatient visit and per stay by month, yuan",
    {
      legend: { top: 0, data: ["门诊每人次 Per outpatient visit", "住院每人次 Per stay"] },
      grid: { left: 60, right: 70, top: 56, bottom: 40 },
      xAxis: { type: "category", data: periods(h.perVisit) },
      yAxis: [
        { type: "value", name: "门诊 visit" },
        { type: "value", name: "住院 stay" },
      ],
      series: [
        { name: "门诊每人次 Per outpatient visit", type: "line", data: values(h.perVisit, 2) },
        { name: "住院每人次 Per stay", type: "line", yAxisIndex: 1, data: values(h.perStay, 2) },
      ],
    },
    yuan,
  );
  chart(
    "chart-drug-share",
    "Drug cost share by month",
    {
      grid: { left: 60, right: 20, top: 30, bottom: 40 },
      xAxis: { type: "category", data: periods(h.drugShare) },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: [{ name: "药占比 Drug cost share", type: "bar", data: values(h.drugShare, 4) }],
    },
    pct,
  );
  chart(
    "chart-rates",
    "Follow-up and satisfaction rates by month with their targets",
    {
      legend: { top: 0, data: ["回访率 Follow-up", "满意度 Satisfaction"] },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: "category", data: periods(h.followUp) },
      yAxis: { type: "value", min: 0.5, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: [
        { name: "回访率 Follow-up", type: "line", data: values(h.followUp, 4), markLine: target(TARGETS.followUpRate) },
        {
          name: "满意度 Satisfaction",
          type: "line",
          data: values(h.satisfaction, 4),
          markLine: target(TARGETS.satisfactionRate),
        },
      ],
    },
    pct,
  );
}

/** Levels in the selector's order, indented by depth (city → district → street → station). */
const LEVEL_DEPTH: Record<string, number> = { CITY: 0, DISTRICT: 1, STREET: 2, COMMUNITY: 3, BUILDING_STATION: 3 };
/** Each centre's level, by code, once the selector is filled. */
const centreLevels = new Map<string, string>();

/**
 * Fills the centre selector with the city's tree, depth first, each option indented and labelled
 * with its level; the hall's own centre stays selected. A centre above a street counts its whole
 * subtree (a district's streets and stations), a street or station its own records.
 */
async function loadCentres(): Promise<void> {
  const select = $("hall-centre") as HTMLSelectElement;
  const res = await graphql<CentreTreeQuery, Record<string, never>>(CENTRE_TREE, {});
  const centres = res.data?.hallCentres;
  if (!centres?.length) return;
  const children = new Map<string | null, typeof centres>();
  for (const c of centres) children.set(c.parentCode ?? null, [...(children.get(c.parentCode ?? null) ?? []), c]);
  const known = new Set(centres.map((c) => c.code));
  const options: HTMLOptionElement[] = [];
  const visit = (c: (typeof centres)[number]) => {
    centreLevels.set(c.code, c.level);
    const depth = LEVEL_DEPTH[c.level] ?? 0;
    const label = `${"\u3000".repeat(depth)}${c.name}（${enumLabel("CentreLevel", c.level)}）`;
    options.push(new Option(label, c.code, false, c.code === select.value));
    for (const child of children.get(c.code) ?? []) visit(child);
  };
  for (const root of centres.filter((c) => c.parentCode == null || !known.has(c.parentCode))) visit(root);
  const selected = select.value;
  select.replaceChildren(...options);
  select.value = selected;
  select.onchange = () => void loadHall();
}

/** Street centres ranked by satisfaction over the hall panel's period, best first. */
async function loadRanking(): Promise<void> {
  const res = await graphql<CentreRankingQuery, CentreRankingQueryVariables>(CENTRE_RANKING, {
    level: "STREET" as CentreRankingQueryVariables["level"],
    from: HALL_FROM,
    to: HALL_TO,
    metric: "SATISFACTION_RATE" as CentreRankingQueryVariables["metric"],
  });
  const rows = res.data?.centreRanking.rows;
  if (!rows) return;
  chart(
    "chart-ranking",
    "Street centres ranked by satisfaction rate",
    {
      grid: { left: 60, right: 20, top: 20, bottom: 60 },
      xAxis: {
        type: "category",
        data: rows.map((r) => r.centre.name.replace(/综合服务中心$/, "")),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: { type: "value", min: 0.8, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: [{ name: "满意度 Satisfaction", type: "bar", data: rows.map((r) => r.value ?? null) }],
    },
    pct,
  );
}

async function loadHall(): Promise<void> {
  $("hall-period").replaceChildren(dateElement(HALL_FROM), " 至 ", dateElement(HALL_TO));
  const centre = ($("hall-centre") as HTMLSelectElement).value || "KAIXUAN";
  const res = await graphql<HallKpisQuery, HallKpisQueryVariables>(HALL_KPIS, {
    from: HALL_FROM,
    to: HALL_TO,
    centre,
    // A district or the city is the sum of the centres below it; a street or station is itself.
    includeSubordinate: (LEVEL_DEPTH[centreLevels.get(centre) ?? "STREET"] ?? 2) < 2,
  });
  if (note("hall-note", res.errors) || !res.data?.hallKpis) return;
  const k = res.data.hallKpis;
  table(
    $("hall-summary"),
    [
      "办结 Cases handled",
      "按时办结率 On time",
      "现场办结率 On site",
      "评价 Evaluations",
      "满意度 Satisfaction",
      "叫号 Tickets called",
      "平均等候（分）Avg wait (min)",
    ],
    [
      [
        String(k.casesHandled),
        pct(k.onTimeRate),
        pct(k.onSiteRate),
        String(k.evaluations),
        pct(k.satisfactionRate),
        String(k.ticketsCalled),
        k.averageWaitMinutes == null ? "—" : k.averageWaitMinutes.toFixed(1),
      ],
    ],
    [true, true, true, true, true, true, true],
  );
  const deps = k.byDepartment;
  chart(
    "chart-hall",
    "Service hall on-time, on-site and satisfaction rates by department",
    {
      legend: { top: 0, data: ["按时 On time", "现场 On site", "满意 Satisfied"] },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      // Four characters each: they fit level.
      xAxis: { type: "category", data: deps.map((d) => enumLabel("HallDepartment", d.department)) },
      yAxis: { type: "value", max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: [
        { name: "按时 On time", type: "bar", data: deps.map((d) => d.onTimeRate) },
        { name: "现场 On site", type: "bar", data: deps.map((d) => d.onSiteRate) },
        { name: "满意 Satisfied", type: "bar", data: deps.map((d) => d.satisfactionRate) },
      ],
    },
    pct,
  );
}

/** The building station's services by kind: one row per kind, and the total. */
async function loadStation(): Promise<void> {
  $("station-period").replaceChildren(dateElement(STATION_FROM), " 至 ", dateElement(STATION_TO));
  const res = await graphql<BuildingStationTotalsQuery, BuildingStationTotalsQueryVariables>(BUILDING_STATION_TOTALS, {
    station: STATION,
    from: STATION_FROM,
    to: STATION_TO,
  });
  if (note("station-note", res.errors) || !res.data?.enterpriseServiceTotals) return;
  const t = res.data.enterpriseServiceTotals;
  table(
    $("station-totals"),
    ["服务类别 Kind", "次数 Services", "企业数 Companies"],
    [
      ...t.byKind.map((k) => [enumLabel("EnterpriseServiceKind", k.kind), String(k.services), String(k.companies)]),
      ["合计 Total", String(t.services), String(t.companies)],
    ],
    [false, true, true],
  );
}

/** The month's service stars of the hall's own centre, by rank, with the honours on their windows. */
async function loadStars(): Promise<void> {
  const month = document.createElement("time");
  month.dateTime = STARS_MONTH;
  month.textContent = `${STARS_MONTH.slice(0, 4)}年${Number(STARS_MONTH.slice(5))}月`;
  $("stars-month").replaceChildren(month);
  const res = await graphql<ServiceStarsQuery, ServiceStarsQueryVariables>(SERVICE_STARS, {
    centre: STARS_CENTRE,
    month: STARS_MONTH,
  });
  if (note("stars-note", res.errors) || !res.data?.serviceStars) return;
  const stars = res.data.serviceStars;
  table(
    $("service-stars"),
    [
      "名次 Rank",
      "姓名 Name",
      "窗口 Window",
      "称号 Honours",
      "办结 Cases",
      "按时 On time",
      "评价 Evaluations",
      "满意度 Satisfaction",
      "得分 Score",
    ],
    stars.length
      ? stars.map((s) => [
          String(s.rank),
          s.badge.name,
          s.badge.window,
          s.badge.badges.map((b) => enumLabel("WindowStaffBadge", b)).join("、") || "—",
          String(s.kpis.casesHandled),
          pct(s.kpis.onTimeRate),
          String(s.kpis.evaluations),
          pct(s.kpis.satisfactionRate),
          s.score.toFixed(1),
        ])
      : [["—", "本月无人达到服务之星条件 Nobody met the rule this month", "", "", "", "", "", "", ""]],
    [true, false, false, false, true, true, true, true, true],
  );
}

const count = (v: number | null) => (v == null ? "—" : String(v));

/** A day shown in Chinese, with the API's form of it in `datetime`. */
function dateElement(day: string): HTMLTimeElement {
  const el = document.createElement("time");
  el.dateTime = day;
  el.textContent = formatDate(day);
  return el;
}

async function loadEmploymentAid(): Promise<void> {
  const period = lastTwelveMonths();
  // The days themselves in datetime, for whoever reads the page's period back (the browser test).
  $("aid-period").replaceChildren(dateElement(period.from), " 至 ", dateElement(period.to));
  const res = await graphql<EmploymentAidQuery, EmploymentAidQueryVariables>(EMPLOYMENT_AID, period);
  if (note("aid-note", res.errors) || !res.data) return;
  const { referralStats: stats, reliefCampaigns } = res.data;
  table(
    $("aid-summary"),
    ["推荐 Referrals", "录用 Hires", "录用率 Hire rate", "登记至到岗中位天数 Median days to hire"],
    [
      [
        String(stats.all.referrals),
        String(stats.all.hires),
        pct(stats.all.hireRate),
        count(stats.all.medianDaysToHire),
      ],
    ],
    [true, true, true, true],
  );
  table(
    $("aid-categories"),
    ["类别 Group", "推荐 Referrals", "录用 Hires", "录用率 Hire rate"],
    stats.byCategory.map((c) => [
      c.category ? enumLabel("AssistanceCategory", c.category) : "—",
      String(c.referrals),
      String(c.hires),
      pct(c.hireRate),
    ]),
    [false, true, true, true],
  );
  const months = stats.byMonth;
  chart(
    "chart-aid-months",
    "Referrals, hires and hire rate by month of referral",
    {
      legend: { top: 0, data: ["推荐 Referrals", "录用 Hires", "录用率 Hire rate"] },
      grid: { left: 50, right: 60, top: 40, bottom: 40 },
      xAxis: { type: "category", data: months.map((m) => m.month) },
      yAxis: [
        { type: "value", name: "人次 count", minInterval: 1 },
        { type: "value", min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      ],
      series: [
        { name: "推荐 Referrals", type: "bar", data: months.map((m) => m.all.referrals) },
        { name: "录用 Hires", type: "bar", data: months.map((m) => m.all.hires) },
        { name: "录用率 Hire rate", type: "line", yAxisIndex: 1, data: months.map((m) => m.all.hireRate) },
      ],
    },
    [count, count, pct],
  );
  // Oldest campaign first, as the months run.
  const campaigns = [...reliefCampaigns].sort((a, b) => a.openedAt.localeCompare(b.openedAt));
  chart(
    "chart-relief",
    "Relief granted against budget by campaign, yuan",
    {
      legend: { top: 0, data: ["预算 Budget", "已发放 Granted"] },
      grid: { left: 70, right: 20, top: 40, bottom: 70 },
      xAxis: { type: "category", data: campaigns.map((c) => c.name), axisLabel: { rotate: 20 } },
      yAxis: { type: "value" },
      series: [
        { name: "预算 Budget", type: "bar", data: campaigns.map((c) => c.budget) },
        { name: "已发放 Granted", type: "bar", data: campaigns.map((c) => c.granted) },
      ],
    },
    yuan,
  );
}

/** The job board's rows, newest first: the first page, then each posting pushed since, never more than a page. */
let jobs: JobPostingRowFragment[] = [];
let jobCount = 0;

function renderJobs(): void {
  table(
    $("job-board"),
    ["职位 Title", "单位 Employer", "人数 Vacancies", "月薪（元）Salary (yuan)", "发布 Published"],
    jobs.map((j) => [
      j.title,
      j.employer?.name,
      String(j.vacancies),
      `${j.salaryMin}–${j.salaryMax}`,
      formatDate(j.publishedOn),
    ]),
    [false, false, true, true, false],
  );
  $("job-board").setAttribute("aria-label", `${jobCount} job postings`);
}

/** The job board's first page; {@link followBoards} adds what is published after. */
async function loadJobBoard(): Promise<void> {
  const res = await graphql<JobBoardQuery, JobBoardQueryVariables>(JOB_BOARD, { first: JOB_BOARD_SIZE });
  const page = res.data?.jobPostings;
  if (!page) return;
  jobs = page.edges.map((e) => e.node);
  jobCount = page.totalCount;
  renderJobs();
}

function renderQueueBoard(board: QueueBoardViewFragment): void {
  const newest = board.nowCalling[0];
  $("queue-now").textContent = newest
    ? `正在叫号 Now calling: ${callText(newest)}（${categoryName(newest.category)}）`
    : "暂无叫号 No calls yet today";
  table(
    $("queue-board"),
    [
      "类别 Category",
      "字头 Letter",
      "等候 Waiting",
      "绿色通道 Green channel",
      "刚叫 Last called",
      "预计等候（分）Est. wait (min)",
    ],
    board.categories.map((c) => [
      categoryName(c.category),
      c.letter,
      String(c.waiting),
      String(c.greenChannelWaiting),
      c.lastCalled ?? "—",
      String(c.estimatedWaitMinutes),
    ]),
    [false, false, true, true, false, true],
  );
}

/** Says whether the boards are following the gateway live, or waiting to reconnect. */
function setLive(live: boolean): void {
  const el = $("boards-live");
  el.dataset.state = live ? "live" : "lost";
  el.textContent = live ? "实时 Live" : "连接中断，正在重连… Reconnecting…";
}

/**
 * The public boards follow the gateway's subscriptions on one socket, with no polling: the queue
 * board is each `queueCalls` message (the board now, then after every call), the job board gets
 * each new posting on top.
 */
function followBoards(): void {
  const client = liveClient(() => setLive(false));
  const lost = () => setLive(false);
  follow<QueueCallsSubscription>(
    client,
    QUEUE_CALLS,
    { centre: null },
    {
      next: ({ queueCalls }) => {
        if (!queueCalls) return;
        renderQueueBoard(queueCalls);
        setLive(true);
      },
      lost,
    },
  );
  follow<NewJobPostingsSubscription>(
    client,
    NEW_JOB_POSTINGS,
    {},
    {
      next: ({ newJobPostings: posting }) => {
        if (!posting) return;
        jobs = [posting, ...jobs.filter((j) => j.id !== posting.id)].slice(0, JOB_BOARD_SIZE);
        jobCount++;
        renderJobs();
      },
      lost,
    },
  );
}

async function refresh(): Promise<void> {
  $("status").textContent = "加载中 Loading…";
  document.body.dataset.loaded = "false";
  const results = await Promise.allSettled([
    loadHospital(),
    loadHall(),
    loadStation(),
    loadCentres().then(loadHall),
    loadRanking(),
    loadStars(),
    loadEmploymentAid(),
    loadJobBoard(),
  ]);
  const failed = results.filter((r) => r.status === "rejected");
  $("status").textContent = failed.length
    ? `加载失败 Failed: ${(failed[0] as PromiseRejectedResult).reason}`
    : `已更新 Updated ${formatTime(new Date())}`;
  document.body.dataset.loaded = "true";
}

$("token").setAttribute("value", "");
currentToken();
$<HTMLFormElement>("token-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const value = $<HTMLInputElement>("token").value.trim();
  if (value) localStorage.setItem(TOKEN_KEY, value);
  $<HTMLInputElement>("token").value = "";
  void refresh();
});
$("token-clear").addEventListener("click", () => {
  localStorage.removeItem(TOKEN_KEY);
  void refresh();
});
window.addEventListener("resize", () =>
  document.querySelectorAll<HTMLElement>(".chart").forEach((el) => echarts.getInstanceByDom(el)?.resize()),
);
void refresh();
followBoards();
