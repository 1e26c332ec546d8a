import path from "node:path";
import { demoPerson } from "@onewindow/contracts/demo";
import { gatewayNodeOptions, issueDevToken } from "@onewindow/gateway";
import {
  createLogger,
  departmentNodeOptions,
  ensureDevKeys,
  loadBaseConfig,
  metricsPortOf,
  readPort,
  today,
} from "@onewindow/platform";
import { startDevOutbox, type DevOutbox } from "./dev-outbox";
import { ensureNatsServer } from "./nats-server";
import { isEmpty, seedAll } from "./seed/seed-all";
import { DEMO_SIZE } from "./seed/seed-size";
import { subgraphs } from "./subgraphs";
import { Supervised } from "./supervisor";

const root = path.resolve(__dirname, "..", "..");

/**
 * `npm start`: NATS if needed, demo data into an empty DATA_DIR, every department's subgraph
 * and the gateway as separate processes, each restarted with back-off if it dies; prints where
 * to go. Ctrl-C stops everything.
 */
async function main() {
  const config = loadBaseConfig();
  const logger = createLogger("launcher", config.logLevel);
  const gatewayPort = readPort(process.env, "GATEWAY_PORT", 4000);
  // Development keys (token secret, internal-context key pair, event keys, NATS passwords)
  // before any process, nats-server included, needs them.
  if (config.nodeEnv !== "production") ensureDevKeys(config.dataDir);
  const nats = await ensureNatsServer(config.natsUrl, config.dataDir, config.events.prefix);
  console.log(nats.message);

  if ((process.env.SEED ?? "demo") === "demo" && (await isEmpty(config, logger))) {
    console.log(`Seeding the demo data set into ${config.databaseUrl ? "PostgreSQL" : config.dataDir} ...`);
    await seedAll(config, logger, DEMO_SIZE);
  }

  // Development: a local SMS provider and mail server for notifications, and the page showing what arrived.
  const outbox: DevOutbox | null = config.nodeEnv !== "production" ? await startDevOutbox() : null;

  const processes: Supervised[] = [];
  let stopping = false;
  const stopAll = () => {
    if (stopping) return;
    stopping = true;
    // The gateway first, then the departments, then our own NATS server.
    Promise.all(processes.reverse().map((p) => p.stop()))
      .then(() => outbox?.close())
      .then(() => {
        const server = nats.child;
        if (!server || server.exitCode !== null || server.signalCode !== null) return;
        return new Promise((resolve) => {
          server.once("exit", resolve);
          server.kill("SIGTERM");
        });
      })
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error("停止时出错 / error while stopping:", err);
          process.exit(1);
        },
      );
    setTimeout(() => process.exit(0), 12_000).unref();
  };
  process.on("SIGINT", stopAll);
  process.on("SIGTERM", stopAll);

  const urls: Record<string, string> = {};
  await Promise.all(
    subgraphs.map(async ({ definition, dir }) => {
      const env = {
        PORT: String(definition.defaultPort),
        METRICS_PORT: String(metricsPortOf(definition.defaultPort)),
        NODE_OPTIONS: departmentNodeOptions(),
        ...(definition.name === "notifications" ? outbox?.env : {}),
      };
      const supervised = new Supervised(definition.name, path.join(dir, "dist", "main.js"), env, logger);
      processes.push(supervised);
      await supervised.start();
      urls[definition.name] = `http://127.0.0.1:${definition.defaultPort}/graphql`;
    }),
  );
  const gateway = new Supervised(
    "gateway",
    path.join(root, "gateway", "dist", "main.js"),
    {
      GATEWAY_PORT: String(gatewayPort),
      METRICS_PORT: process.env.METRICS_PORT || String(metricsPortOf(4000)),
      NODE_OPTIONS: gatewayNodeOptions(),
    },
    logger,
  );
  processes.push(gateway);
  await gateway.start();

  let i = 0;
  while (demoPerson(i, DEMO_SIZE.employers, today()).status !== "EMPLOYED") i++;
  const someone = demoPerson(i, DEMO_SIZE.employers, today());
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  const clerk = await issueDevToken(config.dataDir, { roles: ["window_clerk"], user: "clerk-01" });
  console.log(`
OneWindow is running.

  gateway            ${gatewayUrl}   (POST GraphQL; health /healthz, /readyz; metrics http://127.0.0.1:${metricsPortOf(4000)}/metrics)
${subgraphs.map(({ definition }) => `  ${definition.name.padEnd(18)} ${urls[definition.name]}   (metrics :${metricsPortOf(definition.defaultPort)})`).join("\n")}

Every process listens on 127.0.0.1 only (HOST changes it) and is restarted if it stops.
${outbox ? `\n  outbox             ${outbox.pageUrl}   (SMS and e-mail that notifications sent to the local simulator and SMTP sink)\n` : ""}
Try, as a window clerk (a development token, valid 8 hours; npm run token -- --role ROLE makes others):
  TOKEN=${clerk}

  curl -s ${gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -H 'x-access-purpose: walk-in enquiry' \\
    -d '{"query":"{ citizen(idNumber: \\"${someone.idNumber}\\") { name gender birthDate employment { employer { name } } } }"}'

  curl -s ${gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -H 'x-access-purpose: 4050 outreach' \\
    -d '{"query":"{ citizens(filter: { assistanceCategory: FORTY_FIFTY }, first: 5) { totalCount edges { node { name community } } } }"}'

Anonymous callers see the public parts: the service guide, the job board, hospital names.

  curl -s ${gatewayUrl} -H 'content-type: application/json' \\
    -d '{"query":"{ jobPostings(filter: { openOnly: true }, first: 5) { totalCount edges { node { title salaryMin salaryMax employer { name } } } } }"}'

Ctrl-C stops everything.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
