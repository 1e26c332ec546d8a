import { createLogger, loadBaseConfig, maintainSubgraph } from "@onewindow/platform";
import { subgraphs } from "./subgraphs";

/**
 * `npm run db:maintain`: the partition maintenance of every department's PostgreSQL database
 * (where DATABASE_URL points; as DATABASE_MIGRATION_URL's role when set, the tables' owner):
 * partitions for the current and coming periods, rows that waited in a default partition moved
 * into their own, outbox and inbox months older than EVENT_LOG_RETENTION_DAYS dropped (never one
 * holding an unpublished outbox row). Idempotent: run it daily, or as often as you like; each
 * department also runs it at start-up. SQLite keeps plain tables: nothing to do.
 */
async function main(): Promise<void> {
  const config = loadBaseConfig();
  if (!config.databaseUrl) {
    console.log("SQLite 使用普通表，无需维护分区 / SQLite keeps plain tables: nothing to maintain");
    return;
  }
  const logger = createLogger("db-maintain", "warn");
  console.log(
    `维护分区 / maintaining partitions (outbox and inbox kept ${config.events.logRetentionDays} days, EVENT_LOG_RETENTION_DAYS)`,
  );
  for (const { definition } of subgraphs) {
    const started = Date.now();
    const reports = await maintainSubgraph(
      definition,
      config,
      (line) => console.log(`${definition.name}: ${line}`),
      logger,
    ).catch((err: { code?: string }) => {
      // Its database was never made: the department's first start (or migrate step) makes it.
      if (err.code === "3D000") return undefined;
      throw err;
    });
    if (reports === undefined) {
      console.log(`${definition.name}: 数据库尚未创建 / no database yet (its first start creates it)`);
      continue;
    }
    const tables = reports?.length ?? 0;
    console.log(
      `${definition.name}: ${tables} partitioned table(s) checked in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

main().catch((err: unknown) => {
  console.error("分区维护失败 / partition maintenance failed:", err);
  process.exit(1);
});
