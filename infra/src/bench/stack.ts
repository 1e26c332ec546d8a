import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gatewayNodeOptions } from "@onewindow/gateway";
import {
  departmentNodeOptions,
  devDepartmentKeyEnv,
  devProductionKeyEnv,
  ensureDevKeys,
  MAX_PERSON_READ_CAP,
} from "@onewindow/platform";
import { forkAndWait, stopChild, type Child } from "../stack/child-process";
import { subgraphs, supergraphPath } from "../subgraphs";
import type { PeerTarget } from "./queries";

/** A process of the bench stack, the port it reported over IPC and its GraphQL endpoint. */
export interface BenchProcess extends Child {
  url: string;
}

const benchProcess = (child: Child): BenchProcess => ({ ...child, url: `http://127.0.0.1:${child.port}/graphql` });
const START_TIMEOUT_MS = 120_000;

/** Everything `npm run bench` drives: the subgraphs, our gateway and the peers asked for. */
export interface BenchStack {
  /** Department name → its subgraph process. */
  subgraphs: Map<string, BenchProcess>;
  /** (a) OneWindow's gateway. */
  gateway: BenchProcess;
  /** The other gateways started: (b) stock @apollo/gateway, (d) Hive Gateway, (e) Hive Gateway with the Rust planner. */
  peers: Map<PeerTarget, BenchProcess>;
  /** The DATA_DIR every process shares: its `keys/` sign tokens and internal contexts. */
  dataDir: string;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, "..", "..", "..");

/** V8 flags that make a process write a CPU profile named `name` into `dir` when it exits. */
const profileArgs = (dir: string | null, name: string) =>
  dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];

/** The program of each peer, and its environment beside the common one. */
const PEER_PROGRAMS: Record<PeerTarget, { name: string; main: string; env: Record<string, string> }> = {
  b: { name: "stock-gateway", main: "stock-gateway.js", env: {} },
  d: { name: "hive-gateway", main: "hive-gateway.js", env: {} },
  e: { name: "hive-gateway-rust-planner", main: "hive-gateway.js", env: { HIVE_PLANNER: "rust" } },
};

/**
 * Starts one of the other gateways on a free port of 127.0.0.1, over the subgraphs at
 * `subgraphUrls` (department name → URL), signing with the internal-context key of `dataDir`
 * (the file production mode names, which development mode also reads). With `profileDir`, it
 * writes a CPU profile `gateway-<target>.cpuprofile` there as it stops.
 */
export async function startPeerGateway(
  target: PeerTarget,
  options: { dataDir: string; subgraphUrls: Record<string, string>; profileDir?: string | null; timeoutMs?: number },
): Promise<BenchProcess> {
  const program = PEER_PROGRAMS[target];
  return benchProcess(
    await forkAndWait(
      program.name,
      path.join(__dirname, program.main),
      {
        NODE_ENV: "production",
        DATA_DIR: options.dataDir,
        INTERNAL_CONTEXT_SECRET_FILE: devProductionKeyEnv(options.dataDir).INTERNAL_CONTEXT_SECRET_FILE,
        PORT: "0",
        SUPERGRAPH_PATH: supergraphPath,
        SUBGRAPH_URLS: JSON.stringify(options.subgraphUrls),
        ...program.env,
      },
      {
        execArgv: profileArgs(options.profileDir ?? null, `gateway-${target}`),
        timeoutMs: options.timeoutMs ?? START_TIMEOUT_MS,
      },
    ),
  );
}

/**
 * Starts every department's subgraph on `databaseUrl` (an already seeded set), OneWindow's
 * gateway and the `peers` (default: the stock gateway alone), each as its own process on a free
 * port of 127.0.0.1, in production mode with warnings-only logs. With `profileDir`, every gateway
 * and every department write CPU profiles.
 */
export async function startBenchStack(
  databaseUrl: string,
  options: {
    gatewayEnv?: Record<string, string>;
    profileDir?: string | null;
    startTimeoutMs?: number;
    peers?: readonly PeerTarget[];
  } = {},
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
          // As every launcher starts it.
          { ...env, ...devDepartmentKeyEnv(dataDir, definition.name), NODE_OPTIONS: departmentNodeOptions() },
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
    // The gateways start together: each only reads the supergraph and listens.
    const gatewayStart = forkAndWait(
      "gateway",
      path.join(root, "gateway", "dist", "main.js"),
      {
        ...env,
        ...urlVars,
        // The load generator is one caller at hundreds of requests a second: no per-caller limit.
        GATEWAY_RATE_LIMIT: "10000000",
        // As every launcher starts it (the peers get Node's defaults).
        NODE_OPTIONS: gatewayNodeOptions(),
        ...options.gatewayEnv,
        GATEWAY_PORT: "0",
      },
      { execArgv: profileArgs(options.profileDir ?? null, "gateway-a"), timeoutMs: START_TIMEOUT_MS },
    ).then(benchProcess);
    const peerTargets = options.peers ?? ["b"];
    // Every start is waited for, so that a failed one leaves no other running.
    const settled = await Promise.allSettled([
      gatewayStart,
      ...peerTargets.map((target) =>
        startPeerGateway(target, { dataDir, subgraphUrls: urls, profileDir: options.profileDir }),
      ),
    ]);
    const ready = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    started.push(...ready);
    for (const s of settled) if (s.status === "rejected") throw s.reason;
    const [gateway, ...peerProcesses] = ready;
    const peers = new Map(peerTargets.map((target, i) => [target, peerProcesses[i]]));
    return {
      subgraphs: new Map(started.filter((p) => urls[p.name]).map((p) => [p.name, p])),
      gateway,
      peers,
      dataDir,
      // A process writes its CPU profile as it exits: a long run's takes more than the usual grace.
      stop: () =>
        Promise.all(started.map((child) => stopChild(child, options.profileDir ? 120_000 : undefined))).then(() =>
          fs.rmSync(dataDir, { recursive: true, force: true }),
        ),
    };
  } catch (err) {
    await Promise.all(started.map(stopChild));
    throw err;
  }
}
