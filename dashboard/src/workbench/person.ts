import type { WorkbenchPersonQuery } from "../generated/graphql";
import { errorText, type GraphqlError } from "./api";
import { formatDate, formatDateTime, label, yuan } from "./labels";

/** The person as each department answered (an alias of `citizen` each; null where it failed). */
export type Person = WorkbenchPersonQuery;

/** The departments whose fields on Citizen the person panel shows, one block each. */
export type Department = "labor-security" | "medical-insurance" | "tax" | "service-hall" | "notifications";

/** The query's alias of `citizen` for each department's block. */
const ALIAS_DEPARTMENT: Readonly<Record<string, Department>> = {
  labor: "labor-security",
  insurance: "medical-insurance",
  tax: "tax",
  hall: "service-hall",
  notices: "notifications",
};

/** What became of a department's block. */
export type BlockState =
  { kind: "ok" } | { kind: "refused" } | { kind: "unavailable" } | { kind: "failed"; message: string };

const REFUSED_CODES = new Set(["FORBIDDEN", "UNAUTHENTICATED"]);
/** Codes that say something about the request, not the department's health: shown as they are. */
const REQUEST_CODES = new Set(["BAD_USER_INPUT", "NOT_FOUND", "CONFLICT", "RATE_LIMITED", "GRAPHQL_VALIDATION_FAILED"]);

/**
 * The block an error is about: the alias its path starts with; an error at the alias itself
 * (the person refused, or labor security down) is about the person, every block.
 */
export function departmentOf(error: GraphqlError): Department | "person" {
  const path = error.path ?? [];
  const alias = typeof path[0] === "string" ? ALIAS_DEPARTMENT[path[0]] : undefined;
  if (alias && path.length > 1) return alias;
  const named = error.extensions?.department;
  if (!alias && typeof named === "string" && isDepartment(named)) return named;
  return "person";
}

const DEPARTMENTS: readonly Department[] = [
  "labor-security",
  "medical-insurance",
  "tax",
  "service-hall",
  "notifications",
];
const isDepartment = (value: string): value is Department => (DEPARTMENTS as readonly string[]).includes(value);

/**
 * Each block's state from the errors of a partial answer: a refusal (the caller's role may not
 * read the department) is "refused", a department that did not answer is "unavailable", and a
 * department that answered with a request error shows the error's text.
 */
export function blockStates(errors: readonly GraphqlError[] | undefined): Record<Department | "person", BlockState> {
  const states = Object.fromEntries([...DEPARTMENTS, "person"].map((d) => [d, { kind: "ok" }])) as Record<
    Department | "person",
    BlockState
  >;
  for (const error of errors ?? []) {
    const department = departmentOf(error);
    const code = error.extensions?.code ?? "";
    const state: BlockState = REFUSED_CODES.has(code)
      ? { kind: "refused" }
      : REQUEST_CODES.has(code)
        ? { kind: "failed", message: errorText(error) }
        : { kind: "unavailable" };
    // A block refused or down stays so whatever else its fields said.
    if (states[department].kind === "ok" || state.kind !== "failed") states[department] = state;
  }
  return states;
}

export const esc = (s: unknown) => String(s ?? "—").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STATE_TEXT = {
  refused: "无权查看（本角色不可查阅此部门信息）",
  unavailable: "部门服务暂不可用",
} as const;

interface BlockSpec {
  department: Department;
  title: string;
  /** The block's body from the department's own alias. */
  body: (person: Person) => string | null;
}

