import { randomUUID, type KeyObject } from "node:crypto";
import fs from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import {
  CONTEXT_HEADER,
  contextClaims,
  deriveContextKey,
  loadContextSecret,
  signContextHeader,
} from "@onewindow/platform";
import { BENCH_CALLER } from "./queries";

/** Where `willSendRequest` leaves the claims for {@link signingFetcher} to sign. */
const CLAIMS_HEADER = "x-onewindow-claims";

type Fetch = (
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<unknown>;

/**
 * Wraps a department's data source's default fetcher: signs the claims `willSendRequest` set
 * over the exact body about to be sent (only the fetcher sees it) with that department's key, as
 * every department demands.
 */
function signingFetcher<F extends Fetch>(fetcher: F, key: KeyObject): F {
  return (async (url, init) => {
    const { [CLAIMS_HEADER]: claims, ...headers } = init.headers ?? {};
    if (claims) headers[CONTEXT_HEADER] = signContextHeader(key, claims, init.body ?? "");
    return fetcher(url, { ...init, headers });
  }) as F;
}

/**
 * Target (b) of `npm run bench`: a stock @apollo/gateway, exactly as its documentation starts
 * one, on our supergraph. The only additions are what it needs to reach the bench's subgraphs:
 * their URLs (they listen on free ports) and the signed internal context they demand, for the
 * bench's caller (it verifies no token: that work is ours alone). Nothing else is tuned: default
 * fetcher (wrapped to sign), plan cache, plugins and HTTP server.
 *
 * Environment: `SUPERGRAPH_PATH`, `SUBGRAPH_URLS` (JSON: department name → URL), `DATA_DIR`
 * (its keys), `PORT`.
 */
async function main() {
  const supergraphSdl = fs.readFileSync(process.env.SUPERGRAPH_PATH!, "utf8");
  const urls = JSON.parse(process.env.SUBGRAPH_URLS ?? "{}") as Record<string, string>;
  const secret = loadContextSecret(process.env, process.env.DATA_DIR!);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const source = new RemoteGraphQLDataSource({
        url: urls[name] ?? url,
        willSendRequest: ({ request }) => {
          request.http?.headers.set(CLAIMS_HEADER, contextClaims(BENCH_CALLER, name, randomUUID()));
        },
      });
      source.fetcher = signingFetcher(source.fetcher as never, deriveContextKey(secret, name));
      return source;
    },
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT ?? 0), host: "127.0.0.1" },
  });
  process.send?.({ type: "listening", service: "stock-gateway", port: Number(new URL(url).port) });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
