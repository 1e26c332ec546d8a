import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gatewayNodeOptions } from "@onewindow/gateway";
import { devDepartmentKeyEnv, devProductionKeyEnv, ensureDevKeys, MAX_PERSON_READ_CAP } from "@onewindow/platform";
import { subgraphs, supergraphPath } from "../subgraphs";

/** A process of the bench stack and the port it reported over IPC. */
export interface BenchProcess {
  name: string;
  child: ChildProcess;
  port: number;
  url: string;
}

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

function forkAndWait(
  name: string,
  main: string,
  env: Record<string, string>,
  execArgv: string[] = [],
  timeoutMs = 120_000,
): Promise<BenchProcess> {
  const child = fork(main, [], {
    env: { ...process.env, ...env },
    execArgv,
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-8000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.on("message", (msg: { type?: string; port?: number }) => {
      if (msg?.type === "listening" && msg.port) {
        clearTimeout(timer);
        resolve({ name, child, port: msg.port, url: `http://127.0.0.1:${msg.port}/graphql` });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before listening:\n${stderr}`));
    });
  });
}

function stop(proc: BenchProcess): Promise<void> {
  const { child } = proc;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** V8 flags that make a process write a CPU profile named `name` into `dir` when it exits. */
const profileArgs = (dir: string | null, name: string) =>
  dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];

/**
 * Starts every department's subgraph on `databaseUrl` (an already seeded set), OneWindow's
 * gateway and the stock gateway, each as its own process on a free port of 127.0.0.1, in
 * production mode with warnings-only logs. With `profileDir`, both gateways write CPU profiles.
 */
export async function startBenchStack(
  databaseUrl: string,
  options: { gatewayEnv?: Record<string, string>; profileDir?: string | null } = {},
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
        forkAndWait(definition.name, path.join(dir, "dist", "main.js"), {
          ...env,
          ...devDepartmentKeyEnv(dataDir, definition.name),
        }),
      ),
    ))
      started.push(proc);
    const urls = Object.fromEntries(started.map((p) => [p.name, p.url]));
    const urlVars = Object.fromEntries(started.map((p) => [`${p.name.toUpperCase().replace(/-/g, "_")}_URL`, p.url]));
    const gateway = await forkAndWait(
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
      profileArgs(options.profileDir ?? null, "gateway-a"),
    );
    started.push(gateway);
    const stockGateway = await forkAndWait(
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
      profileArgs(options.profileDir ?? null, "gateway-b"),
    );
    started.push(stockGateway);
    return {
      subgraphs: new Map(started.filter((p) => urls[p.name]).map((p) => [p.name, p])),
      gateway,
      stockGateway,
      dataDir,
      stop: () => Promise.all(started.map(stop)).then(() => fs.rmSync(dataDir, { recursive: true, force: true })),
    };
  } catch (err) {
    await Promise.all(started.map(stop));
    throw err;
  }
}
