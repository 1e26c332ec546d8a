import { test } from "@jest/globals";
import { afterThisTest } from "@onewindow/testing";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { AuditEntry } from "./audit/audit-entry.entity";
import { AUDIT_MIGRATIONS } from "./audit/audit-migrations";
import { USED_CONTEXT_MIGRATIONS } from "./auth/used-contexts";
import { createDataSource, postgresDatabaseName, withPostgresAdmin } from "./data-source";
import { createLogger } from "./logger";
import { Client } from "pg";
import type { DataSource } from "typeorm";

const skip = !process.env.DATABASE_URL && "PostgreSQL only (DATABASE_URL): SQLite has no roles";
const migrations = [...AUDIT_MIGRATIONS, ...USED_CONTEXT_MIGRATIONS];
const logger = createLogger("test", "silent");

/**
 * An owner role (may create databases) and a runtime role of the test's own, as Compose's init
 * script makes them, and the URLs to log in as each; dropped with the database afterwards.
 */
async function roles() {
  const admin = process.env.DATABASE_URL!;
  const tag = randomBytes(4).toString("hex");
  const owner = `ow_rr_owner_${tag}`;
  const runtime = `ow_rr_app_${tag}`;
  const service = `runtime-role-${tag}`;
  await withPostgresAdmin(admin, async (c) => {
    await c.query(`CREATE ROLE ${owner} LOGIN CREATEDB PASSWORD 'o'`);
    await c.query(`CREATE ROLE ${runtime} LOGIN PASSWORD 'r'`);
  });
  afterThisTest(() =>
    withPostgresAdmin(admin, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${postgresDatabaseName(admin, service)}" WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS ${runtime}`);
      await c.query(`DROP ROLE IF EXISTS ${owner}`);
    }),
  );
  const as = (user: string, password: string) => {
    const u = new URL(admin);
    u.username = user;
    u.password = password;
    return u.toString();
  };
  const open = (databaseUrl: string) =>
    createDataSource({
      service,
      entities: [AuditEntry],
      migrations,
      config: { dataDir: "", databaseUrl, databaseMigrationUrl: as(owner, "o") },
      logger,
    });
  return { owner, runtime, service, ownerUrl: as(owner, "o"), runtimeUrl: as(runtime, "r"), open };
}

const APPEND =
  "INSERT INTO audit_entry (id, at, request_id, user_id, roles, purpose, id_number, department, fields, prev_hash, hash) VALUES ($1, 't', 'r', 'u', 'x', 'p', 'i', 'd', 'f', 'h', 'h')";
const REWRITES = [
  "UPDATE audit_entry SET purpose = 'x'",
  "DELETE FROM audit_entry",
  "TRUNCATE audit_entry",
  "UPDATE audit_head SET hash = 'x'",
  "DELETE FROM audit_head",
  "TRUNCATE audit_head",
];

/** The runtime role appends and reads its trail, uses its other tables, and cannot rewrite the trail. */
async function assertAppendOnly(db: DataSource, id: number): Promise<void> {
  await db.query(APPEND, [id]);
  await db.query("INSERT INTO audit_head (id, from_id, hash, at, signature) VALUES ($1, $1, 'h', 't', 's')", [id]);
  await db.query("UPDATE audit_head SET sent_at = 'now' WHERE id = $1", [id]);
  // The used-context table prunes itself by a trigger that DELETEs as the inserting role.
  await db.query("INSERT INTO used_context (id, expires_at) VALUES ($1, 1), ($2, 1000000)", [`a${id}`, `b${id}`]);
  assert.equal(
    (await db.query("SELECT count(*)::int AS n FROM used_context WHERE id = $1", [`a${id}`]))[0].n,
    0,
    "the prune trigger ran",
  );
  for (const statement of REWRITES) await assert.rejects(db.query(statement), /permission denied/, statement);
  await assert.rejects(db.query("DELETE FROM migrations"), /permission denied/, "the migration log");
  assert.ok((await db.query("SELECT count(*)::int AS n FROM audit_entry"))[0].n >= 1);
}

(skip ? test.skip : test)(
  "with DATABASE_MIGRATION_URL the owner creates and migrates the database, and the runtime role appends to the trail but cannot rewrite it",
  async () => {
    const { open, runtimeUrl, runtime, service } = await roles();
    const db = await open(runtimeUrl);
    afterThisTest(() => db.destroy());
    assert.equal((await db.query("SELECT current_user AS u"))[0].u, runtime);
    const [{ owner }] = await db.query(
      "SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()",
    );
    assert.match(owner, /^ow_rr_owner_/, "the owner created the database");
    assert.equal(
      (await db.query("SELECT current_database() AS d"))[0].d,
      postgresDatabaseName(process.env.DATABASE_URL!, service),
    );
    await assertAppendOnly(db, 1);
  },
);

(skip ? test.skip : test)(
  "a grant made behind the migrations' back (UPDATE and DELETE on every table) is taken back at the next start",
  async () => {
    const { open, runtimeUrl, ownerUrl, runtime, service } = await roles();
    await (await open(runtimeUrl)).destroy();
    // The audit migration's revoke ran once, long ago; an operator's blanket grant comes after it.
    const url = new URL(ownerUrl);
    url.pathname = `/${postgresDatabaseName(ownerUrl, service)}`;
    const owner = new Client({ connectionString: url.toString() });
    await owner.connect();
    await owner.query(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${runtime}`);
    await owner.end();
    const db = await open(runtimeUrl);
    afterThisTest(() => db.destroy());
    await assertAppendOnly(db, 2);
  },
);

(skip ? test.skip : test)(
  "a DATABASE_URL role that could rewrite the trail is refused at start, naming why",
  async () => {
    const { open, runtime, owner } = await roles();
    // A superuser (the CI's own role) serving.
    await assert.rejects(open(process.env.DATABASE_URL!), /could rewrite the audit trail: it is a superuser/);
    // A runtime role made a member of the owner inherits the owner's rights.
    await withPostgresAdmin(process.env.DATABASE_URL!, (c) => c.query(`GRANT ${owner} TO ${runtime}`));
    const u = new URL(process.env.DATABASE_URL!);
    u.username = runtime;
    u.password = "r";
    await assert.rejects(
      open(u.toString()),
      /could rewrite the audit trail: it owns the schema[^]*it has UPDATE on audit_entry/,
    );
  },
);
