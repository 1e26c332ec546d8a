import type { DataSource } from "typeorm";

/** How wide one partition of a table is. */
export type PartitionInterval = "month" | "year";

/**
 * A table that PostgreSQL keeps range-partitioned by a date (SQLite, the embedded default, keeps
 * it plain): see docs/adr/0011-postgresql-partitions.md for the layout and why.
 */
export interface PartitionedTable {
  table: string;
  /**
   * The range key: a `date` column, or a text column of ISO-8601 UTC instants
   * (`2026-11-26T08:00:00.000Z`, compared byte by byte: the conversion gives it the "C" collation).
   */
  column: string;
  interval: PartitionInterval;
  /**
   * When set, partitions wholly older than the retention (`EVENT_LOG_RETENTION_DAYS`) are dropped
   * by the maintenance job; `keepWhile` is the condition of a row that must never be dropped
   * (`sent_at IS NULL`: an outbox row not yet published): a partition holding one is kept.
   */
  expires?: { keepWhile?: string };
}

/** Partitions kept created ahead of today, so the inserts of the coming periods never wait for the job. */
const AHEAD: Record<PartitionInterval, number> = { month: 3, year: 1 };

/** What both a migration's query runner and a data source offer. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The first day (UTC) of the period of `interval` that holds `day` (`YYYY-MM-DD`). */
export function periodStart(day: string, interval: PartitionInterval): string {
  return interval === "year" ? `${day.slice(0, 4)}-01-01` : `${day.slice(0, 7)}-01`;
}

/** The first day of the period after the one starting on `start`, `steps` periods on. */
export function nextPeriod(start: string, interval: PartitionInterval, steps = 1): string {
  const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  if (interval === "year") return `${String(y + steps).padStart(4, "0")}-01-01`;
  const months = y * 12 + (m - 1) + steps;
  return `${String(Math.floor(months / 12)).padStart(4, "0")}-${String((months % 12) + 1).padStart(2, "0")}-01`;
}

/** `outpatient_visit_y2011`, `outbox_event_m202611`: the partition of the period starting on `start`. */
export function partitionName(spec: PartitionedTable, start: string): string {
  return spec.interval === "year"
    ? `${spec.table}_y${start.slice(0, 4)}`
    : `${spec.table}_m${start.slice(0, 4)}${start.slice(5, 7)}`;
}

/** The catch-all partition: rows of a period that has no partition yet wait there for the job. */
export function defaultPartitionName(spec: PartitionedTable): string {
  return `${spec.table}_default`;
}

async function rows<T>(sql: SqlRunner, text: string, parameters?: unknown[]): Promise<T[]> {
  return (await sql.query(text, parameters)) as T[];
}

/** True when `table` is a partitioned table on this PostgreSQL database. */
export async function isPartitioned(sql: SqlRunner, table: string): Promise<boolean> {
  const [row] = await rows<{ kind: string }>(sql, "SELECT relkind AS kind FROM pg_class WHERE oid = to_regclass($1)", [
    `public.${table}`,
  ]);
  return row?.kind === "p";
}

/** The partitions `table` has, by the first day of their period (the default one apart). */
async function partitionsOf(sql: SqlRunner, spec: PartitionedTable): Promise<{ periods: Map<string, string> }> {
  const found = await rows<{ name: string }>(
    sql,
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = to_regclass($1)`,
    [`public.${spec.table}`],
  );
  const periods = new Map<string, string>();
  const pattern = new RegExp(`^${spec.table}_(?:y(\\d{4})|m(\\d{4})(\\d{2}))$`);
  for (const { name } of found) {
    const match = pattern.exec(name);
    if (match) periods.set(match[1] ? `${match[1]}-01-01` : `${match[2]}-${match[3]}-01`, name);
  }
  return { periods };
}

/** The first days of the periods that rows of `from` (a table or partition) fall in. */
async function periodsWithRows(sql: SqlRunner, spec: PartitionedTable, from: string): Promise<string[]> {
  // Text keys are ISO instants: as `timestamp` their zone suffix is ignored, and they are UTC. A
  // text that is no date (an event from a broken clock) stays in the default partition.
  const found = await rows<{ start: string }>(
    sql,
    `SELECT DISTINCT to_char(date_trunc('${spec.interval}', ${ident(spec.column)}::timestamp), 'YYYY-MM-DD') AS start
       FROM ${ident(from)} WHERE ${ident(spec.column)}::text ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' ORDER BY 1`,
  );
  return found.map((r) => r.start);
}

