import { ENUM_LABELS, enumLabel } from "@onewindow/contracts/i18n";
import type { HallDepartment, QueueBoardViewFragment } from "./generated/graphql";

/** The hall's name for a queue category, as the signposts and tickets print it (劳动保障). */
export const categoryName = (category: HallDepartment): string => enumLabel("HallDepartment", category);

/** Every queue category's name, from the same catalogue as {@link categoryName}. */
export const QUEUE_CATEGORY_NAMES = ENUM_LABELS.HallDepartment as Readonly<Record<HallDepartment, string>>;

/** One call on the board. */
export type Call = QueueBoardViewFragment["nowCalling"][number];

/** What the hall says for a call: "请 A012 号 到 W05 窗口". */
export const callText = (call: Call) => `请 ${call.number} 号 到 ${call.window ?? "—"} 窗口`;

/** Tells one call from another, a recall of the same number included (it is called again). */
export const callKey = (call: Call) => `${call.id}@${call.calledAt ?? ""}`;
