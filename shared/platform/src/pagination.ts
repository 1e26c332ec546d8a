import "reflect-metadata";
import crypto from "node:crypto";
import { getArgumentValues, type GraphQLResolveInfo } from "graphql";
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { Repository } from "typeorm";
import { BadUserInputError } from "./errors";
import { PLATFORM } from "./messages";

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

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last item; pass it as `after` for the next page.",
  })
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
export function connectionType<T extends object>(
  name: string,
  node: ClassType<T>,
  what: string,
): ClassType<Connection<T>> {
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

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Random IVs, drawn from the system's generator 256 at a time: a page of 100 rows seals 100
 * cursors, and a draw per cursor cost more than the encryption. Each IV is used once.
 */
const ivPool = Buffer.alloc(IV_BYTES * 256);
let ivNext = ivPool.length;
function freshIv(): Buffer {
  if (ivNext === ivPool.length) {
    crypto.randomFillSync(ivPool);
    ivNext = 0;
  }
  ivNext += IV_BYTES;
  return ivPool.subarray(ivNext - IV_BYTES, ivNext);
}
/** Longer than any cursor this module makes (an ID number sealed is 66 characters): not worth opening. */
const MAX_CURSOR_LENGTH = 400;

/**
 * The cursors of one list (see {@link CursorKey.list}): `seal` turns a position into an opaque
 * cursor, `open` turns a cursor back into the position, or refuses it as bad input.
 */
export interface ListCursors {
  seal(position: string): string;
  /** The position `cursor` was sealed with; BAD_USER_INPUT (`field`) for anything this list did not make. */
  open(cursor: string, field?: string): string;
}

/**
 * A department's key for the cursors of its lists. A cursor is a position (an offset, or the
 * key of the last row, which may be an ID number) sealed with AES-256-GCM, with the list it
 * belongs to as associated data: a client learns nothing from it, cannot make one, and cannot
 * move one to another list (another field, another filter), so `after` plus `hasNextPage`
 * answers no question about anyone. The key comes from `CURSOR_SECRET` (see auth/keys.ts).
 */
export class CursorKey {
  private readonly key: Buffer;

  /** `secret`: any string or bytes of enough entropy; the AES key is derived from it. */
  constructor(secret: string | Buffer) {
    this.key = Buffer.from(crypto.hkdfSync("sha256", secret, "onewindow", "cursor", 32));
  }

  /** A key of this process only (unit tests, in-process tools): its cursors die with the process. */
  static ephemeral(): CursorKey {
    return new CursorKey(crypto.randomBytes(32));
  }

  /** The cursors of the list named `list` (a field and everything that selects its rows). */
  list(list: string): ListCursors {
    const aad = Buffer.from(list, "utf8");
    return {
      seal: (position) => {
        const iv = freshIv();
        const cipher = crypto.createCipheriv("aes-256-gcm", this.key, iv).setAAD(aad);
        // Buffer.concat copies the IV out of the pool before it is drawn again.
        const sealed = Buffer.concat([iv, cipher.update(position, "utf8"), cipher.final(), cipher.getAuthTag()]);
        return sealed.toString("base64url");
      },
      open: (cursor, field = "after") => {
        const bytes = cursor.length <= MAX_CURSOR_LENGTH ? Buffer.from(cursor, "base64url") : Buffer.alloc(0);
        if (bytes.length <= IV_BYTES + TAG_BYTES) throw new BadUserInputError(PLATFORM.notACursor, field);
        try {
          const decipher = crypto.createDecipheriv("aes-256-gcm", this.key, bytes.subarray(0, IV_BYTES)).setAAD(aad);
          decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
          return Buffer.concat([
            decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
            decipher.final(),
          ]).toString("utf8");
        } catch {
          // Made or altered by the client, sealed for another list, or by another department.
          throw new BadUserInputError(PLATFORM.notACursor, field);
        }
      },
    };
  }

  /**
   * The cursors of the list the current field returns: its parent type and name, and the values
   * of its arguments other than `first` and `after` (a filter, a day), so a cursor of the
   * unemployed women's list is refused on the list of everyone. `scope` adds what the arguments
   * do not say, such as the parent's key.
   */
  forField(info: GraphQLResolveInfo, scope = ""): ListCursors {
    const field = info.parentType.getFields()[info.fieldName];
    const args = field ? getArgumentValues(field, info.fieldNodes[0], info.variableValues) : {};
    return this.list(listName(info.parentType.name, info.fieldName, args, scope));
  }
}

/**
 * The name {@link CursorKey.forField} binds a list's cursors to: `Type.field`, the arguments
 * but `first` and `after`, and the scope. Exported for tools that start a walk mid-list (the bench).
 */
export function listName(parentType: string, fieldName: string, args: Record<string, unknown>, scope = ""): string {
  const { first: _first, after: _after, ...rest } = args;
  return `${parentType}.${fieldName}\u0000${JSON.stringify(withoutNulls(rest))}\u0000${scope}`;
}

/** An argument left out and one passed as null select the same rows: the same list. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v != null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/** A validated page request: skip `offset` rows, take `limit`; `cursors` seals the positions of its rows. */
export interface PageRequest {
  offset: number;
  limit: number;
  cursors: ListCursors;
}

/**
 * Turns `first` / `after` into an offset and a limit. `first` defaults to 20 and may be at
 * most `max`, so no single request asks a department for an unbounded list. `after` must have
 * been sealed by `cursors` (see {@link CursorKey.forField}), or it is BAD_USER_INPUT.
 */
export function pageRequest(
  first: number | null | undefined,
  after: string | null | undefined,
  cursors: ListCursors,
  max = 100,
): PageRequest {
  const limit = pageSize(first, max);
  if (!after) return { offset: 0, limit, cursors };
  const m = /^o:(\d{1,15})$/.exec(cursors.open(after));
  if (!m) throw new BadUserInputError(PLATFORM.notACursor, "after");
  return { offset: Number(m[1]) + 1, limit, cursors };
}

function pageSize(first: number | null | undefined, max: number): number {
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 0 || limit > max) {
    throw new BadUserInputError(PLATFORM.pageSize.with({ max, got: String(first) }), "first");
  }
  return limit;
}

