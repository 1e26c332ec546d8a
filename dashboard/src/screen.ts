import "./screen.css";
import type {
  HallCentresQuery,
  QueueBoardViewFragment,
  QueueCallsSubscription,
  QueueCallsSubscriptionVariables,
} from "./generated/graphql";
import { formatDate, formatTime } from "./format";
import { follow, liveClient } from "./live";
import { HALL_CENTRES, QUEUE_CALLS } from "./operations";
import { callKey, callText, categoryName, type Call } from "./queue";

/**
 * The hall's public queue screen (/screen?centre=KAIXUAN): no token, Chinese, type readable
 * across the hall. It renders every `queueCalls` message as it comes (no polling), and
 * reconnects by itself when the gateway goes away.
 */

/** The calls shown: the newest of them large, the rest below it (one per window). */
const CALLS_SHOWN = 6;

const $ = (id: string) => document.getElementById(id)!;

/** The centre asked for in the address (a code, e.g. KAIXUAN); none: every centre, which is the hall's one. */
const centre = new URL(location.href).searchParams.get("centre")?.trim().toUpperCase().slice(0, 32) || null;

/** The centre's name for the heading: read once, on the first message (the gateway is up then). */
let centreNamed: Promise<void> | null = null;
function nameCentre(): void {
  centreNamed ??= fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: HALL_CENTRES }),
  })
    .then((res) => res.json() as Promise<{ data?: HallCentresQuery | null }>)
    .then(({ data }) => {
      const centres = data?.hallCentres;
      if (!centres) throw new Error("no centres");
      const named = centre ? centres.find((c) => c.code === centre) : centres.length === 1 ? centres[0] : undefined;
      $("centre-name").textContent = named?.name ?? (centre ? `服务中心 ${centre}` : "服务大厅");
      document.title = `${$("centre-name").textContent} 叫号屏 · OneWindow`;
    })
    // Tried again on a later message.
    .catch(() => {
      centreNamed = null;
    });
}

/** The date and clock in China Standard Time, whatever the screen's own time zone. */
function tick(): void {
  const now = new Date();
  $("date").textContent = formatDate(now, { weekday: true });
  $("clock").textContent = formatTime(now);
  $("clock").setAttribute("datetime", now.toISOString());
  // On the next whole second: a clock that drifts past it would skip a second now and then.
  setTimeout(tick, 1000 - (now.getTime() % 1000));
}

function element(tag: string, className: string, text: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

function callItem(call: Call): HTMLLIElement {
  const li = document.createElement("li");
  const say = element("span", "say", "");
  say.append(
    "请 ",
    element("strong", "number", call.number),
    " 号 到 ",
    element("strong", "window", call.window ?? "—"),
    " 窗口",
  );
  li.append(say, element("span", "category", categoryName(call.category)));
  return li;
}

/** The newest call announced last: said again only when a newer call (or a recall) arrives. */
let announced: string | null = null;

function render(board: QueueBoardViewFragment): void {
  const calls = board.nowCalling.slice(0, CALLS_SHOWN);
  const list = $("calls");
  list.replaceChildren(...calls.map(callItem));
  $("no-calls").hidden = calls.length > 0;
  const newest = calls[0];
  if (newest) {
    const item = list.firstElementChild as HTMLElement;
    item.classList.add("newest");
    item.dataset.testid = "newest-call";
    const key = callKey(newest);
    if (key !== announced) {
      // A fresh call flashes once; a board re-rendered after a reconnect does not.
      if (announced !== null) item.classList.add("fresh");
      announced = key;
      $("announce").textContent = `${callText(newest)}，${categoryName(newest.category)}`;
    }
  }
  $("queues").replaceChildren(
    ...board.categories.map((c) => {
      const row = document.createElement("tr");
      const name = element("th", "category", categoryName(c.category));
      name.setAttribute("scope", "row");
      row.append(
        name,
        element("td", "num", `${c.waiting} 人`),
        element("td", "num", c.waiting === 0 ? "无需等候" : `约 ${c.estimatedWaitMinutes} 分钟`),
      );
      return row;
    }),
  );
}

function setConnection(state: "live" | "lost"): void {
  if (document.body.dataset.connection === state) return;
  document.body.dataset.connection = state;
  $("connection").hidden = state === "live";
  if (state === "lost") $("connection").textContent = "连接中断，正在重连…";
}

const client = liveClient(() => setConnection("lost"));
follow<QueueCallsSubscription>(client, QUEUE_CALLS, { centre } satisfies QueueCallsSubscriptionVariables, {
  next: ({ queueCalls }) => {
    // A push the hall could not answer (data null) leaves the last board up.
    if (!queueCalls) return;
    render(queueCalls);
    setConnection("live");
    nameCentre();
  },
  lost: () => setConnection("lost"),
});
tick();
