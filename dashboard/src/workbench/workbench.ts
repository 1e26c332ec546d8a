import { checkIdNumber } from "@onewindow/contracts/identity";
import "./workbench.css";
import type {
  HallDepartment,
  QueueCallsSubscription,
  WorkbenchCallNextMutation,
  WorkbenchCallNextMutationVariables,
  WorkbenchCaseFragment,
  WorkbenchCentresQuery,
  WorkbenchCompleteCaseMutation,
  WorkbenchCompleteCaseMutationVariables,
  WorkbenchEscalateCaseMutation,
  WorkbenchEscalateCaseMutationVariables,
  WorkbenchDeadlineQuery,
  WorkbenchDeadlineQueryVariables,
  WorkbenchItemsQuery,
  WorkbenchJobMatchesQuery,
  WorkbenchJobMatchesQueryVariables,
  WorkbenchOpenCaseMutation,
  WorkbenchOpenCaseMutationVariables,
  WorkbenchOpenCasesQuery,
  WorkbenchOpenCasesQueryVariables,
  WorkbenchPersonQuery,
  WorkbenchPersonQueryVariables,
  WorkbenchRecallMutation,
  WorkbenchRecallMutationVariables,
  WorkbenchSkipMutation,
  WorkbenchSkipMutationVariables,
  WorkbenchTicketFragment,
  WorkbenchTransferMutation,
  WorkbenchTransferMutationVariables,
} from "../generated/graphql";
import { follow, liveClient } from "../live";
import { QUEUE_CALLS } from "../operations";
import {
  currentToken,
  decodeClerk,
  errorText,
  graphql,
  setToken,
  setVisitPurpose,
  visitPurpose,
  type GraphqlError,
} from "./api";
import { HALL_DEPARTMENTS, formatDate, formatTime, label, pinyinInitials, today } from "./labels";
import {
  CALL_NEXT,
  COMPLETE_CASE,
  ESCALATE_CASE,
  JOB_MATCHES,
  OPEN_CASE,
  RECALL,
  RECORD_EMPLOYMENT,
  REFER_JOB,
  REGISTER_CITIZEN,
  REGISTER_UNEMPLOYMENT,
  SKIP,
  SUBMIT_EVALUATION,
  TRANSFER,
  WORKBENCH_CENTRES,
  WORKBENCH_DEADLINE,
  WORKBENCH_ITEMS,
  WORKBENCH_OPEN_CASES,
  WORKBENCH_PERSON,
} from "./operations";
import { blockStates, esc, renderBlocks, type Person } from "./person";

/**
 * The window clerk's workbench (/workbench): the queue, the person across the departments in one
 * query (一键明), cases and the business acts, keyboard first. Chinese throughout.
 */

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const SETTINGS_KEY = "onewindow.workbench.settings";
/** The purpose the clerk's own work lists state: they read cases of many people, for the window's work. */
const WORKLIST_PURPOSE = "本窗口在办件清单";

interface Settings {
  centre: string;
  window: string;
  categories: HallDepartment[];
}

function loadSettings(): Settings {
  const fallback: Settings = { centre: "KAIXUAN", window: "01", categories: [...HALL_DEPARTMENTS] };
  try {
    return { ...fallback, ...(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? "{}") as Partial<Settings>) };
  } catch {
    return fallback;
  }
}
let settings = loadSettings();
const saveSettings = () => localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));

const firstError = (errors: GraphqlError[] | undefined) => (errors?.length ? errorText(errors[0]!) : null);
function say(id: string, text: string, tone: "ok" | "error" = "ok"): void {
  const el = $(id);
  el.textContent = text;
  el.dataset.tone = tone;
}

/* ---------- sign-in ---------- */

