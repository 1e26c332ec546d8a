import {
  createLogger,
  listDeadLetters,
  loadBaseConfig,
  openSubgraphDatabase,
  replayDeadLetter,
} from "@onewindow/platform";
import { subgraphs } from "./subgraphs";

const USAGE = `usage:
  npm run dead-letters -- list                      events a department's handlers gave up on
  npm run dead-letters -- replay <event id> [...]   apply them again (after the fault is fixed)`;

/**
 * Operators' view of the dead-letter lists: every department's database, read directly (run
 * it where the services' DATA_DIR or DATABASE_URL points). A replay runs the department's
 * own handler, still at most once.
 */
async function main() {
  const [command, ...ids] = process.argv.slice(2);
  if (command !== "list" && command !== "replay") throw new Error(USAGE);
  if (command === "replay" && ids.length === 0) throw new Error(USAGE);
  const config = loadBaseConfig();
  const logger = createLogger("dead-letters", "warn");
  let found = 0;
  for (const { definition } of subgraphs) {
    if (!definition.eventHandlers) continue;
    const db = await openSubgraphDatabase(definition, config, logger);
    try {
      const letters = await listDeadLetters(db);
      for (const letter of letters) {
        if (command === "list") {
          console.log(
            `${definition.name}\t${letter.id}\t${letter.type}\t${letter.subject}\t${letter.attempts} attempts\t${letter.failedAt}\t${letter.error}`,
          );
          found++;
        } else if (ids.includes(letter.id)) {
          const outcome = await replayDeadLetter(
            db,
            letter.id,
            definition.eventHandlers(definition.createServices(db)),
          );
          console.log(`${definition.name}\t${letter.id}\t${outcome}`);
          found++;
        }
      }
    } finally {
      await db.destroy();
    }
  }
  if (found === 0) console.log(command === "list" ? "no dead letters" : "no dead letter with those ids");
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
