import { test } from "node:test";
import assert from "node:assert/strict";
import { keysetPageRequest, pageRequest, toConnection, toKeysetConnection } from "./pagination";

const badInput = (err: any) => err.extensions.code === "BAD_USER_INPUT";

test("offset pages: cursors continue where the last page ended; bounds are enforced", () => {
  const first = toConnection(["a", "b"], 5, pageRequest(2, null));
  assert.equal(first.pageInfo.hasNextPage, true);
  const next = pageRequest(2, first.pageInfo.endCursor);
  assert.deepEqual(next, { offset: 2, limit: 2 });
  assert.throws(() => pageRequest(101, null), badInput);
  assert.throws(() => pageRequest(10, "garbage"), badInput);
});

test("keyset pages: the next page starts after the last key; the total is counted only when read", async () => {
  const rows = ["110101", "110102", "110103"];
  let counts = 0;
  const count = async () => (counts++, 7);
  // Two asked for, three read: the third says that more follow.
  const first = toKeysetConnection(rows, (r) => r, keysetPageRequest(2, null), count);
  assert.deepEqual(first.edges.map((e) => e.node), ["110101", "110102"]);
  assert.deepEqual(first.pageInfo, { hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[1].cursor });
  assert.equal(counts, 0);
  assert.equal(await first.totalCount, 7);
  assert.equal(await first.totalCount, 7);
  assert.equal(counts, 1, "counted once however often it is read");

  const next = keysetPageRequest(2, first.pageInfo.endCursor);
  assert.deepEqual(next, { after: "110102", limit: 2 });
  const last = toKeysetConnection(["110103"], (r) => r, next, count);
  assert.deepEqual(last.pageInfo, { hasNextPage: false, hasPreviousPage: true, startCursor: last.edges[0].cursor, endCursor: last.edges[0].cursor });
  assert.equal(toKeysetConnection([], (r: string) => r, next, count).pageInfo.endCursor, null);
});

test("keyset pages: an offset cursor, garbage or a page size out of bounds is bad input", () => {
  const offsetCursor = toConnection(["a"], 1, pageRequest(1, null)).pageInfo.endCursor;
  for (const after of [offsetCursor, "garbage", Buffer.from("k:").toString("base64url")]) {
    assert.throws(() => keysetPageRequest(10, after), badInput, String(after));
  }
  assert.throws(() => keysetPageRequest(101, null), badInput);
  assert.throws(() => keysetPageRequest(-1, null), badInput);
});