function showClerk(): void {
  const token = currentToken();
  const clerk = token ? decodeClerk(token) : null;
  document.body.dataset.signedIn = String(Boolean(clerk));
  const note = $("signin-note");
  if (!clerk) {
    $("clerk").textContent = "未登录";
    note.hidden = false;
    note.textContent =
      "请先登录：在“设置与登录”中粘贴令牌（npm run token -- --role window_clerk --name 张三），或打开 /workbench?token=…";
    $<HTMLDetailsElement>("settings").open = true;
    return;
  }
  const roles = clerk.roles.map((r) => label("Role", r)).join("、");
  $("clerk").textContent = `${clerk.name ?? clerk.subject} · ${roles}`;
  note.hidden = !clerk.expired;
  note.textContent = clerk.expired ? "令牌已过期，请重新登录" : "";
}

$<HTMLFormElement>("token-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const value = $<HTMLInputElement>("token").value.trim();
  if (value) setToken(value);
  $<HTMLInputElement>("token").value = "";
  showClerk();
  void refreshMyCases();
});
$("sign-out").addEventListener("click", () => {
  setToken(null);
  showClerk();
});

/* ---------- purpose, once per visit ---------- */

function showPurpose(): void {
  $("purpose-shown").textContent = visitPurpose() || "未填写";
}

/** Asks the visit's purpose (proposing `suggestion`); resolves false when the clerk cancels. */
function askPurpose(suggestion: string): Promise<boolean> {
  const dialog = $<HTMLDialogElement>("purpose-dialog");
  const input = $<HTMLInputElement>("purpose");
  input.value = visitPurpose() || suggestion;
  return new Promise((resolve) => {
    dialog.addEventListener(
      "close",
      () => {
        const ok = dialog.returnValue === "ok" && input.value.trim() !== "";
        if (ok) setVisitPurpose(input.value);
        showPurpose();
        resolve(ok);
      },
      { once: true },
    );
    dialog.returnValue = "";
    dialog.showModal();
    input.select();
  });
}

/** The purpose for a read of a person: the visit's, or asked now. */
async function ensurePurpose(): Promise<boolean> {
  if (visitPurpose()) return true;
  const suggestion = ticket ? `排队号 ${ticket.number}` : currentCase ? `办件 ${currentCase.id}` : "";
  return askPurpose(suggestion);
}

$("purpose-change").addEventListener("click", () => {
  setVisitPurpose("");
  void ensurePurpose();
});

/* ---------- person panel ---------- */

let person: Person | null = null;
let personId: string | null = null;

function checkTyped(): string | null {
  const input = $<HTMLInputElement>("id-number");
  const value = input.value.trim().toUpperCase();
  $("id-problem").dataset.tone = "error";
  if (!value) {
    $("id-problem").textContent = "";
    input.removeAttribute("aria-invalid");
    return null;
  }
  const checked = checkIdNumber(value);
  if ("problem" in checked) {
    // While typing, a short number is not yet wrong: say only how many digits are left.
    $("id-problem").textContent =
      value.length < 18 && /^\d*$/.test(value) ? `还差 ${18 - value.length} 位` : checked.problem.zh;
    input.setAttribute("aria-invalid", value.length >= 18 ? "true" : "false");
    return null;
  }
  say("id-problem", "号码有效");
  input.setAttribute("aria-invalid", "false");
  return checked.idNumber;
}

$("id-number").addEventListener("input", () => void checkTyped());
$<HTMLFormElement>("person-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const id = checkTyped();
  if (!id) {
    const input = $<HTMLInputElement>("id-number");
    const checked = checkIdNumber(input.value);
    $("id-problem").textContent = "problem" in checked ? checked.problem.zh : "";
    input.setAttribute("aria-invalid", "true");
    return;
  }
  void openPerson(id);
});

