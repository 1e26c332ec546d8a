import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { connect } from "nats";

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
 * (an outage) without disturbing anything else. Its store survives a restart.
 */
export class PrivateNatsServer {
  private process: ChildProcess | null = null;
  private readonly storeDir = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-nats-"));

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateNatsServer> {
    const server = new PrivateNatsServer(await freePort());
    await server.resume();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts (again) on the same port and store. */
  async resume(): Promise<void> {
    this.process = spawn("nats-server", ["-js", "-a", "127.0.0.1", "-p", String(this.port), "-sd", this.storeDir], { stdio: "ignore" });
    this.process.once("error", () => undefined);
    await waitForPort(this.port, true);
  }

  /** Stops the server (an outage); the store is kept. */
  async halt(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
    await waitForPort(this.port, false);
  }

  async dispose(): Promise<void> {
    await this.halt();
    fs.rmSync(this.storeDir, { recursive: true, force: true });
  }
}

/** Deletes the JetStream streams a test stack created under its subject prefix. */
export async function deleteStreams(url: string, prefix: string): Promise<void> {
  const nc = await connect({ servers: url, timeout: 2000 }).catch(() => null);
  if (!nc) return;
  try {
    const jsm = await nc.jetstreamManager();
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(`${prefix.toUpperCase()}_`)) await jsm.streams.delete(stream.config.name);
    }
  } finally {
    await nc.close();
  }
}
