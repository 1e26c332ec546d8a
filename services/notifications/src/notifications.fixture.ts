/*
 * Notifications' sample data for its tests (not a test file: Jest runs only `*.test.ts`). A test
 * opens the department over its own database with `openDepartmentDatabase(notifications, options)`.
 */
import type { Role } from "@onewindow/contracts";
import { makeIdNumber, type Clock } from "@onewindow/platform";
import type { ChannelAdapter, OutgoingMessage } from "./delivery/channel-adapters";

/** The tables the department writes, the outbox included: a rejected input changes none (`rowCounts`). */
export const TABLES = ["contact_channel", "consent", "message_template", "delivery", "broadcast", "outbox_event"];

/** Sample people, born 1975 in Hangzhou's Shangcheng district. */
export const person = (n: number) => makeIdNumber("330102", "1975-03-08", n);

/** A caller with one role and a purpose. */
export const as = (role: Role, extra: Record<string, unknown> = {}) => ({
  userId: `${role}-1`,
  roles: [role],
  purpose: "unit test",
  ...extra,
});

/** A clock a test moves: `at("2026-11-26T23:00:00+08:00")`. */
export function movableClock(start: string): Clock & { at(instant: string): void; advance(ms: number): void } {
  let now = new Date(start);
  const clock = () => new Date(now);
  return Object.assign(clock, {
    at: (instant: string) => void (now = new Date(instant)),
    advance: (ms: number) => void (now = new Date(now.getTime() + ms)),
  });
}

/** An adapter that keeps what it is asked to send, and fails while `failing` is more than 0. */
export class RecordingAdapter implements ChannelAdapter {
  readonly sent: OutgoingMessage[] = [];
  failing = 0;

  send(message: OutgoingMessage): Promise<string> {
    if (this.failing > 0) {
      this.failing--;
      return Promise.reject(new Error("provider unavailable"));
    }
    this.sent.push(message);
    return Promise.resolve(`id-${this.sent.length}`);
  }
}
