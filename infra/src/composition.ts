import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { printSubgraphSdl } from "@onewindow/platform";
import { defaultUrl, subgraphs } from "./subgraphs";

/** The SDL of every department and the supergraph composed from them, as they should be on disk. */
export interface Composition {
  sdl: Map<string, string>;
  supergraph: string;
}

/** Prints each subgraph's SDL from its code and composes the supergraph (no network). */
export async function composeSupergraph(): Promise<Composition> {
  const sdl = new Map<string, string>();
  for (const { definition } of subgraphs) sdl.set(definition.name, await printSubgraphSdl(definition));
  const result = composeServices(
    subgraphs.map(({ definition }) => ({
      name: definition.name,
      url: defaultUrl(definition),
      typeDefs: parse(sdl.get(definition.name)!),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  return { sdl, supergraph: result.supergraphSdl + "\n" };
}
