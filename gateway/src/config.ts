import fs from "node:fs";
import path from "node:path";
import { ConfigError, loadBaseConfig, readPort, readUrl, type BaseConfig } from "@onewindow/shared";

/** The gateway's settings, validated at start-up. */
export interface GatewayConfig extends BaseConfig {
  port: number;
  /** The composed supergraph the gateway serves (built by `npm run compose`). */
  supergraphSdl: string;
  /** Department name → the URL the gateway calls: the supergraph's, or `<NAME>_URL` when set. */
  subgraphUrls: Map<string, string>;
  /**
   * How the gateway calls departments: `pool` (default), a keep-alive undici pool per
   * department; `fetch`, the global fetch (kept to measure against; see BENCHMARKS.md).
   */
  subgraphClient: "pool" | "fetch";
  /** Connections per department pool (`GATEWAY_SUBGRAPH_CONNECTIONS`, default 16). */
  subgraphConnections: number;
}

function readCount(env: Record<string, string | undefined>, variable: string, fallback: number, max: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new ConfigError(variable, `must be a whole number 1-${max}, got "${raw}"`);
  return Number(raw);
}

/** `labor-security` → `LABOR_SECURITY_URL`. */
export function urlVariable(subgraph: string): string {
  return `${subgraph.toUpperCase().replace(/-/g, "_")}_URL`;
}

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const supergraphPath = env.SUPERGRAPH_PATH || path.join(__dirname, "..", "supergraph.graphql");
  let supergraphSdl: string;
  try {
    supergraphSdl = fs.readFileSync(supergraphPath, "utf8");
  } catch {
    throw new ConfigError("SUPERGRAPH_PATH", `names no readable file (${supergraphPath}); run npm run compose`);
  }
  const subgraphUrls = new Map<string, string>();
  for (const m of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) {
    subgraphUrls.set(m[1], readUrl(env, urlVariable(m[1]), m[2]));
  }
  const subgraphClient = env.GATEWAY_SUBGRAPH_CLIENT || "pool";
  if (subgraphClient !== "pool" && subgraphClient !== "fetch") {
    throw new ConfigError("GATEWAY_SUBGRAPH_CLIENT", `must be pool or fetch, got "${subgraphClient}"`);
  }
  return {
    ...loadBaseConfig(env),
    port: readPort(env, "GATEWAY_PORT", 4000),
    supergraphSdl,
    subgraphUrls,
    subgraphClient,
    subgraphConnections: readCount(env, "GATEWAY_SUBGRAPH_CONNECTIONS", 16, 1024),
  };
}
