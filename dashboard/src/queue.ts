import type { HallDepartment, QueueBoardViewFragment } from "./generated/graphql";

/** The hall's own names for its queue categories, as the signposts and tickets print them. */
export const QUEUE_CATEGORY_NAMES: Record<HallDepartment, string> = {
  LABOR_SECURITY: "劳动保障",
  MEDICAL_INSURANCE: "医疗保险",
  UNEMPLOYMENT: "失业管理",
  EMPLOYMENT_ASSISTANCE: "就业援助",
  ENTERPRISE_RETIREES: "企退管理",
  TAX: "纳税申报",
};

/** One call on the board. */
export type Call = QueueBoardViewFragment["nowCalling"][number];

/** What the hall says for a call: "请 A012 号 到 W05 窗口". */
export const callText = (call: Call) => `请 ${call.number} 号 到 ${call.window ?? "—"} 窗口`;

/** Tells one call from another, a recall of the same number included (it is called again). */
export const callKey = (call: Call) => `${call.id}@${call.calledAt ?? ""}`;
