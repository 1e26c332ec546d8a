import fs from "node:fs";
import path from "node:path";
import { composeSupergraph } from "./composition";
import { subgraphs, supergraphPath } from "./subgraphs";

/** `npm run compose`: writes every `services/<name>/schema.graphql` and the gateway's supergraph. */
async function main() {
  const { sdl, supergraph } = await composeSupergraph();
  for (const { definition, dir } of subgraphs) {
    fs.writeFileSync(path.join(dir, "schema.graphql"), sdl.get(definition.name)!);
    console.log(`wrote ${path.relative(process.cwd(), path.join(dir, "schema.graphql"))}`);
  }
  fs.writeFileSync(supergraphPath, supergraph);
  console.log(`wrote ${path.relative(process.cwd(), supergraphPath)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
