import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { writeDevNatsConfig } from "../nats-config";
import { writeNatsClusterConfigs } from "../nats-server";

/** A free TCP port on loopback (bound and released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, up: boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port });
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open === up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`port ${port} did not become ${up ? "open" : "closed"}`);
}

/**
 * A nats-server with JetStream of a test's own, so that the test may stop and restart it
 * (an outage) without disturbing anything else. Its store survives a restart. Given a
 * `DATA_DIR` and a subject prefix, it runs with the configuration `npm start` generates from
 * that directory's keys: a user per department with its permissions, and the admin.
 */
export class PrivateNatsServer {
  private process: ChildProcess | null = null;
  private configFile: string | null = null;

  private constructor(
    readonly port: number,
    /** The server's name in its cluster (`n1`, ...), if it is a node of one. */
    readonly serverName?: string,
    private readonly storeDir = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-nats-")),
  ) {}

  /**
   * `size` nats-servers as one JetStream cluster, with the configuration `npm run cluster:nats`
   * generates from the `DATA_DIR`'s keys: each node may be halted and resumed on its own.
   */
  static async startCluster(auth: { dataDir: string; prefix: string }, size = 3): Promise<PrivateNatsServer[]> {
    const ports: number[] = [];
    const clusterPorts: number[] = [];
    for (let i = 0; i < size; i++) {
      ports.push(await freePort());
      clusterPorts.push(await freePort());
    }
    const plans = writeNatsClusterConfigs(auth.dataDir, {
      host: "127.0.0.1",
      ports,
      clusterPorts,
      prefix: auth.prefix,
      storeRoot: fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-nats-cluster-")),
    });
    const nodes = plans.map((plan) => {
      const node = new PrivateNatsServer(plan.port, plan.serverName, plan.storeDir);
      node.configFile = plan.configFile;
      return node;
    });
    await Promise.all(nodes.map((node) => node.resume()));
    return nodes;
  }

  static async start(auth?: { dataDir: string; prefix: string }): Promise<PrivateNatsServer> {
    const server = new PrivateNatsServer(await freePort());
    if (auth)
      server.configFile = writeDevNatsConfig(auth.dataDir, {
        host: "127.0.0.1",
        port: server.port,
        prefix: auth.prefix,
        storeDir: server.storeDir,
      });
    await server.resume();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts (again) on the same port and store. */
  async resume(): Promise<void> {
    const args = this.configFile
      ? ["-c", this.configFile]
      : ["-js", "-a", "127.0.0.1", "-p", String(this.port), "-sd", this.storeDir];
    this.process = spawn("nats-server", args, { stdio: "ignore" });
    this.process.once("error", () => undefined);
    await waitForPort(this.port, true);
  }

  /** Stops the server (an outage; `SIGKILL`: a crash); the store is kept. */
  async halt(signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill(signal);
    });
    await waitForPort(this.port, false);
  }

  async dispose(): Promise<void> {
    await this.halt();
    fs.rmSync(this.storeDir, { recursive: true, force: true });
    // A node's store is one of its cluster's directory, which goes with the last node.
    if (this.serverName) fs.rm(path.dirname(this.storeDir), { recursive: false }, () => undefined);
  }
}