/** The bounds clause of the partition of the period starting on `start`. */
function bounds(spec: PartitionedTable, start: string): string {
  return `FOR VALUES FROM (${literal(start)}) TO (${literal(nextPeriod(start, spec.interval))})`;
}

/**
 * A partition is reached through its table only, whose grants decide (a role granted the audit
 * trail's INSERT must not UPDATE one of its partitions): whatever default privileges gave the new
 * partition, only its owner keeps any.
 */
async function revokeDirectAccess(sql: SqlRunner, partition: string): Promise<void> {
  await sql.query(`
    DO $$
    DECLARE grantee text;
    BEGIN
      REVOKE ALL ON ${ident(partition)} FROM PUBLIC;
      FOR grantee IN
        SELECT DISTINCT pg_get_userbyid(a.grantee) FROM pg_class c, aclexplode(c.relacl) a
        WHERE c.oid = ${literal(`public.${partition}`)}::regclass AND a.grantee NOT IN (0, c.relowner)
      LOOP
        EXECUTE format('REVOKE ALL ON %I FROM %I', ${literal(partition)}, grantee);
      END LOOP;
    END $$`);
}

/** The table-level grants on `table` to anyone but its owner (grantee null: PUBLIC). */
function grantsOf(sql: SqlRunner, table: string): Promise<{ grantee: string | null; privilege: string }[]> {
  return rows(
    sql,
    `SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END AS grantee, a.privilege_type AS privilege
       FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = $1::regclass AND a.grantee <> c.relowner`,
    [table],
  );
}

/** Creates the default partition when missing. */
async function ensureDefaultPartition(sql: SqlRunner, spec: PartitionedTable): Promise<void> {
  const name = defaultPartitionName(spec);
  await sql.query(`CREATE TABLE IF NOT EXISTS ${ident(name)} PARTITION OF ${ident(spec.table)} DEFAULT`);
  await revokeDirectAccess(sql, name);
}

/**
 * Creates the partition of the period starting on `start`. Rows of that period waiting in the
 * default partition move into it first: PostgreSQL refuses a partition whose rows the default
 * still holds. The move writes the partitions directly, so the table's statement triggers (the
 * hall's KPI roll-up) do not count the rows a second time. Returns the rows moved.
 */
