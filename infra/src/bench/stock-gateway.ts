import fs from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

/**
 * Target (b) of `npm run bench`: a stock @apollo/gateway, exactly as its documentation starts
 * one, on our supergraph. The only addition is what it needs to reach the bench's subgraphs:
 * their URLs (they listen on free ports). Nothing else is tuned: default fetcher, plan cache,
 * plugins and HTTP server.
 *
 * Environment: `SUPERGRAPH_PATH`, `SUBGRAPH_URLS` (JSON: department name → URL), `PORT`.
 */
async function main() {
  const supergraphSdl = fs.readFileSync(process.env.SUPERGRAPH_PATH!, "utf8");
  const urls = JSON.parse(process.env.SUBGRAPH_URLS ?? "{}") as Record<string, string>;
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: urls[name] ?? url }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 0), host: "127.0.0.1" } });
  process.send?.({ type: "listening", service: "stock-gateway", port: Number(new URL(url).port) });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
