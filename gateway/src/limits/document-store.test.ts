import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { parse } from "graphql";
import { BoundedDocumentStore } from "./document-store";

test("the document store keeps small documents up to its byte budget, least recently used out first, and never a huge one", async () => {
  const doc = (i: number) => parse(`{ a${String(i).padStart(14, "0")} }`);
  const each = 4 * doc(0).loc!.source.body.length + 1024;
  const store = new BoundedDocumentStore(3 * each, 1000);
  for (let i = 0; i < 3; i++) await store.set(`k${i}`, doc(i));
  assert.equal(store.usage.documents, 3);
  assert.ok(await store.get("k0"), "k0 is now the most recently used");
  await store.set("k3", doc(3));
  assert.equal(await store.get("k1"), undefined, "the least recently used went out");
  assert.ok(await store.get("k0"));
  assert.equal(store.usage.documents, 3);
  await store.set("huge", parse(`query ${"x".repeat(90_000)} { __typename }`));
  assert.equal(await store.get("huge"), undefined);
  assert.equal(store.usage.documents, 3);
  await store.set("k3", doc(3));
  assert.equal(store.usage.bytes, 3 * each, "setting a key again does not count it twice");
});