async function openPerson(idNumber: string): Promise<void> {
  $<HTMLInputElement>("id-number").value = idNumber;
  checkTyped();
  if (!(await ensurePurpose())) {
    say("person-status", "未填写用途，未查询", "error");
    return;
  }
  personId = idNumber;
  say("person-status", "查询中…");
  document.body.dataset.person = "loading";
  const res = await graphql<WorkbenchPersonQuery, WorkbenchPersonQueryVariables>(WORKBENCH_PERSON, {
    idNumber,
    taxYear: Number(today().slice(0, 4)) - 1,
  });
  person = res.data ?? null;
  const name = person?.labor?.name;
  const states = blockStates(res.errors);
  const refusedAll = states.person.kind === "refused";
  if (!person?.labor && !res.errors?.length) {
    say("person-status", `未找到身份证号码为 ${idNumber} 的人员，可在下方“登记人员”登记`);
    $("blocks").replaceChildren();
  } else {
    const problems = (res.errors ?? []).length;
    say(
      "person-status",
      refusedAll
        ? "无权查看此人信息"
        : name
          ? `${name}（${idNumber}）${problems ? `：${problems} 个部门的信息未能显示` : ""}`
          : (firstError(res.errors) ?? ""),
      problems ? "error" : "ok",
    );
    renderBlocks($("blocks"), person, states);
  }
  document.body.dataset.person = "loaded";
  $("acts").hidden = false;
  fillEvaluationCases();
  updateCaseButtons();
}

/* ---------- queue ---------- */

let ticket: WorkbenchTicketFragment | null = null;

function showTicket(): void {
  const el = $("ticket");
  if (!ticket) {
    el.textContent = "尚未叫号";
    return;
  }
  el.innerHTML =
    `<strong class="number" data-testid="ticket-number">${esc(ticket.number)}</strong> ` +
    `<span>${esc(label("HallDepartment", ticket.category))} · ${esc(label("QueueTicketStatus", ticket.status))}` +
    `${ticket.priority !== "NORMAL" ? ` · ${esc(label("QueuePriority", ticket.priority))}` : ""}` +
    ` · 取号 ${esc(formatTime(ticket.takenAt))}</span>`;
}

async function afterCall(
  res: {
    data?: { ticket: (WorkbenchTicketFragment & { holder?: { idNumber: string } | null }) | null } | null;
    errors?: GraphqlError[];
  },
  what: string,
): Promise<void> {
  const error = firstError(res.errors);
  if (error) {
    say("ticket", `${what}失败：${error}`, "error");
    return;
  }
  const called = res.data?.ticket ?? null;
  if (!called) {
    $("ticket").textContent = "当前无人等候";
    return;
  }
  // A new ticket is a new visit: its purpose is asked again, proposing the ticket's number.
  if (!ticket || ticket.id !== called.id) {
    setVisitPurpose("");
    showPurpose();
  }
  ticket = called;
  showTicket();
  if (called.holder) {
    if (await askPurpose(`排队号 ${called.number}`)) await openPerson(called.holder.idNumber);
  } else {
    $<HTMLInputElement>("id-number").focus();
  }
}

/** The purpose of calling a number: the call itself names the ticket's holder to the clerk. */
const callPurpose = () => `${settings.window} 号窗口叫号`;

async function callNext(): Promise<void> {
  const res = await graphql<WorkbenchCallNextMutation, WorkbenchCallNextMutationVariables>(
    CALL_NEXT,
    { input: { window: settings.window, categories: settings.categories, centre: settings.centre || null } },
    { purpose: callPurpose() },
  );
  await afterCall({ data: res.data ? { ticket: res.data.callNextTicket } : null, errors: res.errors }, "叫号");
}

async function recall(): Promise<void> {
  if (!ticket) return;
  const res = await graphql<WorkbenchRecallMutation, WorkbenchRecallMutationVariables>(
    RECALL,
    { input: { ticketId: ticket.id, window: settings.window } },
    { purpose: callPurpose() },
  );
  await afterCall({ data: res.data ? { ticket: res.data.recallTicket } : null, errors: res.errors }, "重呼");
}

async function skip(): Promise<void> {
  if (!ticket) return;
  const res = await graphql<WorkbenchSkipMutation, WorkbenchSkipMutationVariables>(SKIP, {
    input: { ticketId: ticket.id },
  });
  const error = firstError(res.errors);
  if (error) return say("ticket", `过号失败：${error}`, "error");
  ticket = res.data!.skipTicket;
  showTicket();
}

