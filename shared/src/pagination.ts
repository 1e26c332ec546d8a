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
  totalCount: number;
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