/**
 * One edge whose cursor is sealed only when a client selects it: a page of 100 rows read
 * without cursors costs no encryption.
 */
function edge<T>(node: T, position: string, cursors: ListCursors): { cursor: string; node: T } {
  let cursor: string | undefined;
  return {
    node,
    get cursor() {
      return (cursor ??= cursors.seal(position));
    },
  };
}

/** Page information over `edges`, with the start and end cursors sealed when read. */
function pageInfoOf(edges: { cursor: string }[], hasNextPage: boolean, hasPreviousPage: boolean): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage,
    get startCursor() {
      return edges[0]?.cursor ?? null;
    },
    get endCursor() {
      return edges.at(-1)?.cursor ?? null;
    },
  };
}

/** Wraps one page of rows (already sliced by offset/limit) and the total into a connection. */
export function toConnection<T>(rows: T[], totalCount: number, page: PageRequest): Connection<T> {
  const edges = rows.map((node, i) => edge(node, `o:${page.offset + i}`, page.cursors));
  return { edges, totalCount, pageInfo: pageInfoOf(edges, page.offset + rows.length < totalCount, page.offset > 0) };
}

/**
 * One page per person for a batch of people (a batched person-keyed list field), every page by
 * the same request, newest first: two statements whatever the batch size, a GROUP BY count and
 * one query that cuts every person's page. The entity's table has an integer `id` and an
 * `id_number`, and an index that starts with (`id_number`, `newestBy`); `newestBy` is the column
 * its lists are ordered by (descending, then `id` descending).
 */
