import { enumLabel } from "@onewindow/contracts/i18n";

/**
 * Chinese labels the shared catalogue (`ENUM_LABELS`) does not have yet, and the roles (not an
 * API enum). `label` asks the catalogue first, so each entry here stops mattering once the
 * catalogue has it.
 */
const STOPGAP: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Role: {
    window_clerk: "窗口工作人员",
    labor_officer: "劳动保障经办人员",
    insurance_officer: "医保经办人员",
    tax_officer: "税务经办人员",
    hospital_admin: "医院管理员",
    info_office: "医院信息科",
    medical_affairs: "医院医务科",
    analyst: "数据分析人员",
    auditor: "审计人员",
    citizen: "群众",
    admin: "系统管理员",
  },
  Gender: { MALE: "男", FEMALE: "女" },
  EmploymentStatus: { EMPLOYED: "就业", UNEMPLOYED: "失业", RETIRED: "已退休", NOT_REGISTERED: "未登记" },
  RegistrationStatus: { OPEN: "有效", CLOSED: "已注销" },
  ReferralStatus: { REFERRED: "已推荐", HIRED: "已录用", REJECTED: "未录用", NO_SHOW: "未到岗", WITHDRAWN: "已撤回" },
  MedicalInsuranceScheme: {
    EMPLOYEE: "职工基本医疗保险",
    RESIDENT: "城乡居民医疗保险",
    RETIREE: "退休人员医疗保险",
    UNEMPLOYED: "失业人员医疗保险",
  },
  MedicalInsuranceStatus: { ACTIVE: "参保中", ENDED: "已终止" },
  AssistanceCategory: {
    FORTY_FIFTY: "“4050”人员",
    ZERO_EMPLOYMENT_FAMILY: "零就业家庭",
    LONG_TERM_UNEMPLOYED: "长期失业人员",
  },
  DeliveryStatus: { PENDING: "待发送", HELD: "暂缓发送", SENT: "已发送", FAILED: "发送失败", CANCELLED: "已取消" },
  ChannelKind: { SMS: "短信", EMAIL: "电子邮件" },
  QueueTicketStatus: { WAITING: "等候中", CALLED: "已叫号", SKIPPED: "过号" },
  QueuePriority: { NORMAL: "普通", ELDERLY: "老年人绿色通道", DISABLED: "爱心通道" },
  HallDepartment: {
    LABOR_SECURITY: "劳动保障",
    MEDICAL_INSURANCE: "医疗保险",
    UNEMPLOYMENT: "失业管理",
    EMPLOYMENT_ASSISTANCE: "就业援助",
    ENTERPRISE_RETIREES: "企退管理",
    TAX: "纳税申报",
  },
  CaseStatus: { OPEN: "办理中", COMPLETED: "已办结" },
  HallRating: { SATISFIED: "满意", BASICALLY_SATISFIED: "基本满意", UNSATISFIED: "不满意" },
};

/** The Chinese label of an enum value (`enumName` as the API names the enum). */
export function label(enumName: string, value: string): string {
  const shared = enumLabel(enumName, value);
  return shared !== value ? shared : (STOPGAP[enumName]?.[value] ?? value);
}

/** The hall's lines of business in signpost order (the ticket letters A…F). */
export const HALL_DEPARTMENTS = [
  "LABOR_SECURITY",
  "MEDICAL_INSURANCE",
  "UNEMPLOYMENT",
  "EMPLOYMENT_ASSISTANCE",
  "ENTERPRISE_RETIREES",
  "TAX",
] as const;

const TIME_ZONE = "Asia/Shanghai";
const dateTimeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const timeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** `YYYY-MM-DD` (a calendar day, no time zone) as 2026年11月26日. */
export function formatDate(day: string | null | undefined): string {
  if (!day) return "—";
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant (ISO 8601) in China Standard Time, as 2026年11月26日 14:05. */
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTimeFormat.format(new Date(iso)) : "—");

/** An instant's time of day in China Standard Time, as 14:05. */
export const formatTime = (iso: string | null | undefined) => (iso ? timeFormat.format(new Date(iso)) : "—");

/** Today in China Standard Time, `YYYY-MM-DD`, whatever the computer's own time zone. */
export function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date());
}

/** Yuan with two decimals. */
export const yuan = (v: number | null | undefined) => (v == null ? "—" : `${v.toFixed(2)} 元`);

/*
 * Pinyin initials without a dictionary: the browser's pinyin collation (ICU, zh-u-co-pinyin)
 * sorts every common character between the first characters of two initials, so the initial is
 * the last boundary a character sorts after. No bundle cost; polyphones get their most common
 * reading. (pinyin-pro would know more readings at several hundred kilobytes of dictionary.)
 */
const BOUNDARIES = "阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀";
const INITIALS = "ABCDEFGHJKLMNOPQRSTWXYZ";
const pinyinOrder = new Intl.Collator("zh-Hans-CN-u-co-pinyin");

function initialOf(ch: string): string {
  if (/[A-Za-z0-9]/.test(ch)) return ch.toUpperCase();
  if (!/[\u4e00-\u9fff]/.test(ch)) return "";
  for (let i = BOUNDARIES.length - 1; i >= 0; i--) {
    if (pinyinOrder.compare(ch, BOUNDARIES[i]!) >= 0) return INITIALS[i]!;
  }
  return "";
}

/** 企业职工退休审批 → QYZGTXSP. */
export function pinyinInitials(text: string): string {
  return [...text].map(initialOf).join("");
}
