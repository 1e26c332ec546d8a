import { registerEnumType } from "type-graphql";

/** Where a prescriber-statistics access grant stands. EXPIRED is computed, never stored. */
export enum PrescriberGrantStatus {
  PENDING = "PENDING",
  ACTIVE = "ACTIVE",
  EXPIRED = "EXPIRED",
  REVOKED = "REVOKED",
}
registerEnumType(PrescriberGrantStatus, {
  name: "PrescriberGrantStatus",
  description: "Where an access grant for prescriber statistics (统方) stands.",
  valuesConfig: {
    PENDING: {
      description: "Requested by the information office; waiting for a different medical-affairs user to approve.",
    },
    ACTIVE: { description: "Approved; opens prescriberDrugStats to the requester until expiresAt." },
    EXPIRED: { description: "Approved, and its window (at most 30 minutes) has passed." },
    REVOKED: { description: "Withdrawn by the requester or by medical affairs, before or after approval." },
  },
});