async function createPartition(sql: SqlRunner, spec: PartitionedTable, start: string): Promise<number> {
  const name = partitionName(spec, start);
  const key = ident(spec.column);
  const end = nextPeriod(start, spec.interval);
  const [waiting] = await rows<{ n: string }>(
    sql,
    `SELECT count(*) AS n FROM ${ident(defaultPartitionName(spec))} WHERE ${key} >= $1 AND ${key} < $2`,
    [start, end],
  );
  const moving = Number(waiting?.n ?? 0);
  if (moving === 0) {
    await sql.query(`CREATE TABLE ${ident(name)} PARTITION OF ${ident(spec.table)} ${bounds(spec, start)}`);
  } else {
    await sql.query(`CREATE TABLE ${ident(name)} (LIKE ${ident(spec.table)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await sql.query(
      `WITH moved AS (DELETE FROM ${ident(defaultPartitionName(spec))} WHERE ${key} >= $1 AND ${key} < $2 RETURNING *)
       INSERT INTO ${ident(name)} SELECT * FROM moved`,
      [start, end],
    );
    await sql.query(`ALTER TABLE ${ident(spec.table)} ATTACH PARTITION ${ident(name)} ${bounds(spec, start)}`);
  }
  await revokeDirectAccess(sql, name);
  return moving;
}

/** What a conversion or a maintenance run did to one table, for its progress lines. */
export interface PartitionReport {
  table: string;
  created: string[];
  /** Rows moved out of the default partition into the partitions just created. */
  moved: number;
  dropped: string[];
  /** Expired partitions kept because a row in them must not be dropped, with how many. */
  kept: { partition: string; rows: number }[];
}

/**
 * For a migration: turns `spec.table` (a plain PostgreSQL table, with rows) into a table
 * range-partitioned by `spec.column`, rows, indexes, constraints, triggers, grants and the id
 * sequence preserved. The primary key and every unique index gain the partition key (PostgreSQL
 * requires it); `id` stays unique across partitions because one sequence still draws it. Foreign
 * keys of other tables that reference it cannot stay (they would need the partition key too):
 * they are dropped, and their names returned. Partitions are made for every period with rows and
 * the current one, and the default; the maintenance job adds those ahead. Does nothing on SQLite, or when already done.
 */
export async function convertToPartitioned(
  sql: SqlRunner & { connection: { options: { type: string } } },
  spec: PartitionedTable,
  today = new Date().toISOString().slice(0, 10),
): Promise<{ droppedForeignKeys: string[] }> {
  if (sql.connection.options.type !== "postgres") return { droppedForeignKeys: [] };
  if (await isPartitioned(sql, spec.table)) return { droppedForeignKeys: [] };
  const table = spec.table;
  const old = `${table}__unpartitioned`;
  const oid = `public.${table}`;
  const key = spec.column;
  const [column] = await rows<{ type: string }>(
    sql,
    "SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2",
    [oid, key],
  );
  if (!column) throw new Error(`${table} has no column ${key} to partition by`);
  const [primary] = await rows<{ name: string; columns: string[] }>(
    sql,
    `SELECT c.conname AS name, array_agg(a.attname ORDER BY k.n)::text[] AS columns
       FROM pg_constraint c, unnest(c.conkey) WITH ORDINALITY k(attnum, n), pg_attribute a
      WHERE c.conrelid = $1::regclass AND c.contype = 'p' AND a.attrelid = c.conrelid AND a.attnum = k.attnum
      GROUP BY c.conname`,
    [oid],
  );
  const constraints = await rows<{ name: string; def: string; kind: string }>(
    sql,
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def, contype AS kind FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype IN ('u', 'f', 'c') ORDER BY conname`,
    [oid],
  );
  const incoming = await rows<{ name: string; on: string }>(
    sql,
    `SELECT conname AS name, conrelid::regclass::text AS on FROM pg_constraint
      WHERE confrelid = $1::regclass AND contype = 'f' AND conrelid <> confrelid ORDER BY conname`,
    [oid],
  );
  const indexes = await rows<{ name: string; def: string; unique: boolean }>(
    sql,
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def, i.indisunique AS unique
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY c.relname`,
    [oid],
  );
  const triggers = await rows<{ name: string; def: string }>(
    sql,
    "SELECT tgname AS name, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal ORDER BY tgname",
    [oid],
  );
  const grants = await grantsOf(sql, oid);
  const sequences = await rows<{ sequence: string; column: string }>(
    sql,
    `SELECT s.oid::regclass::text AS sequence, a.attname AS column
       FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
       JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      WHERE d.refobjid = $1::regclass AND d.deptype = 'a'`,
    [oid],
  );

  for (const fk of incoming) await sql.query(`ALTER TABLE ${fk.on} DROP CONSTRAINT ${ident(fk.name)}`);
  for (const trigger of triggers) await sql.query(`DROP TRIGGER ${ident(trigger.name)} ON ${ident(table)}`);
  for (const index of indexes) await sql.query(`DROP INDEX ${ident(index.name)}`);
  for (const constraint of constraints)
    await sql.query(`ALTER TABLE ${ident(table)} DROP CONSTRAINT ${ident(constraint.name)}`);
  if (primary) await sql.query(`ALTER TABLE ${ident(table)} DROP CONSTRAINT ${ident(primary.name)}`);
  await sql.query(`ALTER TABLE ${ident(table)} RENAME TO ${ident(old)}`);
  if (/character varying|text/.test(column.type))
    // Byte order is the order of ISO instants, whatever the database's collation.
    await sql.query(`ALTER TABLE ${ident(old)} ALTER COLUMN ${ident(key)} TYPE ${column.type} COLLATE "C"`);
  await sql.query(
    `CREATE TABLE ${ident(table)} (LIKE ${ident(old)} INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMMENTS)
     PARTITION BY RANGE (${ident(key)})`,
  );
  for (const { sequence, column: owner } of sequences)
    await sql.query(`ALTER SEQUENCE ${sequence} OWNED BY ${ident(table)}.${ident(owner)}`);
  if (primary) {
    const columns = primary.columns.includes(key) ? primary.columns : [...primary.columns, key];
    await sql.query(
      `ALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(primary.name)} PRIMARY KEY (${columns.map(ident).join(", ")})`,
    );
  }
  await ensureDefaultPartition(sql, spec);
  // The periods with rows and the current one; those ahead are the maintenance job's, which runs
  // right after the migrations (a partition fewer per table for every fresh test database).
  const wanted = new Set([...(await periodsWithRows(sql, spec, old)), periodStart(today, spec.interval)]);
  for (const start of [...wanted].sort()) await createPartition(sql, spec, start);
  const names = (
    await rows<{ name: string }>(
      sql,
      "SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
      [`public.${old}`],
    )
  )
    .map((r) => ident(r.name))
    .join(", ");
  await sql.query(`INSERT INTO ${ident(table)} (${names}) SELECT ${names} FROM ${ident(old)}`);
  for (const index of indexes) {
    let def = index.def;
    // A unique index of a partitioned table must hold the key: unique per period is what is left to check.
    if (index.unique && !new RegExp(`[(, ]${key}[,) ]`).test(def.replace(/ WHERE .*$/, "")))
      def = def.replace(/\)( WHERE .*)?$/, `, ${ident(key)})$1`);
    await sql.query(def.replace(/ ON ONLY /, " ON "));
  }
  for (const constraint of constraints) {
    let def = constraint.def;
    if (constraint.kind === "u" && !def.includes(ident(key)) && !new RegExp(`[(, ]${key}[,)]`).test(def))
      def = def.replace(/\)$/, `, ${ident(key)})`);
    await sql.query(`ALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(constraint.name)} ${def}`);
  }
  for (const trigger of triggers) await sql.query(trigger.def);
  // The old table's grants exactly: default privileges gave the new one more (on the audit
  // trail, UPDATE and DELETE to a role that may only append).
  await revokeDirectAccess(sql, table);
  for (const { grantee, privilege } of grants)
    await sql.query(`GRANT ${privilege} ON ${ident(table)} TO ${grantee === null ? "PUBLIC" : ident(grantee)}`);
  await sql.query(`DROP TABLE ${ident(old)}`);
  return { droppedForeignKeys: incoming.map((fk) => `${fk.on}.${fk.name}`) };
}

/**
 * For a migration's `down`: the partitioned `spec.table` back to a plain table with its rows, the
 * primary key back to `primaryKey`; indexes, constraints, triggers and grants carried over as
 * they are. Foreign keys the conversion dropped are the caller's to add again.
 */
export async function convertToPlain(
  sql: SqlRunner & { connection: { options: { type: string } } },
  spec: PartitionedTable,
  primaryKey: string[],
): Promise<void> {
  if (sql.connection.options.type !== "postgres") return;
  if (!(await isPartitioned(sql, spec.table))) return;
  const table = spec.table;
  const oid = `public.${table}`;
  const old = `${table}__partitioned`;
  const [primary] = await rows<{ name: string }>(
    sql,
    "SELECT conname AS name FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'",
    [oid],
  );
  const constraints = await rows<{ name: string; def: string }>(
    sql,
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype IN ('u', 'f', 'c') ORDER BY conname`,
    [oid],
  );
  const indexes = await rows<{ name: string; def: string }>(
    sql,
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [oid],
  );
  const triggers = await rows<{ name: string; def: string }>(
    sql,
    "SELECT tgname AS name, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal AND tgparentid = 0",
    [oid],
  );
  const sequences = await rows<{ sequence: string; column: string }>(
    sql,
    `SELECT s.oid::regclass::text AS sequence, a.attname AS column
       FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
       JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      WHERE d.refobjid = $1::regclass AND d.deptype = 'a'`,
    [oid],
  );
  const grants = await grantsOf(sql, oid);
  for (const trigger of triggers) await sql.query(`DROP TRIGGER ${ident(trigger.name)} ON ${ident(table)}`);
  for (const index of indexes) await sql.query(`DROP INDEX ${ident(index.name)}`);
  for (const constraint of constraints)
    await sql.query(`ALTER TABLE ${ident(table)} DROP CONSTRAINT ${ident(constraint.name)}`);
  if (primary) await sql.query(`ALTER TABLE ${ident(table)} DROP CONSTRAINT ${ident(primary.name)}`);
  await sql.query(`ALTER TABLE ${ident(table)} RENAME TO ${ident(old)}`);
  await sql.query(
    `CREATE TABLE ${ident(table)} (LIKE ${ident(old)} INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMMENTS)`,
  );
  for (const { sequence, column } of sequences)
    await sql.query(`ALTER SEQUENCE ${sequence} OWNED BY ${ident(table)}.${ident(column)}`);
  await sql.query(`INSERT INTO ${ident(table)} SELECT * FROM ${ident(old)}`);
  if (primary)
    await sql.query(
      `ALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(primary.name)} PRIMARY KEY (${primaryKey.map(ident).join(", ")})`,
    );
  for (const index of indexes) await sql.query(index.def.replace(/ ON ONLY /, " ON "));
  for (const constraint of constraints)
    await sql.query(`ALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(constraint.name)} ${constraint.def}`);
  for (const trigger of triggers) await sql.query(trigger.def);
  await revokeDirectAccess(sql, table);
  for (const { grantee, privilege } of grants)
    await sql.query(`GRANT ${privilege} ON ${ident(table)} TO ${grantee === null ? "PUBLIC" : ident(grantee)}`);
  await sql.query(`DROP TABLE ${ident(old)} CASCADE`);
}