async function transfer(): Promise<void> {
  if (!ticket) return;
  const to = $<HTMLSelectElement>("transfer-to").value as HallDepartment;
  const res = await graphql<WorkbenchTransferMutation, WorkbenchTransferMutationVariables>(TRANSFER, {
    input: { ticketId: ticket.id, toCategory: to },
  });
  const error = firstError(res.errors);
  if (error) return say("ticket", `转号失败：${error}`, "error");
  ticket = res.data!.transferTicket;
  showTicket();
  $("ticket").append(`（已转至${label("HallDepartment", to)}）`);
}

$("call-next").addEventListener("click", () => void callNext());
$("recall").addEventListener("click", () => void recall());
$("skip").addEventListener("click", () => void skip());
$("transfer").addEventListener("click", () => void transfer());

function followBoard(): void {
  const client = liveClient(() => undefined);
  follow<QueueCallsSubscription>(
    client,
    QUEUE_CALLS,
    { centre: settings.centre || null },
    {
      next: ({ queueCalls }) => {
        if (!queueCalls) return;
        $("board").textContent =
          "等候：" +
          queueCalls.categories
            .filter((c) => settings.categories.includes(c.category))
            .map((c) => `${label("HallDepartment", c.category)} ${c.waiting} 人`)
            .join("，");
      },
      lost: () => ($("board").textContent = "叫号屏连接中断，正在重连…"),
    },
  );
}

/* ---------- settings ---------- */

async function setUpSettings(): Promise<void> {
  const winInput = $<HTMLInputElement>("window-no");
  winInput.value = settings.window;
  winInput.addEventListener("change", () => {
    settings.window = winInput.value.trim() || "01";
    saveSettings();
    showWhere();
  });
  const box = $("categories");
  for (const category of HALL_DEPARTMENTS) {
    const lab = document.createElement("label");
    const cb = document.createElement("input");
    cb.type = "checkbox";
    cb.value = category;
    cb.checked = settings.categories.includes(category);
    cb.addEventListener("change", () => {
      settings.categories = HALL_DEPARTMENTS.filter(
        (c) => box.querySelector<HTMLInputElement>(`input[value="${c}"]`)!.checked,
      );
      saveSettings();
    });
    lab.append(cb, ` ${label("HallDepartment", category)}`);
    box.append(lab);
  }
  $<HTMLSelectElement>("transfer-to").replaceChildren(
    ...HALL_DEPARTMENTS.map((c) => new Option(label("HallDepartment", c), c)),
  );
  const select = $<HTMLSelectElement>("centre");
  const res = await graphql<WorkbenchCentresQuery>(WORKBENCH_CENTRES);
  const centres = res.data?.hallCentres ?? [{ code: settings.centre, name: settings.centre, recallWindowMinutes: 0 }];
  select.replaceChildren(...centres.map((c) => new Option(c.name, c.code, false, c.code === settings.centre)));
  select.addEventListener("change", () => {
    settings.centre = select.value;
    saveSettings();
    showWhere();
  });
  showWhere();
}

function showWhere(): void {
  const centre = $<HTMLSelectElement>("centre").selectedOptions[0]?.textContent ?? settings.centre;
  $("queue-where").textContent = `${centre} · ${settings.window} 号窗口`;
}

/* ---------- cases ---------- */

type Item = WorkbenchItemsQuery["serviceItems"][number];
let items: Array<Item & { initials: string }> = [];
let selectedItem: Item | null = null;
let currentCase: WorkbenchCaseFragment | null = null;

async function loadItems(): Promise<void> {
  const res = await graphql<WorkbenchItemsQuery>(WORKBENCH_ITEMS);
  items = (res.data?.serviceItems ?? []).map((i) => ({ ...i, initials: pinyinInitials(i.name) }));
  showItems();
}

