import { randomUUID, type KeyObject } from "node:crypto";
import fs from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createGatewayRuntime, type GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import {
  CONTEXT_HEADER,
  contextClaims,
  deriveContextKey,
  loadContextSecret,
  signContextHeader,
} from "@onewindow/platform";
import { BENCH_CALLER } from "./queries";

/**
 * A Hive Gateway plugin that signs the bench's caller into every subgraph request, over the exact
 * body about to be sent, for the department the request goes to (`departments`: URL → name), as
 * every department demands. A fetch to any other address is refused: nothing leaves unsigned.
 */
function signingPlugin(secret: KeyObject, departments: ReadonlyMap<string, string>): GatewayPlugin {
  const keys = new Map([...new Set(departments.values())].map((d) => [d, deriveContextKey(secret, d)]));
  return {
    onFetch({ url, options, setOptions }) {
      const department = departments.get(url);
      if (!department) throw new Error(`the Hive peer fetched ${url}, which is no department of the bench`);
      // The HTTP transport sends a query as a JSON string; the signature covers exactly that text.
      if (typeof options.body !== "string") throw new Error(`the Hive peer sent ${url} a body that is not text`);
      const claims = contextClaims(BENCH_CALLER, department, randomUUID());
      setOptions({
        ...options,
        headers: {
          ...options.headers,
          [CONTEXT_HEADER]: signContextHeader(keys.get(department)!, claims, options.body),
        },
      });
    },
  };
}

/**
 * Targets (d) and (e) of `npm run bench`: Hive Gateway (`@graphql-hive/gateway-runtime`) on our
 * supergraph with its default settings, served by node:http as its documentation starts one; with
 * `HIVE_PLANNER=rust`, the same with Hive Router's query planner (`@graphql-hive/router-runtime`).
 * As for the stock @apollo/gateway, the only additions are what it needs to reach the bench's
 * subgraphs: their URLs (they listen on free ports) and the signed internal context they demand,
 * for the bench's caller (it verifies no token: that work is ours alone), one per department
 * request (the transport's sharing of identical requests in flight is off, see below). Nothing
 * else is tuned.
 *
 * Environment: `SUPERGRAPH_PATH`, `SUBGRAPH_URLS` (JSON: department name → URL), `DATA_DIR`
 * (its keys), `PORT`, `HIVE_PLANNER` (`rust`, or unset for the gateway's own planner).
 */
async function main() {
  const supergraph = fs.readFileSync(process.env.SUPERGRAPH_PATH!, "utf8");
  const urls = JSON.parse(process.env.SUBGRAPH_URLS ?? "{}") as Record<string, string>;
  const secret = loadContextSecret(process.env, process.env.DATA_DIR!);
  const departments = new Map(Object.entries(urls).map(([name, url]) => [url, name]));
  const gateway = createGatewayRuntime({
    supergraph,
    transportEntries: Object.fromEntries(
      Object.entries(urls).map(([name, location]) => [
        name,
        // Its HTTP transport shares one subgraph answer among identical queries in flight, keyed
        // without the context the plugin signs afterwards: N callers' requests would reach the
        // department as one, under one caller's signature, authorised and audited once. Every
        // department request must carry its own caller, so that sharing is off; nothing else
        // departs from the defaults.
        { location, options: { deduplicateInflightRequests: false } },
      ]),
    ),
    plugins: () => [signingPlugin(secret, departments)],
    ...(process.env.HIVE_PLANNER === "rust" ? { unifiedGraphHandler } : {}),
  });
  const server = createServer(gateway.requestListener);
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", resolve));
  const service = process.env.HIVE_PLANNER === "rust" ? "hive-gateway-rust-planner" : "hive-gateway";
  process.send?.({ type: "listening", service, port: (server.address() as AddressInfo).port });
  // As the stock gateway's standalone server, it stops with the process: the bench sends SIGTERM.
  process.once("SIGTERM", () => {
    server.close();
    void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
