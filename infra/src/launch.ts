import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { gatewayNodeOptions, issueDevToken } from "@onewindow/gateway";
import { createLogger, ensureDevKeys, loadBaseConfig, readPort, today } from "@onewindow/shared";
import { ensureNatsServer } from "./nats-server";
import { demoPerson } from "./seed/demo-people";
import { isEmpty, seedAll } from "./seed/seed-all";
import { DEMO_SIZE } from "./seed/seed-size";
import { subgraphs } from "./subgraphs";

const root = path.resolve(__dirname, "..", "..");

function start(name: string, main: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(main, [], { env: { ...process.env, ...env }, stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`${name} exited with code ${code} while starting`)));
  });
}

/**
 * `npm start`: NATS if needed, demo data into an empty DATA_DIR, every department's subgraph
 * and the gateway as separate processes; prints where to go. Ctrl-C stops everything.
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

  const children: ChildProcess[] = nats.child ? [nats.child] : [];
  let stopping = false;
  const stopAll = () => {
    if (stopping) return;
    stopping = true;
    for (const child of children.reverse()) child.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGINT", stopAll);
  process.on("SIGTERM", stopAll);

  const urls: Record<string, string> = {};
  await Promise.all(
    subgraphs.map(async ({ definition, dir }) => {
      const child = await start(definition.name, path.join(dir, "dist", "main.js"), { PORT: String(definition.defaultPort) });
      children.push(child);
      urls[definition.name] = `http://127.0.0.1:${definition.defaultPort}/graphql`;
      child.on("exit", (code) => !stopping && console.error(`${definition.name} stopped (code ${code}); the gateway answers without it`));
    }),
  );
  children.push(await start("gateway", path.join(root, "gateway", "dist", "main.js"), { GATEWAY_PORT: String(gatewayPort), NODE_OPTIONS: gatewayNodeOptions() }));

  let i = 0;
  while (demoPerson(i, DEMO_SIZE.employers, today()).status !== "EMPLOYED") i++;
  const someone = demoPerson(i, DEMO_SIZE.employers, today());
  const gateway = `http://127.0.0.1:${gatewayPort}/graphql`;
  const clerk = await issueDevToken(config.dataDir, { roles: ["window_clerk"], user: "clerk-01" });
  console.log(`
OneWindow is running.

  gateway            ${gateway}   (POST GraphQL; health /healthz, /readyz, metrics /metrics)
${subgraphs.map(({ definition }) => `  ${definition.name.padEnd(18)} ${urls[definition.name]}`).join("\n")}

Try, as a window clerk (a development token, valid 8 hours; npm run token -- --role ROLE makes others):
  TOKEN=${clerk}

  curl -s ${gateway} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -H 'x-access-purpose: walk-in enquiry' \\
    -d '{"query":"{ citizen(idNumber: \\"${someone.idNumber}\\") { name gender birthDate employment { employer { name } } } }"}'

  curl -s ${gateway} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -H 'x-access-purpose: 4050 outreach' \\
    -d '{"query":"{ citizens(filter: { assistanceCategory: FORTY_FIFTY }, first: 5) { totalCount edges { node { name community } } } }"}'

Anonymous callers see the public parts: the service guide, the job board, hospital names.

  curl -s ${gateway} -H 'content-type: application/json' \\
    -d '{"query":"{ jobPostings(filter: { openOnly: true }, first: 5) { totalCount edges { node { title salaryMin salaryMax employer { name } } } } }"}'

Ctrl-C stops everything.`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