function showItems(): void {
  const q = $<HTMLInputElement>("item-q").value.trim();
  const upper = q.toUpperCase();
  const found = q
    ? items.filter((i) => i.name.includes(q) || i.code.includes(upper) || i.initials.includes(upper))
    : [];
  $("items").replaceChildren(
    ...found.slice(0, 8).map((i) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(selectedItem?.code === i.code));
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = `${i.name}（${i.code}）`;
      button.addEventListener("click", () => void selectItem(i));
      li.append(button);
      return li;
    }),
  );
  if (q && !found.length) $("items").innerHTML = `<li class="empty">没有找到事项</li>`;
}

$("item-q").addEventListener("input", showItems);
$<HTMLFormElement>("item-form").addEventListener("submit", (e) => {
  e.preventDefault();
  $("items").querySelector("button")?.click();
});

async function selectItem(item: Item): Promise<void> {
  selectedItem = item;
  showItems();
  const res = await graphql<WorkbenchDeadlineQuery, WorkbenchDeadlineQueryVariables>(WORKBENCH_DEADLINE, {
    openedOn: today(),
    itemCode: item.code,
  });
  const due = res.data?.deadline;
  $("item-detail").innerHTML =
    `<h3>${esc(item.name)} <small>${esc(item.code)} · ${esc(label("HallDepartment", item.department))}</small></h3>` +
    `<p>承诺时限：<strong>${esc(item.timeLimit)}</strong>` +
    (due ? `，今日受理应于 <strong data-testid="item-deadline">${esc(formatDate(due.deadline))}</strong> 前办结` : "") +
    `${item.fee ? `；收费 ${item.fee.toFixed(2)} 元` : "；不收费"}</p>` +
    `<h4>申请材料</h4><ol>${item.materials.map((m) => `<li>${esc(m)}</li>`).join("")}</ol>`;
  updateCaseButtons();
}

function updateCaseButtons(): void {
  $<HTMLButtonElement>("open-case").disabled = !(selectedItem && personId);
  $<HTMLButtonElement>("complete-case").disabled = !(currentCase && currentCase.status === "OPEN");
  $<HTMLButtonElement>("escalate-case").disabled = !(currentCase && currentCase.status === "OPEN");
}

async function openCase(): Promise<void> {
  if (!selectedItem || !personId) return;
  if (!(await ensurePurpose())) return;
  const res = await graphql<WorkbenchOpenCaseMutation, WorkbenchOpenCaseMutationVariables>(OPEN_CASE, {
    input: {
      idNumber: personId,
      itemCode: selectedItem.code,
      window: settings.window,
      // The case belongs to the clerk's centre, where the ticket was called.
      centre: settings.centre || null,
      ticketNumber: ticket?.number ?? null,
      appointment: null,
      proxy: null,
    },
  });
  const error = firstError(res.errors);
  if (error || !res.data) return say("case-status", `受理失败：${error ?? ""}`, "error");
  currentCase = res.data.openCase;
  say(
    "case-status",
    `已受理：办件编号 ${currentCase.id}，${currentCase.item.name}，承诺 ${formatDate(currentCase.deadline)} 前办结`,
  );
  updateCaseButtons();
  await Promise.all([refreshMyCases(), personId ? openPerson(personId) : null]);
}

async function completeCase(): Promise<void> {
  if (!currentCase) return;
  const res = await graphql<WorkbenchCompleteCaseMutation, WorkbenchCompleteCaseMutationVariables>(COMPLETE_CASE, {
    input: { caseId: currentCase.id },
  });
  const error = firstError(res.errors);
  if (error || !res.data) return say("case-status", `办结失败：${error ?? ""}`, "error");
  currentCase = res.data.completeCase;
  say(
    "case-status",
    `已办结：办件编号 ${currentCase.id}${currentCase.onTime === false ? "（超期办结）" : "（按时办结）"}`,
  );
  updateCaseButtons();
  await Promise.all([refreshMyCases(), personId ? openPerson(personId) : null]);
}

