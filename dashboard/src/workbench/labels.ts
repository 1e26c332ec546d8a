import { enumLabel, ROLE_LABELS } from "@onewindow/contracts/i18n";

export { formatDate, formatDateTime, formatTime, shanghaiDay as today } from "../format";

/** The Chinese label of an enum value (`enumName` as the API names the enum), or of a role (`Role`). */
export function label(enumName: string, value: string): string {
  const roles: Readonly<Record<string, string>> = ROLE_LABELS;
  return enumName === "Role" ? (roles[value] ?? value) : enumLabel(enumName, value);
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
