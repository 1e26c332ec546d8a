import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { connect } from "nats";
import { ensureDevKeys, loadBaseConfig, readInt } from "@onewindow/platform";
import { devNatsAdmin } from "./nats-config";
import { isListening, natsUrlOf, writeNatsClusterConfigs } from "./nats-server";

/**
 * `npm run cluster:nats`: three local nats-server processes as one JetStream cluster,
 * each with the users and permissions `npm start` gives its single server, client ports
 * `NATS_CLUSTER_PORT`, +1, +2 (4231 by default: 4222 stays the single server's), cluster ports
 * 2000 above them and a store each under `DATA_DIR/nats/cluster/`. Prints the `NATS_URL` that
 * names all three, and stops them on Ctrl-C.
 */
async function main() {
  const config = loadBaseConfig(process.env);
  const host = "127.0.0.1";
  const base = readInt(process.env, "NATS_CLUSTER_PORT", 4231, 1024, 63_000);
  const ports = [base, base + 1, base + 2];
  const binary = spawnSync("sh", ["-c", "command -v nats-server"], { encoding: "utf8" }).stdout.trim();
  if (!binary) throw new Error("no nats-server on the PATH (Debian: apt-get install nats-server)");
  for (const port of [...ports, ...ports.map((p) => p + 2000)])
    if (await isListening(host, port)) throw new Error(`port ${port} is taken; set NATS_CLUSTER_PORT to another`);
  ensureDevKeys(config.dataDir);
  const nodes = writeNatsClusterConfigs(config.dataDir, {
    host,
    ports,
    clusterPorts: ports.map((p) => p + 2000),
    prefix: config.events.prefix,
    storeRoot: path.join(config.dataDir, "nats", "cluster"),
  });
  const children: ChildProcess[] = nodes.map((node) => {
    const child = spawn(binary, ["-c", node.configFile], { stdio: ["ignore", "ignore", "pipe"] });
    child.stderr!.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) console.error(`[${node.serverName}] ${line}`);
    });
    child.once("exit", (code, signal) => {
      if (!stopping) console.error(`[${node.serverName}] exited (${signal ?? code})`);
    });
    return child;
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  const url = natsUrlOf(host, ports);
  await waitForJetStream(url, config.dataDir);
  console.log(
    `NATS cluster of ${nodes.length} (JetStream, a user per department), storage under ${path.dirname(nodes[0].storeDir)}`,
  );
  for (const node of nodes)
    console.log(`  ${node.serverName}: nats://${host}:${node.port} (routes on ${node.clusterPort})`);
  console.log(`NATS_URL=${url}`);
  console.log("Ctrl-C stops all three.");
}

/** Waits until the cluster has elected its JetStream meta leader: streams can be created. */
async function waitForJetStream(url: string, dataDir: string): Promise<void> {
  const { user, pass } = devNatsAdmin(dataDir);
  for (let i = 0; ; i++) {
    const nc = await connect({ servers: url.split(","), user, pass, timeout: 2000 }).catch(() => null);
    const ready = await nc
      ?.jetstreamManager({ timeout: 2000 })
      .then((jsm) => jsm.getAccountInfo())
      .then(() => true)
      .catch(() => false);
    await nc?.close();
    if (ready) return;
    if (i === 60) throw new Error("the cluster did not elect a JetStream leader within a minute");
    await new Promise((r) => setTimeout(r, 1000));
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
