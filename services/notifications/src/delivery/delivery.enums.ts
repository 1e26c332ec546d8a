import { registerEnumType } from "type-graphql";

/** Where a message stands. */
export enum DeliveryStatus {
  /** Waiting for its time, or for a retry after a failure. */
  PENDING = "PENDING",
  /** A non-urgent SMS due in quiet hours: waits until 08:00. */
  HELD = "HELD",
  SENT = "SENT",
  /** Every attempt failed. */
  FAILED = "FAILED",
  /** The person withdrew the consent (or removed the channel) before it went. */
  CANCELLED = "CANCELLED",
}

registerEnumType(DeliveryStatus, {
  name: "DeliveryStatus",
  description: "Where a message stands.",
  valuesConfig: {
    PENDING: { description: "待发送: waiting for its time or for a retry." },
    HELD: { description: "暂缓: a non-urgent SMS due in quiet hours (21:00–08:00), sent at 08:00." },
    SENT: { description: "已发送: the SMS provider or the mail server accepted it." },
    FAILED: { description: "发送失败: every attempt failed." },
    CANCELLED: { description: "已取消: the consent was withdrawn or the channel removed before it went." },
  },
});