export async function pagesPerPerson<T extends { idNumber: string }>(
  repo: Repository<T>,
  newestBy: string,
  idNumbers: readonly string[],
  page: PageRequest,
): Promise<Connection<T>[]> {
  const ids = [...idNumbers];
  const counts = await repo
    .createQueryBuilder("c")
    .select("c.id_number", "idNumber")
    .addSelect("COUNT(*)", "count")
    .where("c.id_number IN (:...ids)", { ids })
    .groupBy("c.id_number")
    .getRawMany<{ idNumber: string; count: string | number }>();
  const totals = new Map(counts.map((r) => [r.idNumber, Number(r.count)]));
  let rows: T[] = [];
  if (page.limit > 0 && counts.length > 0) {
    const table = repo.metadata.tableName;
    // PostgreSQL reads each person's page down their (id_number, newestBy) index: a page costs
    // the same however long the person's history (a window function over a resident's 100 hall
    // cases read and sorted all 100 to keep five). SQLite has no LATERAL: it keeps the window.
    const pageIds =
      repo.manager.connection.options.type === "postgres"
        ? `SELECT l.id FROM unnest(CAST(:ids AS varchar[])) AS p(id_number) CROSS JOIN LATERAL (
             SELECT r.id FROM ${table} r WHERE r.id_number = p.id_number
             ORDER BY r.${newestBy} DESC, r.id DESC OFFSET :skip LIMIT :limit) l`
        : `SELECT ranked.id FROM (
             SELECT r.id AS id, ROW_NUMBER() OVER (PARTITION BY r.id_number ORDER BY r.${newestBy} DESC, r.id DESC) AS rn
             FROM ${table} r WHERE r.id_number IN (:...ids)
           ) ranked WHERE ranked.rn > :skip AND ranked.rn <= :until`;
    rows = await repo
      .createQueryBuilder("c")
      .where(`c.id IN (${pageIds})`, {
        ids,
        skip: page.offset,
        limit: page.limit,
        until: page.offset + page.limit,
      })
      .orderBy(`c.${newestBy}`, "DESC")
      .addOrderBy("c.id", "DESC")
      .getMany();
  }
  const byPerson = new Map<string, T[]>();
  for (const row of rows) byPerson.set(row.idNumber, [...(byPerson.get(row.idNumber) ?? []), row]);
  return ids.map((id) => toConnection(byPerson.get(id) ?? [], totals.get(id) ?? 0, page));
}

/**
 * A keyset page request: the rows whose key sorts after `after` (from the start when null),
 * at most `limit` of them. Unlike an offset, a keyset page costs the same wherever it is in
 * the list (an index range scan, nothing skipped) and stays stable while rows are added.
 */
export interface KeysetPageRequest {
  after: string | null;
  limit: number;
  cursors: ListCursors;
}

/** Turns `first` / `after` into a {@link KeysetPageRequest}; the bounds are those of {@link pageRequest}. */
export function keysetPageRequest(
  first: number | null | undefined,
  after: string | null | undefined,
  cursors: ListCursors,
  max = 100,
): KeysetPageRequest {
  const limit = pageSize(first, max);
  if (!after) return { after: null, limit, cursors };
  const m = /^k:(.+)$/s.exec(cursors.open(after));
  if (!m) throw new BadUserInputError(PLATFORM.notACursor, "after");
  return { after: m[1], limit, cursors };
}

/**
 * Wraps one keyset page into a connection. `rows` are those after the cursor in key order, read
 * with one row more than `page.limit` so that `hasNextPage` needs no count. `count` runs only if
 * the caller selects `totalCount`: a list whose pages are read without it never counts all rows.
 */
export function toKeysetConnection<T>(
  rows: T[],
  key: (row: T) => string,
  page: KeysetPageRequest,
  count: () => Promise<number>,
): Connection<T> {
  const edges = rows.slice(0, page.limit).map((node) => edge(node, `k:${key(node)}`, page.cursors));
  let counted: Promise<number> | undefined;
  return {
    edges,
    // A getter: GraphQL reads it only when the field is selected.
    get totalCount() {
      return (counted ??= count());
    },
    pageInfo: pageInfoOf(edges, rows.length > page.limit, page.after !== null),
  };
}
