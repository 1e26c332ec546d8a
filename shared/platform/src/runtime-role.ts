import type { DataSource } from "typeorm";
import { AUDIT_RUNTIME_PRIVILEGES } from "./audit/audit-migrations";

/** What the runtime role may do on a table that is neither an audit table nor the migration log. */
const READ_WRITE = "SELECT, INSERT, UPDATE, DELETE";
/** TypeORM's log of applied migrations: the runtime role reads it (is anything pending?), never writes it. */
const MIGRATIONS_TABLE = "migrations";

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Run by the tables' owner after the migrations (at every start, or in the migrate step): gives the department's runtime
 * role read and write on every table of the schema but the audit tables, where it gets only
 * {@link AUDIT_RUNTIME_PRIVILEGES}, and only SELECT on the migration log (a process that leaves
 * the migrations to a step of their own checks there that none is pending). It sets each table's grant
 * exactly (REVOKE ALL, then GRANT) instead of trusting the audit migration's revoke, which saw only
 * the grants that existed when it ran: a later `GRANT … ON ALL TABLES`, or default privileges, would
 * otherwise hand UPDATE and DELETE on the trail back. Default privileges make tables the owner
 * creates later (a migration run by hand) usable before the next start.
 */
export async function grantRuntimeRole(owner: DataSource, runtimeRole: string): Promise<void> {
  const role = ident(runtimeRole);
  await owner.transaction(async (tx) => {
    // Replicas start together; concurrent GRANTs on one table fail ("tuple concurrently updated").
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('onewindow.grantRuntimeRole'))");
    const tables = (await tx.query(
      `SELECT t.tablename, c.relispartition AS partition FROM pg_tables t
         JOIN pg_class c ON c.oid = format('%I.%I', t.schemaname, t.tablename)::regclass
        WHERE t.schemaname = 'public' AND t.tableowner = current_user ORDER BY t.tablename`,
    )) as { tablename: string; partition: boolean }[];
    await tx.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    for (const { tablename, partition } of tables) {
      await tx.query(`REVOKE ALL ON ${ident(tablename)} FROM ${role}`);
      // A partition is reached through its table, whose grant decides (docs/adr/0011): a grant
      // of its own would let the role change the audit trail's rows there.
      if (partition) continue;
      const privileges =
        tablename === MIGRATIONS_TABLE ? "SELECT" : (AUDIT_RUNTIME_PRIVILEGES[tablename] ?? READ_WRITE);
      await tx.query(`GRANT ${privileges} ON ${ident(tablename)} TO ${role}`);
    }
    await tx.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await tx.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ${READ_WRITE} ON TABLES TO ${role}`);
    await tx.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);
  });
}

/**
 * Run as the runtime role before it serves: refuses a role that could rewrite the audit trail —
 * a superuser, the tables' or the schema's owner (or a member of either), or one granted UPDATE,
 * DELETE or TRUNCATE on an audit table by anyone. The message names what is wrong.
 */
export async function assertAppendOnlyAudit(runtime: DataSource): Promise<void> {
  const checks = Object.keys(AUDIT_RUNTIME_PRIVILEGES).flatMap((table) =>
    ["UPDATE", "DELETE", "TRUNCATE"].map((privilege) => ({ table, privilege })),
  );
  const [row] = (await runtime.query(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            (SELECT pg_has_role(nspowner, 'MEMBER') FROM pg_namespace WHERE nspname = 'public') AS schema_owner,
            ${checks.map(({ table, privilege }, i) => `has_table_privilege(to_regclass('public.${table}'), '${privilege}') AS p${i}`).join(", ")},
            (SELECT string_agg(DISTINCT i.inhrelid::regclass::text, ', ') FROM pg_inherits i
              WHERE i.inhparent IN (${Object.keys(AUDIT_RUNTIME_PRIVILEGES)
                .map((table) => `to_regclass('public.${table}')`)
                .join(", ")})
                AND (has_table_privilege(i.inhrelid, 'UPDATE') OR has_table_privilege(i.inhrelid, 'DELETE')
                  OR has_table_privilege(i.inhrelid, 'TRUNCATE'))) AS partitions`,
  )) as Record<string, unknown>[];
  const problems: string[] = [];
  if (row.superuser) problems.push("it is a superuser");
  if (row.schema_owner) problems.push("it owns the schema, so it may drop the tables");
  // (A table this database lacks, `audit_entry_key` before its migration, answers null.)
  checks.forEach(({ table, privilege }, i) => {
    if (row[`p${i}`]) problems.push(`it has ${privilege} on ${table}`);
  });
  if (row.partitions) problems.push(`it may change or remove rows of the partitions ${String(row.partitions)}`);
  if (problems.length > 0) {
    throw new Error(
      `DATABASE_URL's role "${String(row.role)}" could rewrite the audit trail: ${problems.join("; ")}. Serve as a role that owns nothing and run the migrations as the owner (DATABASE_MIGRATION_URL).`,
    );
  }
}
