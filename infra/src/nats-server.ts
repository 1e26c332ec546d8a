import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

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

/**
 * Makes sure a NATS server with JetStream answers at `natsUrl`: uses one that is already
 * listening, or starts `nats-server -js` from the PATH with its storage under `dataDir`.
 * Without either, says how to get one; the services keep working and hold their events in
 * their outboxes until NATS is reachable.
 */
export async function ensureNatsServer(natsUrl: string, dataDir: string): Promise<NatsStatus> {
  const url = new URL(natsUrl.replace(/^nats:/, "http:"));
  const host = url.hostname;
  const port = Number(url.port || 4222);
  if (await isListening(host, port)) return { url: natsUrl, message: `NATS: using the server at ${natsUrl}` };
  const found = spawnSync("sh", ["-c", "command -v nats-server"], { encoding: "utf8" }).stdout.trim();
  if (!found) {
    return {
      url: natsUrl,
      message: `NATS: nothing listens at ${natsUrl} and no nats-server is on the PATH. Install one (Debian: apt-get install nats-server) or set NATS_URL; until then events wait in each department's outbox.`,
    };
  }
  const storeDir = path.join(dataDir, "nats");
  fs.mkdirSync(storeDir, { recursive: true });
  const child = spawn(found, ["-js", "-a", host, "-p", String(port), "-sd", storeDir], { stdio: ["ignore", "ignore", "pipe"] });
  for (let i = 0; i < 50; i++) {
    if (await isListening(host, port)) return { url: natsUrl, child, message: `NATS: started ${found} -js on ${natsUrl} (storage ${storeDir})` };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  return { url: natsUrl, message: `NATS: ${found} did not start on ${natsUrl}; events wait in the outboxes until NATS is reachable.` };
}
