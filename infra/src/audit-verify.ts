import { AuditTrail, createLogger, loadBaseConfig, openSubgraphDatabase } from "@onewindow/shared";
import { subgraphs } from "./subgraphs";

/**
 * `npm run audit:verify`: re-computes every department's audit chain from its database (where
 * DATA_DIR or DATABASE_URL points) and prints the first broken row of each; exit code 1 when
 * any chain is broken. The same check as the `verifyAuditTrail` query, without the services.
 */
async function main(): Promise<number> {
  const config = loadBaseConfig();
  const logger = createLogger("audit-verify", "warn");
  let broken = 0;
  for (const { definition } of subgraphs) {
    const db = await openSubgraphDatabase(definition, config, logger);
    try {
      const check = await new AuditTrail(db).verify();
      if (check.ok) console.log(`${definition.name}\tok\t${check.checked} rows`);
      else {
        broken++;
        console.log(`${definition.name}\tBROKEN at row ${check.brokenAt}\t${check.reason}`);
      }
    } finally {
      await db.destroy();
    }
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