const dl = (rows: Array<[string, string]>) =>
  `<dl>${rows.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`).join("")}</dl>`;
const list = (items: string[], empty: string) =>
  items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : `<p class="empty">${esc(empty)}</p>`;

const BLOCKS: readonly BlockSpec[] = [
  {
    department: "labor-security",
    title: "劳动保障：身份、就业与退休",
    body: ({ labor: p }) =>
      p &&
      dl([
        ["姓名", `<strong data-testid="person-name">${esc(p.name)}</strong>`],
        ["性别", esc(label("Gender", p.gender))],
        ["出生日期", esc(formatDate(p.birthDate))],
        ["社区", esc(p.community)],
        ["住址", esc(p.address)],
        ["户号", esc(p.household)],
        ["就业状态", esc(label("EmploymentStatus", p.employmentStatus))],
        [
          "当前就业",
          p.employment
            ? esc(
                `${p.employment.employer.name}${p.employment.position ? ` · ${p.employment.position}` : ""}（${formatDate(p.employment.startDate)}起）`,
              )
            : "—",
        ],
        [
          "失业登记",
          p.unemployment
            ? esc(
                `${formatDate(p.unemployment.registeredOn)} · ${label("RegistrationStatus", p.unemployment.status)}${p.unemployment.reason ? ` · ${p.unemployment.reason}` : ""}`,
              )
            : "—",
        ],
        [
          "援助对象类别",
          p.assistanceCategories.length
            ? esc(p.assistanceCategories.map((c) => label("AssistanceCategory", c)).join("、"))
            : "—",
        ],
        [
          "退休",
          p.retirement
            ? esc(`${formatDate(p.retirement.retiredOn)}退休，月养老金 ${yuan(p.retirement.monthlyPension)}`)
            : esc(`法定退休日期 ${formatDate(p.statutoryRetirementDate)}`),
        ],
        [
          "岗位推荐",
          p.referrals.length
            ? esc(
                p.referrals
                  .slice(0, 3)
                  .map((r) => `${r.posting?.title ?? "岗位"}（${label("ReferralStatus", r.status)}）`)
                  .join("；"),
              )
            : "—",
        ],
      ]),
  },
  {
    department: "medical-insurance",
    title: "医疗保险：参保与报销",
    body: ({ insurance: p }) =>
      p &&
      dl([
        [
          "参保",
          p.medicalInsurance
            ? esc(
                `${label("MedicalInsuranceScheme", p.medicalInsurance.scheme)} · ${label("MedicalInsuranceStatus", p.medicalInsurance.status)}（${formatDate(p.medicalInsurance.since)}起）`,
              )
            : "未参保",
        ],
        ["月缴费", esc(p.medicalInsurance ? yuan(p.medicalInsurance.monthlyContribution) : "—")],
        ["个人账户余额", esc(p.medicalInsurance ? yuan(p.medicalInsurance.personalAccountBalance) : "—")],
      ]) +
        `<h4>报销记录（共 ${p.insuranceClaims.totalCount} 笔）</h4>` +
        list(
          p.insuranceClaims.edges.map((e) =>
            esc(`${formatDate(e.node.visitDate)} ${e.node.hospital.name} ${yuan(e.node.totalCost)}`),
          ),
          "暂无报销记录",
        ),
  },
  {
    department: "tax",
    title: "税务：年度汇算",
    body: ({ tax: p }) =>
      !p
        ? null
        : p.taxSummary
          ? dl([
              ["年度", esc(`${p.taxSummary.year}年`)],
              ["综合所得收入额", esc(yuan(p.taxSummary.comprehensiveIncome))],
              ["应纳税额", esc(yuan(p.taxSummary.taxDue))],
              ["已缴税额", esc(yuan(p.taxSummary.taxWithheld))],
              [
                "应补（退）税额",
                esc(
                  p.taxSummary.exempt
                    ? "免予补税"
                    : p.taxSummary.balance === 0
                      ? "无需补退"
                      : p.taxSummary.balance < 0
                        ? `应退 ${yuan(-p.taxSummary.balance)}`
                        : `应补 ${yuan(p.taxSummary.balance)}`,
                ),
              ],
              [
                "申报情况",
                esc(
                  [p.taxSummary.late ? "逾期申报" : "按期申报", p.taxSummary.amended ? "已更正" : ""]
                    .filter(Boolean)
                    .join("，"),
                ),
              ],
            ])
          : `<p class="empty">上一年度无汇算申报记录</p>`,
  },
  {
    department: "service-hall",
    title: "服务大厅：办件与排队",
    body: ({ hall: p }) => {
      if (!p) return null;
      const cases = p.cases.edges.map((e) => e.node);
      const open = cases.filter((c) => c.status === "OPEN");
      const past = cases.filter((c) => c.status !== "OPEN");
      const caseLine = (c: (typeof cases)[number]) =>
        esc(
          `${c.id} ${c.item.name} · ${label("CaseStatus", c.status)} · ${
            c.status === "OPEN"
              ? `承诺 ${formatDate(c.deadline)} 前办结${c.overdue ? "（已超期）" : ""}`
              : `${formatDate(c.completedOn)} 办结`
          }`,
        );
      return (
        `<h4>在办（${open.length}）</h4>` +
        list(open.map(caseLine), "无在办件") +
        `<h4>已办结（${past.length}）</h4>` +
        list(past.slice(0, 5).map(caseLine), "无办结记录") +
        `<h4>排队号</h4>` +
        list(
          p.queueTickets.map((t) =>
            esc(
              `${formatDate(t.day)} ${t.number} ${label("HallDepartment", t.category)} · ${label("QueueTicketStatus", t.status)}${t.window ? ` · ${t.window} 号窗口` : ""}`,
            ),
          ),
          "无排队记录",
        )
      );
    },
  },
  {
    department: "notifications",
    title: "消息通知",
    body: ({ notices: p }) =>
      p &&
      `<p>共 ${p.notifications.totalCount} 条</p>` +
        list(
          p.notifications.edges.map(
            (e) =>
              `${esc(formatDateTime(e.node.createdAt))} ${esc(label("ChannelKind", e.node.channel))} · ${esc(label("DeliveryStatus", e.node.status))}<br /><span class="msg">${esc(e.node.text)}</span>`,
          ),
          "暂无消息",
        ),
  },
];

/**
 * The person's blocks, one per department. `person` null with the person refused or down: the
 * other departments' blocks cannot be asked for (the person is reached through labor security).
 */
export function renderBlocks(
  container: HTMLElement,
  person: Person | null,
  states: Record<Department | "person", BlockState>,
): void {
  const root = states.person.kind !== "ok" ? states.person : null;
  container.replaceChildren(
    ...BLOCKS.map((spec) => {
      const section = document.createElement("section");
      section.className = "block";
      section.dataset.department = spec.department;
      section.dataset.testid = `block-${spec.department}`;
      const headingId = `block-${spec.department}-title`;
      section.setAttribute("aria-labelledby", headingId);
      const own = states[spec.department];
      // Without the person, every block shares the person's fate (refused or not answered).
      const state: BlockState = root ?? own;
      section.dataset.state = state.kind;
      let body: string;
      if (state.kind === "refused") body = `<p class="state refused">${STATE_TEXT.refused}</p>`;
      else if (state.kind === "unavailable") body = `<p class="state unavailable">${STATE_TEXT.unavailable}</p>`;
      else if (state.kind === "failed") body = `<p class="state failed">${esc(state.message)}</p>`;
      else body = (person && spec.body(person)) ?? `<p class="state unavailable">${STATE_TEXT.unavailable}</p>`;
      section.innerHTML = `<h3 id="${headingId}">${esc(spec.title)}</h3>${body}`;
      return section;
    }),
  );
}
