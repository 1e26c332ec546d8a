import {
  AuditTrail,
  createLogger,
  loadAuditVerifyKey,
  loadBaseConfig,
  natsServers,
  openSubgraphDatabase,
} from "@onewindow/platform";
import { readPublishedHeads } from "@onewindow/platform/nats";
import { connect } from "nats";
import { subgraphs } from "./subgraphs";

/** `AUDIT_VERIFY_KEY_LABOR_SECURITY` (or `_FILE`) → `AUDIT_VERIFY_KEY` for that department. */
function verifyEnv(department: string): Record<string, string | undefined> {
  const suffix = department.toUpperCase().replace(/-/g, "_");
  return {
    AUDIT_VERIFY_KEY: process.env[`AUDIT_VERIFY_KEY_${suffix}`],
    AUDIT_VERIFY_KEY_FILE: process.env[`AUDIT_VERIFY_KEY_${suffix}_FILE`],
  };
}

/**
 * `npm run audit:verify`: re-computes every department's audit chain from its database (where
 * DATA_DIR or DATABASE_URL points) and checks it against the heads the department signed and
 * published to NATS (NATS_URL, EVENTS_PREFIX), with each department's public audit key
 * (`AUDIT_VERIFY_KEY_<DEPARTMENT>`, else `DATA_DIR/keys/<department>.audit.public.pem`). Prints
 * the first broken row of each; exit code 1 when any chain is broken. The same check as the
 * `verifyAuditTrail` query, without the services.
 */
async function main(): Promise<number> {
  const config = loadBaseConfig();
  const logger = createLogger("audit-verify", "warn");
  const nc = await connect({ servers: natsServers(config.natsUrl), name: "audit-verify", timeout: 5000 });
  const js = nc.jetstream();
  const jsm = await nc.jetstreamManager();
  let broken = 0;
  try {
    for (const { definition } of subgraphs) {
      const db = await openSubgraphDatabase(definition, config, logger);
      try {
        const trail = new AuditTrail(db, {
          department: definition.name,
          verifyKey: loadAuditVerifyKey(verifyEnv(definition.name), config.dataDir, definition.name),
          publishedHeads: () => readPublishedHeads(js, jsm, config.events.prefix, definition.name),
        });
        const check = await trail.verify();
        if (check.ok)
          console.log(`${definition.name}\tok\t${check.checked} rows, signed up to row ${check.signedHead}`);
        else {
          broken++;
          console.log(`${definition.name}\tBROKEN at row ${check.brokenAt ?? "-"}\t${check.reason}`);
        }
      } finally {
        await db.destroy();
      }
    }
  } finally {
    await nc.close();
  }
  return broken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error((err as Error).message);
    process.exit(2);
  },
);