/** A station's open case goes up to its street centre (站站互通) with its deadline; the hall says when it may not. */
async function escalateCase(): Promise<void> {
  if (!currentCase) return;
  const res = await graphql<WorkbenchEscalateCaseMutation, WorkbenchEscalateCaseMutationVariables>(ESCALATE_CASE, {
    input: { caseId: currentCase.id, toCentre: null },
  });
  const error = firstError(res.errors);
  if (error || !res.data) return say("case-status", `上报失败：${error ?? ""}`, "error");
  const escalated = res.data.escalateCase;
  say("case-status", `已上报街道：办件编号 ${escalated.id}，仍须 ${formatDate(escalated.deadline)} 前办结`);
  currentCase = null;
  updateCaseButtons();
  await refreshMyCases();
}

$("open-case").addEventListener("click", () => void openCase());
$("escalate-case").addEventListener("click", () => void escalateCase());
$("complete-case").addEventListener("click", () => void completeCase());

/**
 * The open cases of the clerk's window at their centre, overdue first, then by deadline (the
 * centre's open cases come soonest deadline first).
 */
async function refreshMyCases(): Promise<void> {
  const res = await graphql<WorkbenchOpenCasesQuery, WorkbenchOpenCasesQueryVariables>(
    WORKBENCH_OPEN_CASES,
    { centre: settings.centre },
    { purpose: WORKLIST_PURPOSE },
  );
  const open = (res.data?.centreCases.edges ?? [])
    .map((edge) => edge.node)
    .filter((c) => c.status === "OPEN" && c.window === settings.window)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline));
  const listEl = $("my-cases");
  listEl.replaceChildren(
    ...open.map((c) => {
      const li = document.createElement("li");
      if (c.overdue) li.className = "overdue";
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = `${c.id} ${c.item.name} · ${c.overdue ? "已超期，" : ""}承诺 ${formatDate(c.deadline)}`;
      button.setAttribute("aria-pressed", String(currentCase?.id === c.id));
      button.addEventListener("click", () => {
        currentCase = c;
        say("case-status", `当前办件：${c.id} ${c.item.name}`);
        updateCaseButtons();
        void refreshMyCases();
      });
      li.append(button);
      return li;
    }),
  );
  if (!open.length) listEl.innerHTML = `<li class="empty">暂无在办件</li>`;
  const error = firstError(res.errors);
  if (error) listEl.insertAdjacentHTML("beforeend", `<li class="empty">在办件未能读取：${esc(error)}</li>`);
}

/* ---------- business acts ---------- */

function showAct(act: string): void {
  document.querySelectorAll<HTMLFormElement>("[data-act-form]").forEach((f) => (f.hidden = f.dataset.actForm !== act));
  document
    .querySelectorAll<HTMLButtonElement>("[data-act]")
    .forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.act === act)));
  const form = document.querySelector<HTMLFormElement>(`[data-act-form="${act}"]`);
  form?.querySelector<HTMLElement>("input, select")?.focus();
  if (act === "refer") void loadMatches();
  if (act === "evaluate") fillEvaluationCases();
  say("act-status", "");
}
document
  .querySelectorAll<HTMLButtonElement>("[data-act]")
  .forEach((b) => b.addEventListener("click", () => showAct(b.dataset.act!)));

function fillEvaluationCases(): void {
  const select = document.querySelector<HTMLSelectElement>('[data-act-form="evaluate"] select[name="caseId"]')!;
  const cases = person?.hall?.cases.edges.map((e) => e.node) ?? [];
  select.replaceChildren(
    ...cases.map((c) => new Option(`${c.id} ${c.item.name}（${label("CaseStatus", c.status)}）`, c.id)),
    new Option("不针对办件（评价本窗口）", ""),
  );
}

