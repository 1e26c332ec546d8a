import { registerEnumType } from "type-graphql";

/**
 * The honours a window post carries on its sign (亮身份): awarded to the post by the Party
 * committee, the women's federation or the Youth League, recorded by the administrator.
 */
export enum WindowStaffBadge {
  PARTY_VANGUARD_POST = "PARTY_VANGUARD_POST",
  PARTY_MEMBER_MODEL_POST = "PARTY_MEMBER_MODEL_POST",
  WOMEN_CIVILISED_POST = "WOMEN_CIVILISED_POST",
  YOUTH_CIVILISED_POST = "YOUTH_CIVILISED_POST",
  WORKER_PIONEER_POST = "WORKER_PIONEER_POST",
}
registerEnumType(WindowStaffBadge, {
  name: "WindowStaffBadge",
  description: "An honour shown on a window's sign (亮身份).",
  valuesConfig: {
    PARTY_VANGUARD_POST: { description: "党员先锋岗: held by a Party member." },
    PARTY_MEMBER_MODEL_POST: { description: "党员示范岗: held by a Party member." },
    WOMEN_CIVILISED_POST: { description: "巾帼文明岗." },
    YOUTH_CIVILISED_POST: { description: "青年文明号." },
    WORKER_PIONEER_POST: { description: "工人先锋号." },
  },
});

/** The badges only a Party member's post may carry. */
export const PARTY_BADGES: readonly WindowStaffBadge[] = [
  WindowStaffBadge.PARTY_VANGUARD_POST,
  WindowStaffBadge.PARTY_MEMBER_MODEL_POST,
];
