import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { connect } from "nats";
import { writeDevNatsConfig } from "./nats-config";

/** The `NATS_URL` of servers on `host`: every client URL, comma-separated, so that a client fails over. */
export function natsUrlOf(host: string, ports: number[]): string {
  return ports.map((port) => `nats://${host}:${port}`).join(",");
}

/** One node of a cluster {@link writeNatsClusterConfigs} planned. */
export interface NatsClusterNodePlan {
  serverName: string;
  port: number;
  clusterPort: number;
  storeDir: string;
  configFile: string;
}

/**
 * Writes the configuration of each node of a JetStream cluster on one host: the development
 * configuration a single server gets (the same users and permissions, from `DATA_DIR/keys/nats`),
 * with client port, cluster port and store of its own (`storeRoot/<name>`) and routes to every node.
 */
export function writeNatsClusterConfigs(
  dataDir: string,
  options: {
    host: string;
    ports: number[];
    clusterPorts: number[];
    prefix: string;
    storeRoot: string;
    clusterName?: string;
  },
): NatsClusterNodePlan[] {
  if (options.ports.length !== options.clusterPorts.length) throw new Error("a client and a cluster port per node");
  const routes = options.clusterPorts.map((p) => `nats-route://${options.host}:${p}`);
  return options.ports.map((port, i) => {
    const serverName = `n${i + 1}`;
    const storeDir = path.join(options.storeRoot, serverName);
    fs.mkdirSync(storeDir, { recursive: true });
    const configFile = writeDevNatsConfig(dataDir, {
      host: options.host,
      port,
      prefix: options.prefix,
      storeDir,
      cluster: {
        serverName,
        clusterName: options.clusterName ?? "onewindow",
        clusterListen: `${options.host}:${options.clusterPorts[i]}`,
        routes,
      },
    });
    return { serverName, port, clusterPort: options.clusterPorts[i], storeDir, configFile };
  });
}

/** True when something accepts TCP connections at host:port within `timeoutMs`. */
export function isListening(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** The outcome of {@link ensureNatsServer}, for the launcher to report. */
export interface NatsStatus {
  url: string;
  /** The nats-server we started (stopped with the launcher), if we had to. */
  child?: ChildProcess;
  message: string;
}

/** True when the NATS server at `natsUrl` lets a client in without credentials. */
async function acceptsAnyone(natsUrl: string): Promise<boolean> {
  const nc = await connect({ servers: natsUrl, timeout: 2000, reconnect: false }).catch(() => null);
  await nc?.close();
  return nc !== null;
}

/**
 * Makes sure a NATS server with JetStream answers at `natsUrl`: uses one that is already
 * listening, or starts `nats-server` from the PATH with the configuration generated into
 * `DATA_DIR/nats/nats-server.conf` (a user per department with its permissions, passwords from
 * `DATA_DIR/keys/nats`) and its storage under `dataDir`. A server already listening that lets
 * anyone in is used, with a warning: events stay signed and verified, but anyone who reaches it
 * may publish, read and delete streams. Without a server, says how to get one; the services keep
 * working and hold their events in their outboxes until NATS is reachable.
 */
export async function ensureNatsServer(natsUrl: string, dataDir: string, prefix = "onewindow"): Promise<NatsStatus> {
  // Several servers are a cluster someone runs (`npm run cluster:nats`): used as it is.
  if (natsUrl.includes(","))
    return {
      url: natsUrl,
      message: `NATS: using the cluster at ${natsUrl} (its clients fail over between its servers)`,
    };
  const url = new URL(natsUrl.replace(/^nats:/, "http:"));
  const host = url.hostname;
  const port = Number(url.port || 4222);
  if (await isListening(host, port)) {
    if (!(await acceptsAnyone(natsUrl)))
      return { url: natsUrl, message: `NATS: using the server at ${natsUrl} (it requires credentials)` };
    return {
      url: natsUrl,
      message:
        `NATS: using the server at ${natsUrl}, which lets anyone in. Forged events are still refused (every envelope is signed), ` +
        `but anyone who reaches it may publish, read or delete streams. Stop it to let npm start run one with a user per department, or set NATS_URL.`,
    };
  }
  const found = spawnSync("sh", ["-c", "command -v nats-server"], { encoding: "utf8" }).stdout.trim();
  if (!found) {
    return {
      url: natsUrl,
      message: `NATS: nothing listens at ${natsUrl} and no nats-server is on the PATH. Install one (Debian: apt-get install nats-server) or set NATS_URL; until then events wait in each department's outbox.`,
    };
  }
  const storeDir = path.join(dataDir, "nats");
  fs.mkdirSync(storeDir, { recursive: true });
  const config = writeDevNatsConfig(dataDir, { host, port, prefix, storeDir });
  const child = spawn(found, ["-c", config], { stdio: ["ignore", "ignore", "pipe"] });
  for (let i = 0; i < 50; i++) {
    if (await isListening(host, port))
      return {
        url: natsUrl,
        child,
        message: `NATS: started ${found} -c ${config} on ${natsUrl} (a user per department; storage ${storeDir})`,
      };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  return {
    url: natsUrl,
    message: `NATS: ${found} did not start on ${natsUrl}; events wait in the outboxes until NATS is reachable.`,
  };
}
