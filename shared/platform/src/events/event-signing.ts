import crypto from "node:crypto";
import { departmentOf, EVENT_PUBLISHERS } from "@onewindow/contracts";
import { natsSubject, type EventEnvelope } from "./event-envelope";

/**
 * JSON with object keys sorted at every level and no whitespace: the bytes an envelope's
 * signature covers, the same whoever serialised the envelope and in whatever key order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    // undefined, functions and symbols have no JSON form; inside objects they are dropped.
    return text === undefined ? "null" : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(",")}}`;
}

/** The bytes signed: the whole envelope but its signature. */
function signedBytes(envelope: EventEnvelope): Buffer {
  const { signature: _signature, ...unsigned } = envelope;
  return Buffer.from(canonicalJson(unsigned), "utf8");
}

/** The envelope with `signature`: Ed25519 by the department's `EVENT_SIGNING_KEY`, base64url. */
export function signEnvelope<E extends EventEnvelope>(envelope: E, key: crypto.KeyObject): E {
  const { signature: _old, ...unsigned } = envelope;
  return {
    ...unsigned,
    signature: crypto.sign(null, signedBytes(unsigned as EventEnvelope), key).toString("base64url"),
  } as E;
}

/**
 * Checks that an event is what its publisher wrote: it travelled on the subject of its type,
 * its `source` is the service that owns that type's department, and the owner's key signed
 * the whole envelope. Consumers refuse anything else, whoever managed to publish it.
 */
export class EventVerifier {
  /** `keys`: the public key of each publishing service this consumer accepts events from. */
  constructor(
    private readonly prefix: string,
    private readonly keys: ReadonlyMap<string, crypto.KeyObject>,
  ) {}

  /** Why the event must be refused, or null when it is authentic. */
  reasonToRefuse(envelope: EventEnvelope, natsSubjectReceived?: string): string | null {
    let owner: string;
    try {
      owner = EVENT_PUBLISHERS[departmentOf(envelope.type)];
    } catch {
      return `refused: type ${String(envelope.type).slice(0, 120)} is not in the event catalogue`;
    }
    if (natsSubjectReceived !== undefined && natsSubjectReceived !== natsSubject(this.prefix, envelope.type)) {
      return `refused: a ${envelope.type} event arrived on subject ${natsSubjectReceived.slice(0, 200)}`;
    }
    if (envelope.source !== owner)
      return `refused: wrong source ${String(envelope.source).slice(0, 60)}; only ${owner} publishes ${envelope.type}`;
    if (typeof envelope.signature !== "string" || envelope.signature === "")
      return `refused: unsigned event (${owner} signs every event it publishes)`;
    const key = this.keys.get(owner);
    if (!key) return `refused: no public key of ${owner} is configured to verify its events`;
    let ok: boolean;
    try {
      ok = crypto.verify(null, signedBytes(envelope), key, Buffer.from(envelope.signature, "base64url"));
    } catch {
      ok = false;
    }
    return ok ? null : `refused: the signature does not verify with ${owner}'s key (forged or altered)`;
  }
}