/** When the maintenance job runs, and what it may drop. */
export interface MaintenanceOptions {
  /** Today (`YYYY-MM-DD`, UTC); the tests move it. */
  today?: string;
  /** `EVENT_LOG_RETENTION_DAYS`: how many days an expiring table's rows are kept at least. */
  retentionDays: number;
  /** Told of each step (`outbox_event: created outbox_event_m202612`). */
  progress?: (line: string) => void;
  /**
   * Days (`YYYY-MM-DD`, both included) a bulk load is about to write: the partitions of every
   * period they cover are made first, so its rows go straight to them instead of through the
   * default partition (from which the next run would move them, a second write of every row).
   * Not for the expiring tables, whose rows are written as they happen.
   */
  covering?: { from: string; to: string };
}

/**
 * The maintenance job (`npm run db:maintain`, and every department's start-up and migrate step),
 * for one database: for each of `specs` that is partitioned here (PostgreSQL, migrated), creates
 * the partitions of the current period and those ahead, gives the rows that waited in the default
 * partition a partition of their own, and drops the expiring tables' partitions wholly older than
 * the retention — never one that still holds a row of `keepWhile` (checked with the partition
 * locked, so no such row can appear before the drop). Idempotent; each table in its own
 * transactions, under an advisory lock, so replicas starting together take turns.
 */
