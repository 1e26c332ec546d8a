import "reflect-metadata";
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { BadUserInputError } from "./errors";

/** Relay page information; every subgraph declares the same type, so it is shareable. */
@Directive("@shareable")
@ObjectType({ description: "Where this page sits in the whole list." })
export class PageInfo {
  @Field({ description: "True when more items follow this page." })
  hasNextPage: boolean;

  @Field({ description: "True when items precede this page." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item on this page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item; pass it as `after` for the next page." })
  endCursor: string | null;
}

/** `first` / `after` of every Relay connection field. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: "Page size (default 20, at most 100)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor after which the page starts." })
  after?: string | null;
}

/** The shape every connection resolver returns. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** A promise where counting is deferred until a caller selects the field (see {@link toKeysetConnection}). */
  totalCount: number | Promise<number>;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node class, with the
 * descriptions every connection in the schema shares.
 */
export function connectionType<T extends object>(name: string, node: ClassType<T>, what: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page.` })
  class Edge {
    @Field({ description: "Opaque position of this item; pass it as `after` to continue after it." })
    cursor: string;

    @Field(() => node, { description: `The ${what}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s.` })
  class ConnectionType {
    @Field(() => [Edge], { description: `The ${what}s on this page.` })
    edges: Edge[];

    @Field(() => PageInfo, { description: "Paging information." })
    pageInfo: PageInfo;

    @Field(() => Int, { description: `Number of ${what}s in the whole list, across all pages.` })
    totalCount: number;
  }
  return ConnectionType;
}

/** A validated page request: skip `offset` rows, take `limit`. */
export interface PageRequest {
  offset: number;
  limit: number;
}

const encode = (offset: number) => Buffer.from(`o:${offset}`).toString("base64url");

/**
 * Turns `first` / `after` into an offset and a limit. `first` defaults to 20 and may be at
 * most `max`, so no single request asks a department for an unbounded list.
 */
export function pageRequest(first: number | null | undefined, after: string | null | undefined, max = 100): PageRequest {
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 0 || limit > max) {
    throw new BadUserInputError(`must be between 0 and ${max}, got ${first}`, "first");
  }
  if (!after) return { offset: 0, limit };
  const m = /^o:(\d+)$/.exec(Buffer.from(after, "base64url").toString("utf8"));
  if (!m) throw new BadUserInputError("is not a cursor returned by this list", "after");
  return { offset: Number(m[1]) + 1, limit };
}

/** Wraps one page of rows (already sliced by offset/limit) and the total into a connection. */
export function toConnection<T>(rows: T[], totalCount: number, page: PageRequest): Connection<T> {
  const edges = rows.map((node, i) => ({ cursor: encode(page.offset + i), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: page.offset + rows.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A keyset page request: the rows whose key sorts after `after` (from the start when null),
 * at most `limit` of them. Unlike an offset, a keyset page costs the same wherever it is in
 * the list (an index range scan, nothing skipped) and stays stable while rows are added.
 */
export interface KeysetPageRequest {
  after: string | null;
  limit: number;
}

const encodeKey = (key: string) => Buffer.from(`k:${key}`).toString("base64url");

/** Turns `first` / `after` into a {@link KeysetPageRequest}; the bounds are those of {@link pageRequest}. */
export function keysetPageRequest(first: number | null | undefined, after: string | null | undefined, max = 100): KeysetPageRequest {
  const { limit } = pageRequest(first, null, max);
  if (!after) return { after: null, limit };
  const m = /^k:(.+)$/s.exec(Buffer.from(after, "base64url").toString("utf8"));
  if (!m) throw new BadUserInputError("is not a cursor returned by this list", "after");
  return { after: m[1], limit };
}

/**
 * Wraps one keyset page into a connection. `rows` are those after the cursor in key order, read
 * with one row more than `page.limit` so that `hasNextPage` needs no count. `count` runs only if
 * the caller selects `totalCount`: a list whose pages are read without it never counts all rows.
 */
export function toKeysetConnection<T>(rows: T[], key: (row: T) => string, page: KeysetPageRequest, count: () => Promise<number>): Connection<T> {
  const edges = rows.slice(0, page.limit).map((node) => ({ cursor: encodeKey(key(node)), node }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    // A getter: GraphQL reads it only when the field is selected.
    get totalCount() {
      return (counted ??= count());
    },
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
