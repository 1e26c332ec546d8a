import { test } from "@jest/globals";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { buildASTSchema, isInputObjectType, isObjectType, parse } from "graphql";
import { composeSupergraph, subgraphs, supergraphPath } from "@onewindow/infra";

// The gateway serves the committed supergraph; it must be what the code composes to today.
test("committed subgraph SDL and supergraph are up to date (run `npm run compose` when this fails)", async () => {
  const { sdl, supergraph } = await composeSupergraph();
  for (const { definition, dir } of subgraphs) {
    const file = path.join(dir, "schema.graphql");
    assert.ok(fs.existsSync(file), `${file} is missing`);
    assert.equal(fs.readFileSync(file, "utf8"), sdl.get(definition.name), `${file} is stale`);
  }
  assert.equal(fs.readFileSync(supergraphPath, "utf8"), supergraph, `${supergraphPath} is stale`);
});

// Dashboard builders write queries against the documented schema (the explorer and the generated schema show these descriptions).
test("every public type and field carries a description", () => {
  const schema = buildASTSchema(parse(fs.readFileSync(supergraphPath, "utf8")), { assumeValidSDL: true });
  const internal = /^(__|join__|link__)|^(Query|Mutation|String|Int|Float|Boolean|ID)$/;
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (/^(__|join__|link__)/.test(type.name)) continue;
    if (!internal.test(type.name) && !type.description) missing.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
  }
  assert.deepEqual(missing, []);
});
