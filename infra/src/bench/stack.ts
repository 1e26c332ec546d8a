import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gatewayNodeOptions } from "@onewindow/gateway";
import { devDepartmentKeyEnv, devProductionKeyEnv, ensureDevKeys, MAX_PERSON_READ_CAP } from "@onewindow/platform";
import { forkAndWait, stopChild, type Child } from "../stack/child-process";
import { subgraphs, supergraphPath } from "../subgraphs";

/** A process of the bench stack, the port it reported over IPC and its GraphQL endpoint. */
export interface BenchProcess extends Child {
  url: string;
}

const benchProcess = (child: Child): BenchProcess => ({ ...child, url: `http://127.0.0.1:${child.port}/graphql` });
const START_TIMEOUT_MS = 120_000;

/** Everything `npm run bench` drives: the subgraphs and both gateways. */
export interface BenchStack {
  /** Department name → its subgraph process. */
  subgraphs: Map<string, BenchProcess>;
  /** (a) OneWindow's gateway. */
  gateway: BenchProcess;
  /** (b) the stock @apollo/gateway. */
  stockGateway: BenchProcess;
  /** The DATA_DIR every process shares: its `keys/` sign tokens and internal contexts. */
  dataDir: string;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, "..", "..", "..");

/** V8 flags that make a process write a CPU profile named `name` into `dir` when it exits. */
const profileArgs = (dir: string | null, name: string) =>
  dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];

/**
 * Starts every department's subgraph on `databaseUrl` (an already seeded set), OneWindow's
 * gateway and the stock gateway, each as its own process on a free port of 127.0.0.1, in
 * production mode with warnings-only logs. With `profileDir`, both gateways and every department
 * write CPU profiles.
 */
export async function startBenchStack(
  databaseUrl: string,
  options: { gatewayEnv?: Record<string, string>; profileDir?: string | null; startTimeoutMs?: number } = {},
): Promise<BenchStack> {
  // Production mode, with development keys made for this run (production reads them from files too).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-bench-"));
  ensureDevKeys(dataDir);
  const env = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PORT: "0",
    METRICS_PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    SEED: "none",
    // The load generator is one clerk paging through every citizen: as for the gateway's rate
    // limit, the cap on persons read per hour is raised to the most it may be, not switched off.
    PERSON_READ_CAPS: `window_clerk=${MAX_PERSON_READ_CAP}`,
    ...devProductionKeyEnv(dataDir),
  };
  const started: BenchProcess[] = [];
  try {
    for (const proc of await Promise.all(
      subgraphs.map(({ definition, dir }) =>
        forkAndWait(
          definition.name,
          path.join(dir, "dist", "main.js"),
          { ...env, ...devDepartmentKeyEnv(dataDir, definition.name) },
          // A migration over a large data set (the centres bench's roll-up) may take minutes.
          {
            execArgv: profileArgs(options.profileDir ?? null, definition.name),
            timeoutMs: options.startTimeoutMs ?? START_TIMEOUT_MS,
          },
        ).then(benchProcess),
      ),
    ))
      started.push(proc);
    const urls = Object.fromEntries(started.map((p) => [p.name, p.url]));
    const urlVars = Object.fromEntries(started.map((p) => [`${p.name.toUpperCase().replace(/-/g, "_")}_URL`, p.url]));
    const gateway = benchProcess(
      await forkAndWait(
        "gateway",
        path.join(root, "gateway", "dist", "main.js"),
        {
          ...env,
          ...urlVars,
          // The load generator is one caller at hundreds of requests a second: no per-caller limit.
          GATEWAY_RATE_LIMIT: "10000000",
          // As every launcher starts it (the stock gateway gets Node's defaults).
          NODE_OPTIONS: gatewayNodeOptions(),
          ...options.gatewayEnv,
          GATEWAY_PORT: "0",
        },
        { execArgv: profileArgs(options.profileDir ?? null, "gateway-a"), timeoutMs: START_TIMEOUT_MS },
      ),
    );
    started.push(gateway);
    const stockGateway = benchProcess(
      await forkAndWait(
        "stock-gateway",
        path.join(__dirname, "stock-gateway.js"),
        {
          NODE_ENV: "production",
          DATA_DIR: dataDir,
          INTERNAL_CONTEXT_PRIVATE_KEY_FILE: devProductionKeyEnv(dataDir).INTERNAL_CONTEXT_PRIVATE_KEY_FILE,
          PORT: "0",
          SUPERGRAPH_PATH: supergraphPath,
          SUBGRAPH_URLS: JSON.stringify(urls),
        },
        { execArgv: profileArgs(options.profileDir ?? null, "gateway-b"), timeoutMs: START_TIMEOUT_MS },
      ),
    );
    started.push(stockGateway);
    return {
      subgraphs: new Map(started.filter((p) => urls[p.name]).map((p) => [p.name, p])),
      gateway,
      stockGateway,
      dataDir,
      stop: () => Promise.all(started.map(stopChild)).then(() => fs.rmSync(dataDir, { recursive: true, force: true })),
    };
  } catch (err) {
    await Promise.all(started.map(stopChild));
    throw err;
  }
}
