import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { CursorKey, keysetPageRequest, listName, pageRequest, toConnection, toKeysetConnection } from "./pagination";

const badInput = (err: any) => err.extensions.code === "BAD_USER_INPUT";
const key = CursorKey.ephemeral();
const cursors = key.list("Query.test\u0000{}\u0000");

test("offset pages: cursors continue where the last page ended; bounds are enforced", () => {
  const first = toConnection(["a", "b"], 5, pageRequest(2, null, cursors));
  assert.equal(first.pageInfo.hasNextPage, true);
  const next = pageRequest(2, first.pageInfo.endCursor, cursors);
  assert.deepEqual([next.offset, next.limit], [2, 2]);
  assert.throws(() => pageRequest(101, null, cursors), badInput);
  assert.throws(() => pageRequest(10, "garbage", cursors), badInput);
});

test("keyset pages: the next page starts after the last key; the total is counted only when read", async () => {
  const rows = ["110101", "110102", "110103"];
  let counts = 0;
  const count = async () => (counts++, 7);
  // Two asked for, three read: the third says that more follow.
  const first = toKeysetConnection(rows, (r) => r, keysetPageRequest(2, null, cursors), count);
  assert.deepEqual(
    first.edges.map((e) => e.node),
    ["110101", "110102"],
  );
  assert.deepEqual(
    { ...first.pageInfo },
    { hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[1].cursor },
  );
  assert.equal(counts, 0);
  assert.equal(await first.totalCount, 7);
  assert.equal(await first.totalCount, 7);
  assert.equal(counts, 1, "counted once however often it is read");

  const next = keysetPageRequest(2, first.pageInfo.endCursor, cursors);
  assert.deepEqual([next.after, next.limit], ["110102", 2]);
  const last = toKeysetConnection(["110103"], (r) => r, next, count);
  assert.deepEqual(
    { ...last.pageInfo },
    { hasNextPage: false, hasPreviousPage: true, startCursor: last.edges[0].cursor, endCursor: last.edges[0].cursor },
  );
  assert.equal(toKeysetConnection([], (r: string) => r, next, count).pageInfo.endCursor, null);
});

test("keyset pages: an offset cursor, garbage or a page size out of bounds is bad input", () => {
  const offsetCursor = toConnection(["a"], 1, pageRequest(1, null, cursors)).pageInfo.endCursor;
  for (const after of [offsetCursor, "garbage", Buffer.from("k:").toString("base64url")]) {
    assert.throws(() => keysetPageRequest(10, after, cursors), badInput, String(after));
  }
  assert.throws(() => keysetPageRequest(101, null, cursors), badInput);
  assert.throws(() => keysetPageRequest(-1, null, cursors), badInput);
});

test("a cursor says nothing of its row, and only the list and key that sealed it open it", () => {
  const idNumber = "33010219800101001X";
  const [{ cursor }] = toKeysetConnection(
    [idNumber],
    (r) => r,
    keysetPageRequest(1, null, cursors),
    async () => 1,
  ).edges;
  const decoded = Buffer.from(cursor, "base64url");
  for (const text of [decoded.toString("utf8"), decoded.toString("latin1"), decoded.toString("hex")]) {
    assert.ok(!text.includes(idNumber) && !text.includes("330102"), "the ID number is not in the cursor");
  }
  assert.equal(keysetPageRequest(1, cursor, cursors).after, idNumber);
  // The old, readable form of a cursor is refused, as is every single altered byte.
  assert.throws(() => keysetPageRequest(1, Buffer.from(`k:${idNumber}`).toString("base64url"), cursors), badInput);
  for (let i = 0; i < decoded.length; i++) {
    const altered = Buffer.from(decoded);
    altered[i] ^= 1;
    assert.throws(() => keysetPageRequest(1, altered.toString("base64url"), cursors), badInput, `byte ${i}`);
  }
  // Another list (another filter), another department's key, an oversized cursor.
  assert.throws(
    () => keysetPageRequest(1, cursor, key.list(listName("Query", "test", { filter: { community: "x" } }))),
    badInput,
  );
  assert.throws(() => keysetPageRequest(1, cursor, CursorKey.ephemeral().list("Query.test\u0000{}\u0000")), badInput);
  assert.throws(() => keysetPageRequest(1, "A".repeat(5000), cursors), badInput);
});

test("a list's name ignores first, after and arguments left null", () => {
  assert.equal(
    listName("Query", "citizens", { first: 10, after: "x", filter: { community: "a", employmentStatus: null } }),
    listName("Query", "citizens", { filter: { community: "a" } }),
  );
  assert.notEqual(listName("Query", "citizens", { filter: { community: "a" } }), listName("Query", "citizens", {}));
  assert.notEqual(listName("Citizen", "cases", {}, "1"), listName("Citizen", "cases", {}, "2"));
});

test("every cursor has an IV of its own, drawn in bulk: sealing one position over and over never repeats", () => {
  // More than one draw of the IV pool (256 IVs).
  const sealed = Array.from({ length: 600 }, () => cursors.seal("k:330102197503070011"));
  assert.equal(new Set(sealed).size, 600);
  assert.equal(new Set(sealed.map((c) => Buffer.from(c, "base64url").subarray(0, 12).toString("hex"))).size, 600);
  for (const cursor of [sealed[0], sealed[255], sealed[256], sealed[599]])
    assert.equal(cursors.open(cursor, "after"), "k:330102197503070011");
});
