import { GraphQLError } from "graphql";
import { HallEvents, LaborEvents, type Caller, type EventPayloads, type EventType } from "@onewindow/contracts";
import { ForbiddenError, type EventEnvelope } from "@onewindow/platform/web";
import { GATEWAY } from "../messages";

/**
 * The query one pushed message is answered by: a root field of the supergraph, its arguments'
 * types (the query's variables) and, for a list, where the one record sits in its answer.
 */
export interface PushQuery {
  root: string;
  argTypes: Readonly<Record<string, string>>;
  /** From the root field's answer to the record: `["edges", 0, "node"]` for one item of a connection. */
  path?: readonly (string | number)[];
}

/** One field of `type Subscription`: its SDL, the events that wake it and the query that answers them. */
export interface SubscriptionField {
  sdl: string;
  events: readonly EventType[];
  query: PushQuery;
  /**
   * Anyone may follow it and its answer names nobody: an event stream may open it without a
   * token (EventSource cannot send one), and anonymous subscribers with the same request share
   * each push.
   */
  public?: boolean;
  /** Refuses a subscription before it starts (a field for citizens only, say); null admits. */
  admit?(caller: Caller): GraphQLError | null;
  /**
   * The query's arguments for the current state, pushed first; none: nothing until an event.
   * A refusal of this first read (an analyst asking for a case) ends the subscription.
   */
  initial?(args: Record<string, unknown>): Record<string, unknown>;
  /** The query's arguments for `event`, or null when the event is not this subscriber's. */
  select(event: EventEnvelope, args: Record<string, unknown>, caller: Caller): Record<string, unknown> | null;
}

/** An event's payload as its type declares it (`type` names which; the feed delivers only that type). */
const data = <T extends EventType>(event: EventEnvelope, _type: T) => event.data as EventPayloads[T];

/** The events a case's state changes with. */
const CASE_EVENTS = [HallEvents.caseOpened, HallEvents.caseCompleted] as const;

/**
 * The gateway's subscriptions. Each is a query in the subscriber's name, run again when an
 * event names its record: the owning department authorises, masks and audits every pushed
 * message exactly as it does the query.
 */
export const SUBSCRIPTION_FIELDS: Readonly<Record<string, SubscriptionField>> = {
  queueCalls: {
    sdl: `"""
    The hall's queue board, as \`Query.queueBoard\` answers it: now, and again after every call,
    recall, missed number (过号), transfer and appointment check-in at the centre. Public: numbers,
    windows and categories, never a person.
    """
    queueCalls("""A service centre's code; every centre when left out.""" centre: String): QueueBoard`,
    events: [
      HallEvents.ticketCalled,
      HallEvents.ticketRecalled,
      HallEvents.ticketSkipped,
      HallEvents.ticketTransferred,
      HallEvents.appointmentArrived,
    ],
    query: { root: "queueBoard", argTypes: {} },
    public: true,
    initial: () => ({}),
    select: (event, args) =>
      args.centre == null || (event.data as { centre?: string }).centre === args.centre ? {} : null,
  },
  caseUpdates: {
    sdl: `"""
    A case as the service hall answers \`Query.case\` for the subscriber: now, and again whenever it
    is opened or completed. Same readers and masking as \`Query.case\` (window clerks with a purpose,
    the citizen whose case it is); a refused first read ends the subscription.
    """
    caseUpdates("""The case number.""" caseId: ID!): Case`,
    events: CASE_EVENTS,
    query: { root: "case", argTypes: { id: "ID!" } },
    initial: (args) => ({ id: args.caseId }),
    select: (event, args) =>
      String(data(event, HallEvents.caseOpened).caseId) === args.caseId ? { id: args.caseId } : null,
  },
  myCases: {
    sdl: `"""The signed-in citizen's own cases as they are opened and completed (a citizen's token)."""
    myCases: Case`,
    events: CASE_EVENTS,
    query: { root: "case", argTypes: { id: "ID!" } },
    admit: (caller) =>
      caller.roles.includes("citizen") && caller.idNumber ? null : new ForbiddenError(GATEWAY.myCasesCitizenOnly),
    select: (event, _args, caller) => {
      const payload = data(event, HallEvents.caseOpened);
      return payload.idNumber === caller.idNumber ? { id: String(payload.caseId) } : null;
    },
  },
  newJobPostings: {
    sdl: `"""Job postings as employers publish them, narrowed by \`filter\` as \`Query.jobPostings\` narrows the board. Public."""
    newJobPostings("""Conditions the postings must meet.""" filter: JobPostingFilter): JobPosting`,
    events: [LaborEvents.jobPosted],
    query: { root: "jobPostings", argTypes: { first: "Int", filter: "JobPostingFilter" }, path: ["edges", 0, "node"] },
    public: true,
    select: (event, args) => ({
      first: 1,
      filter: { ...(args.filter as object | undefined), ids: [String(data(event, LaborEvents.jobPosted).id)] },
    }),
  },
};

/** The SDL the gateway adds to the supergraph's API schema. */
export function subscriptionSdl(fields: Readonly<Record<string, SubscriptionField>> = SUBSCRIPTION_FIELDS): string {
  return `type Subscription {\n${Object.values(fields)
    .map((f) => `  ${f.sdl}`)
    .join("\n")}\n}\n\nextend schema {\n  subscription: Subscription\n}\n`;
}

/** Every event type some subscription follows: what the gateway's NATS user may read. */
export function followedEventTypes(
  fields: Readonly<Record<string, SubscriptionField>> = SUBSCRIPTION_FIELDS,
): EventType[] {
  return [...new Set(Object.values(fields).flatMap((f) => f.events))].sort();
}