export async function maintainPartitions(
  db: DataSource,
  specs: readonly PartitionedTable[],
  options: MaintenanceOptions,
): Promise<PartitionReport[]> {
  if (db.options.type !== "postgres") return [];
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const say = options.progress ?? (() => undefined);
  const reports: PartitionReport[] = [];
  for (const spec of specs) {
    if (!(await isPartitioned(db, spec.table))) continue;
    const report: PartitionReport = { table: spec.table, created: [], moved: 0, dropped: [], kept: [] };
    await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('onewindow.partitions'), hashtext($1))", [spec.table]);
      await ensureDefaultPartition(tx, spec);
      const { periods } = await partitionsOf(tx, spec);
      const wanted = new Set(await periodsWithRows(tx, spec, defaultPartitionName(spec)));
      let start = periodStart(today, spec.interval);
      for (let i = 0; i <= AHEAD[spec.interval]; i++, start = nextPeriod(start, spec.interval)) wanted.add(start);
      const covering = spec.expires ? undefined : options.covering;
      if (covering)
        for (let p = periodStart(covering.from, spec.interval); p <= covering.to; p = nextPeriod(p, spec.interval))
          wanted.add(p);
      for (const period of [...wanted].sort()) {
        if (periods.has(period)) continue;
        const moved = await createPartition(tx, spec, period);
        const name = partitionName(spec, period);
        report.created.push(name);
        report.moved += moved;
        say(
          `${spec.table}: created ${name}${moved ? `, moved ${moved} row(s) into it from the default partition` : ""}`,
        );
      }
    });
    if (spec.expires) {
      const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - options.retentionDays * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const { periods } = await partitionsOf(db, spec);
      for (const [period, name] of [...periods].sort()) {
        // Only a partition whose every row is older than the retention.
        if (nextPeriod(period, spec.interval) > cutoff) continue;
        await db.transaction(async (tx) => {
          await tx.query("SELECT pg_advisory_xact_lock(hashtext('onewindow.partitions'), hashtext($1))", [spec.table]);
          // No insert or update reaches it while it is checked and dropped (the table first, as
          // every statement on it locks: a drop needs the table's lock anyway, and takes a moment).
          await tx.query(`LOCK TABLE ${ident(spec.table)} IN ACCESS EXCLUSIVE MODE`);
          if (spec.expires!.keepWhile) {
            const [row] = await rows<{ n: string }>(
              tx,
              `SELECT count(*) AS n FROM ${ident(name)} WHERE ${spec.expires!.keepWhile}`,
            );
            const n = Number(row?.n ?? 0);
            if (n > 0) {
              report.kept.push({ partition: name, rows: n });
              say(`${spec.table}: kept ${name}, past its retention: ${n} row(s) where ${spec.expires!.keepWhile}`);
              return;
            }
          }
          await tx.query(`DROP TABLE ${ident(name)}`);
          report.dropped.push(name);
          say(`${spec.table}: dropped ${name} (older than ${options.retentionDays} days)`);
        });
      }
    }
    if (!report.created.length && !report.dropped.length && !report.kept.length) say(`${spec.table}: up to date`);
    reports.push(report);
  }
  return reports;
}
