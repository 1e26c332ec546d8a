import { afterAll, beforeAll, describe, test } from "@jest/globals";
import { afterThisTest } from "@onewindow/testing";
import assert from "node:assert/strict";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { postgresDatabaseName, withPostgresAdmin } from "@onewindow/platform";
import { runToExit, subgraphs } from "@onewindow/infra";
import { startStack, type As, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshIdNumber } from "./harness/fixtures";

const CLERK: As = { roles: ["window_clerk"], user: "clerk-9", purpose: "窗口咨询" };
const AUDITOR: As = { roles: ["auditor"], user: "auditor-9" };
const DEPARTMENTS = ["labor-security", "medical-insurance", "tax", "hospital-quality", "service-hall", "notifications"];

const laborMain = path.join(subgraphs.find((s) => s.definition.name === "labor-security")!.dir, "dist", "main.js");

/*
 * Departments as Compose and Kubernetes run them on PostgreSQL: migrations in a step of their own
 * as an owner role, then the service, given only the URL of a runtime role of its own. Someone holding the runtime role's password (the one the
 * running service has) tries to rewrite the trail the service just wrote.
 */
// PostgreSQL only (DATABASE_URL): SQLite has no roles; its files are the department's alone (0600).
(process.env.DATABASE_URL ? describe : describe.skip)(
  "departments on PostgreSQL serve as a role that cannot rewrite the audit trail",
  () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({ databaseRoles: true });
    });
    afterAll(async () => {
      await stack?.stop();
    });

    /** Who is connected to each department's database, as the server sees it. */
    async function connectedRoles(): Promise<Map<string, Set<string>>> {
      return withPostgresAdmin(process.env.DATABASE_URL!, async (admin) => {
        const { rows } = await admin.query<{ datname: string; usename: string }>(
          "SELECT DISTINCT datname, usename FROM pg_stat_activity WHERE datname LIKE $1 AND backend_type = 'client backend'",
          [`${stack.eventsPrefix}\\_%`],
        );
        const out = new Map<string, Set<string>>();
        for (const { datname, usename } of rows) out.set(datname, (out.get(datname) ?? new Set()).add(usename));
        return out;
      });
    }

    test("an audited read through the gateway is written by the runtime role, which gets permission denied on UPDATE, DELETE and TRUNCATE of its trail", async () => {
      const idNumber = freshIdNumber();
      const registered = await stack.query(
        `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`,
        { i: { idNumber, name: "韩梅" } },
      );
      assert.equal(registered.errors, undefined, JSON.stringify(registered.errors));
      const read = await stack.query(`query ($id: ID!) { citizen(idNumber: $id) { name } }`, { id: idNumber }, CLERK);
      assert.equal(read.errors, undefined, JSON.stringify(read.errors));
      assert.equal(read.data.citizen.name, "韩梅");
      // The department serves as its runtime role: no owner or superuser connection is left open.
      const connected = (await connectedRoles()).get(
        postgresDatabaseName(`postgres://x/${stack.eventsPrefix}`, "labor-security"),
      );
      const runtime = `${stack.eventsPrefix}_labor_security`;
      assert.deepEqual([...(connected ?? [])], [runtime], "only the runtime role is connected");
      assert.deepEqual(await stack.sql("labor-security", "SELECT current_user AS role"), [{ role: runtime }]);
      const rows = await stack.sql<{ id: number; user_id: string }>(
        "labor-security",
        `SELECT id, user_id FROM audit_entry WHERE id_number = '${idNumber}' AND user_id = 'clerk-9'`,
      );
      assert.ok(rows.length >= 1, "the read left an audit row");
      const id = Number(rows[0].id);
      for (const statement of [
        `UPDATE audit_entry SET purpose = 'nothing to see' WHERE id = ${id}`,
        `DELETE FROM audit_entry WHERE id = ${id}`,
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
        "UPDATE audit_head SET hash = 'x'",
        "DELETE FROM audit_head",
      ]) {
        await assert.rejects(stack.tamper("labor-security", statement), /permission denied/, statement);
      }
      assert.deepEqual(await stack.sql("labor-security", `SELECT user_id FROM audit_entry WHERE id = ${id}`), [
        { user_id: "clerk-9" },
      ]);
      // The service goes on reading, writing and auditing, and its trail checks out.
      const again = await stack.query(`query ($id: ID!) { citizen(idNumber: $id) { name } }`, { id: idNumber }, CLERK);
      assert.equal(again.errors, undefined, JSON.stringify(again.errors));
      const check = await stack.query(`{ verifyAuditTrail { laborSecurity { ok checked brokenAt } } }`, {}, AUDITOR);
      assert.equal(check.errors, undefined, JSON.stringify(check.errors));
      assert.equal(check.data.verifyAuditTrail.laborSecurity.ok, true);
      assert.ok(check.data.verifyAuditTrail.laborSecurity.checked > id);
      // Its background work needs UPDATE where it is granted: the relays mark what they published.
      await eventually(async () => {
        assert.deepEqual(await stack.sql("labor-security", "SELECT id FROM outbox_event WHERE sent_at IS NULL"), []);
        assert.deepEqual(await stack.sql("labor-security", "SELECT id FROM audit_head WHERE sent_at IS NULL"), []);
      });
      for (const department of DEPARTMENTS)
        assert.doesNotMatch(stack.logOf(department), /permission denied/, department);
      // The migration log it checked at start: it reads it, and cannot fake an entry or drop one.
      const [{ n }] = await stack.sql<{ n: number }>("labor-security", "SELECT count(*)::int AS n FROM migrations");
      assert.ok(n > 0, "the migrate step applied the migrations");
      for (const statement of [
        "DELETE FROM migrations",
        "INSERT INTO migrations (timestamp, name) VALUES (1, 'Fake1')",
        "UPDATE migrations SET name = 'x'",
      ]) {
        await assert.rejects(stack.tamper("labor-security", statement), /permission denied/, statement);
      }
    });

    test("each department connects as its own runtime role, which no other department's role can stand in for", async () => {
      for (const department of DEPARTMENTS) {
        const [{ runtime }] = await stack.sql<{ runtime: string }>(department, "SELECT current_user AS runtime");
        assert.equal(runtime, `${stack.eventsPrefix}_${department.replace(/-/g, "_")}`, department);
        const connected =
          (await connectedRoles()).get(postgresDatabaseName(`postgres://x/${stack.eventsPrefix}`, department)) ??
          new Set();
        assert.deepEqual(
          [...connected].filter((user) => user !== runtime),
          [],
          `${department}: only its runtime role is connected`,
        );
      }
      // In each department's database, its own role may append to and read the trail; no other
      // department's role may even read it.
      const roleOf = (department: string) => `${stack.eventsPrefix}_${department.replace(/-/g, "_")}`;
      for (const department of DEPARTMENTS) {
        const url = new URL(process.env.DATABASE_URL!);
        url.pathname = `/${postgresDatabaseName(`postgres://x/${stack.eventsPrefix}`, department)}`;
        const admin = new Client({ connectionString: url.toString() });
        await admin.connect();
        try {
          for (const other of DEPARTMENTS) {
            const { rows } = await admin.query<Record<string, boolean>>(
              `SELECT ${["SELECT", "INSERT", "UPDATE", "DELETE"].map((p) => `has_table_privilege($1, 'audit_entry', '${p}') AS "${p}"`).join(", ")}`,
              [roleOf(other)],
            );
            const own = other === department;
            assert.deepEqual(
              rows[0],
              { SELECT: own, INSERT: own, UPDATE: false, DELETE: false },
              `${other}'s role on ${department}'s trail`,
            );
          }
        } finally {
          await admin.end();
        }
      }
    });

    test("a department told its migrations run elsewhere refuses to serve a database that lacks them, naming each one missing", async () => {
      // A database of its own beside the stack's: the runtime role of a department whose migrate step has not run.
      const tag = `ow_tm${randomBytes(4).toString("hex")}`;
      const admin = process.env.DATABASE_URL!;
      const as = (user: string) => {
        const url = new URL(admin);
        url.username = user;
        url.password = "p";
        url.pathname = `/${tag}`;
        return url.toString();
      };
      const database = postgresDatabaseName(as("x"), "labor-security");
      await withPostgresAdmin(admin, async (c) => {
        await c.query(`CREATE ROLE ${tag}_owner LOGIN CREATEDB PASSWORD 'p'`);
        await c.query(`CREATE ROLE ${tag}_app LOGIN PASSWORD 'p'`);
        await c.query(`CREATE DATABASE "${database}" OWNER ${tag}_owner`);
      });
      afterThisTest(() =>
        withPostgresAdmin(admin, async (c) => {
          await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
          await c.query(`DROP ROLE IF EXISTS ${tag}_app`);
          await c.query(`DROP ROLE IF EXISTS ${tag}_owner`);
        }),
      );
      const env = {
        DATA_DIR: stack.dataDir,
        NATS_URL: stack.natsUrl,
        EVENTS_PREFIX: tag,
        LOG_LEVEL: "info",
        HOST: "127.0.0.1",
        PORT: "0",
        METRICS_PORT: "0",
        SEED: "none",
      };
      const serve = { ...env, DATABASE_URL: as(`${tag}_app`), DATABASE_MIGRATIONS: "external" };
      // Nothing migrated: it names every migration, the first and the department's own.
      const empty = await runToExit(laborMain, [], serve, 30_000);
      assert.equal(empty.code, 1, `it refuses to start:\n${empty.stdout}${empty.stderr}`);
      assert.match(
        empty.stdout,
        /the database lacks \d+ migration\(s\): CreateOutbox1763800000000, [^"]*CreateAuditTrail1764000000000/,
      );
      assert.doesNotMatch(empty.stdout, /"msg":"listening/);
      // The migrate step, with the owner's URL, shapes the database and grants the runtime role; run
      // again, it finds nothing to do.
      const migrate = { ...env, DATABASE_URL: as(`${tag}_app`), DATABASE_MIGRATION_URL: as(`${tag}_owner`) };
      const migrated = await runToExit(laborMain, ["migrate"], migrate);
      assert.equal(migrated.code, 0, `${migrated.stdout}${migrated.stderr}`);
      assert.match(migrated.stdout, /applied \d+ migration\(s\)/);
      const again = await runToExit(laborMain, ["migrate"], migrate);
      assert.equal(again.code, 0, `${again.stdout}${again.stderr}`);
      assert.match(again.stdout, /no migration was pending/);
      // A release with a migration the step has not applied yet: the log lacks its last entry.
      const url = new URL(admin);
      url.pathname = `/${database}`;
      const owner = new Client({ connectionString: url.toString() });
      await owner.connect();
      const [{ name: last }] = (
        await owner.query<{ name: string }>(
          "DELETE FROM migrations WHERE id = (SELECT max(id) FROM migrations) RETURNING name",
        )
      ).rows;
      await owner.end();
      const behind = await runToExit(laborMain, [], serve, 30_000);
      assert.equal(behind.code, 1, `it refuses to start:\n${behind.stdout}${behind.stderr}`);
      assert.match(behind.stdout, new RegExp(`the database lacks 1 migration\\(s\\): ${last}\\.`));
    });
  },
);