async function loadMatches(): Promise<void> {
  const box = $("matches");
  if (!personId) return;
  box.textContent = "加载中…";
  const res = await graphql<WorkbenchJobMatchesQuery, WorkbenchJobMatchesQueryVariables>(JOB_MATCHES, {
    idNumber: personId,
  });
  const matches = res.data?.citizen?.jobMatches ?? [];
  const error = firstError(res.errors);
  if (error) return void (box.textContent = error);
  if (!matches.length) return void (box.textContent = "暂无匹配岗位");
  box.innerHTML = matches
    .map(
      (m, i) =>
        `<label><input type="radio" name="postingId" value="${esc(m.posting.id)}" ${i === 0 ? "checked" : ""} /> ` +
        `${esc(m.posting.title)} · ${esc(m.posting.employer?.name)} · 月薪 ${m.posting.salaryMin}–${m.posting.salaryMax} 元 · 匹配度 ${Math.round(m.score * 100)}%</label>`,
    )
    .join("");
}

/** Runs an act's mutation, says how it went, and reads the person again. */
async function act(query: string, input: Record<string, unknown>, done: string): Promise<void> {
  if (!(await ensurePurpose())) return;
  const res = await graphql<Record<string, unknown>, { input: Record<string, unknown> }>(query, { input });
  const error = firstError(res.errors);
  if (error) return say("act-status", error, "error");
  say("act-status", done);
  if (personId) await openPerson(personId);
}

const text = (form: HTMLFormElement, name: string) => {
  const v = (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? "";
  return v === "" ? null : v;
};

function onAct(name: string, handler: (form: HTMLFormElement) => Promise<void>): void {
  const form = document.querySelector<HTMLFormElement>(`[data-act-form="${name}"]`)!;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!personId) return say("act-status", "请先查询人员", "error");
    void handler(form);
  });
}

onAct("register", (f) =>
  act(
    REGISTER_CITIZEN,
    { idNumber: personId, name: text(f, "name"), community: text(f, "community"), address: text(f, "address") },
    "已登记",
  ),
);
onAct("employment", (f) =>
  act(
    RECORD_EMPLOYMENT,
    {
      idNumber: personId,
      creditCode: text(f, "creditCode"),
      startDate: text(f, "startDate"),
      position: text(f, "position"),
    },
    "已登记就业",
  ),
);
onAct("unemployment", (f) =>
  act(
    REGISTER_UNEMPLOYMENT,
    { idNumber: personId, registeredOn: text(f, "registeredOn"), reason: text(f, "reason") },
    "已登记失业",
  ),
);
onAct("refer", (f) => {
  const posting = f.querySelector<HTMLInputElement>('input[name="postingId"]:checked')?.value;
  if (!posting) return Promise.resolve(say("act-status", "请选择岗位", "error"));
  return act(REFER_JOB, { idNumber: personId, postingId: posting, note: text(f, "note") }, "已推荐");
});
onAct("evaluate", async (f) => {
  const caseId = text(f, "caseId");
  const rating = f.querySelector<HTMLInputElement>('input[name="rating"]:checked')!.value;
  const input = {
    caseId,
    window: caseId ? null : settings.window,
    channel: text(f, "channel"),
    rating,
  };
  const res = await graphql<Record<string, unknown>, { input: Record<string, unknown> }>(SUBMIT_EVALUATION, {
    input,
  });
  const error = firstError(res.errors);
  if (error) return say("act-status", error, "error");
  say(
    "act-status",
    `已记录评价：${label("HallRating", rating)}${rating === "UNSATISFIED" ? "，已自动生成整改事项" : ""}`,
  );
});

/* ---------- keyboard ---------- */

const SHORTCUTS: Record<string, () => void> = {
  KeyN: () => void callNext(),
  KeyR: () => void recall(),
  KeyS: () => void skip(),
  KeyO: () => void openCase(),
  KeyC: () => void completeCase(),
  KeyE: () => void escalateCase(),
  KeyI: () => $("id-number").focus(),
};
document.addEventListener("keydown", (e) => {
  if (!e.altKey || e.ctrlKey || e.metaKey || $<HTMLDialogElement>("purpose-dialog").open) return;
  const run = SHORTCUTS[e.code];
  if (!run) return;
  e.preventDefault();
  run();
});

/* ---------- start ---------- */

showClerk();
showPurpose();
showTicket();
updateCaseButtons();
void setUpSettings().then(followBoard);
void loadItems();
void refreshMyCases();
$("id-number").focus();
