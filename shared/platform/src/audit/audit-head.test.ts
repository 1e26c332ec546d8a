import { test } from "@jest/globals";
import { afterThisTest, auditRead, openTestDatabase } from "@onewindow/testing";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { AuditEntry } from "./audit-entry.entity";
import { AUDIT_MIGRATIONS } from "./audit-migrations";
import { signAuditHead, type SignedAuditHead } from "./audit-head";
import { AuditTrail } from "./audit-trail";
import { createDataSource, postgresDatabaseName, withPostgresAdmin } from "../data-source";
import { createLogger } from "../logger";

const read = (n: number) => auditRead(n);

const GENESIS = "0".repeat(64);
/** The plain hash of a row, as an insider who read the code would recompute it. */
const hashOf = (r: Record<string, unknown>) => {
  const content = [
    Number(r.id),
    r.at,
    r.request_id,
    r.user_id,
    r.roles,
    r.purpose,
    r.id_number,
    r.department,
    r.fields,
    r.prev_hash,
  ];
  if (r.outcome !== null) content.push(r.client_request_id, r.token_jti, r.outcome, r.reason);
  return crypto.createHash("sha256").update(JSON.stringify(content)).digest("hex");
};

/**
 * What an insider with write access does after changing rows: recompute every plain hash from
 * `from` on, so the plain chain checks out again.
 */
async function rechain(db: DataSource, from: number): Promise<void> {
  const rows = (await db.query("SELECT * FROM audit_entry ORDER BY id")) as Record<string, unknown>[];
  let prev = GENESIS;
  const p = db.options.type === "postgres" ? ["$1", "$2", "$3"] : ["?", "?", "?"];
  for (const row of rows) {
    if (Number(row.id) >= from) {
      row.prev_hash = prev;
      row.hash = hashOf(row);
      await db.query(`UPDATE audit_entry SET prev_hash = ${p[0]}, hash = ${p[1]} WHERE id = ${p[2]}`, [
        row.prev_hash,
        row.hash,
        row.id,
      ]);
    }
    prev = row.hash as string;
  }
}

/** A signed trail whose "published" heads are what the test copied out of audit_head (the stream's stand-in). */
async function signedTrail() {
  const { db, close } = await openTestDatabase({
    service: "audit-head",
    entities: [AuditEntry],
    migrations: AUDIT_MIGRATIONS,
  });
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
  const published: SignedAuditHead[] = [];
  const trail = new AuditTrail(db, {
    department: "labor-security",
    signingKey: privateKey,
    verifyKey: publicKey,
    publishedHeads: async () => published,
  });
  const publish = async () => {
    const rows = (await db.query("SELECT id, from_id, hash, at, signature FROM audit_head ORDER BY id")) as Record<
      string,
      string
    >[];
    published.splice(
      0,
      published.length,
      ...rows.map((r) => ({
        department: "labor-security",
        from: Number(r.from_id),
        id: Number(r.id),
        hash: r.hash,
        at: r.at,
        signature: r.signature,
      })),
    );
  };
  // One request at a time: one row, one head.
  for (let i = 1; i <= 10; i++) await trail.append([read(i)]);
  await publish();
  return { db, close, trail, published, privateKey };
}

test("an untouched signed trail checks out up to its newest signed head", async () => {
  const { close, trail } = await signedTrail();
  afterThisTest(close);
  assert.deepEqual(await trail.verify(), { ok: true, checked: 10, brokenAt: null, reason: null, signedHead: 10 });
  // A burst is one group commit under one head.
  await Promise.all([trail.append([read(11), read(12)]), trail.append([read(13)])]);
  assert.equal((await trail.verify()).ok, true);
});

test("deleting the newest rows (and their local heads) is reported as truncation", async () => {
  const { db, close, trail } = await signedTrail();
  afterThisTest(close);
  await db.query("DELETE FROM audit_entry WHERE id >= 8");
  await db.query("DELETE FROM audit_head WHERE id >= 8");
  assert.deepEqual(await trail.verify(), {
    ok: false,
    checked: 7,
    brokenAt: 8,
    reason: "rows 8-10 are missing: the trail ends before its newest signed head",
    signedHead: 10,
  });
});

test("deleting a row in the middle and renumbering and re-hashing the rest is reported at that row", async () => {
  const { db, close, trail } = await signedTrail();
  afterThisTest(close);
  await db.query("DELETE FROM audit_entry WHERE id = 5");
  await db.query("UPDATE audit_entry SET id = id - 1 WHERE id > 5");
  await db.query("DELETE FROM audit_head");
  await rechain(db, 5);
  assert.deepEqual(await trail.verify(), {
    ok: false,
    checked: 4,
    brokenAt: 5,
    reason: "row 5 is not the row its department signed",
    signedHead: 10,
  });
});

test("rewriting a row and recomputing the plain hashes of the rest is reported at that row", async () => {
  const { db, close, trail } = await signedTrail();
  afterThisTest(close);
  await db.query("UPDATE audit_entry SET purpose = 'nothing to see' WHERE id = 6");
  await rechain(db, 6);
  assert.deepEqual(await trail.verify(), {
    ok: false,
    checked: 5,
    brokenAt: 6,
    reason: "row 6 is not the row its department signed",
    signedHead: 10,
  });
});

test("a row added behind the department's back is reported, even once a later head follows it", async () => {
  const { db, close, trail } = await signedTrail();
  afterThisTest(close);
  const [last] = (await db.query("SELECT * FROM audit_entry WHERE id = 10")) as Record<string, unknown>[];
  const forged: Record<string, unknown> = { ...last, id: 11, request_id: "forged", prev_hash: last.hash };
  forged.hash = hashOf(forged);
  const cols = Object.keys(forged);
  const p = db.options.type === "postgres" ? cols.map((_, i) => `$${i + 1}`) : cols.map(() => "?");
  await db.query(`INSERT INTO audit_entry (${cols.join(", ")}) VALUES (${p.join(", ")})`, Object.values(forged));
  await trail.append([read(12)]);
  assert.deepEqual(await trail.verify(), {
    ok: false,
    checked: 10,
    brokenAt: 11,
    reason: "row 11 is covered by no signed head: it was inserted behind the department's back",
    signedHead: 12,
  });
});

test("a head signed with another key counts for nothing", async () => {
  const { db, close, trail, published } = await signedTrail();
  afterThisTest(close);
  const other = crypto.generateKeyPairSync("ed25519").privateKey;
  await db.query("UPDATE audit_entry SET purpose = 'nothing to see' WHERE id = 10");
  await rechain(db, 10);
  await db.query("DELETE FROM audit_head WHERE id = 10");
  const [row] = (await db.query("SELECT hash, at FROM audit_entry WHERE id = 10")) as { hash: string; at: string }[];
  published[9] = signAuditHead(other, { department: "labor-security", from: 10, id: 10, hash: row.hash, at: row.at });
  await trail.append([read(11)]);
  assert.deepEqual(await trail.verify(), {
    ok: false,
    checked: 9,
    brokenAt: 10,
    reason: "row 10 is covered by no signed head: it was inserted behind the department's back",
    signedHead: 11,
  });
});

(process.env.DATABASE_URL ? test : test.skip)(
  "on PostgreSQL the department's runtime role may insert and read audit rows but not update, delete or truncate them",
  async () => {
    const databaseUrl = process.env.DATABASE_URL!;
    const tag = crypto.randomBytes(4).toString("hex");
    const owner = `ow_audit_owner_${tag}`;
    const runtime = `ow_audit_app_${tag}`;
    const service = `audit-roles-${tag}`;
    const database = postgresDatabaseName(databaseUrl, service);
    // As Compose's init script does: an owner that runs migrations, a runtime role granted read and
    // write on the owner's tables by default privileges.
    await withPostgresAdmin(databaseUrl, async (c) => {
      await c.query(`CREATE ROLE ${owner} LOGIN PASSWORD 'o'`);
      await c.query(`CREATE ROLE ${runtime} LOGIN PASSWORD 'r'`);
      await c.query(`CREATE DATABASE "${database}" OWNER ${owner}`);
    });
    const urlAs = (user: string, password: string, db?: string) => {
      const u = new URL(databaseUrl);
      u.username = user;
      u.password = password;
      if (db) u.pathname = `/${db}`;
      return u.toString();
    };
    const setup = new Client({ connectionString: urlAs(owner, "o", database) });
    await setup.connect();
    await setup.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${owner}`).catch(() => undefined);
    await setup.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO ${runtime}`,
    );
    await setup.end();
    afterThisTest(async () => {
      await withPostgresAdmin(databaseUrl, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS ${runtime}`);
        await c.query(`DROP ROLE IF EXISTS ${owner}`);
      });
    });
    const logger = createLogger("test", "silent");
    const migrated = await createDataSource({
      service,
      entities: [AuditEntry],
      migrations: AUDIT_MIGRATIONS,
      config: { dataDir: "", databaseUrl: urlAs(owner, "o") },
      logger,
    });
    await migrated.destroy();
    const db = await createDataSource({
      service,
      entities: [AuditEntry],
      migrations: AUDIT_MIGRATIONS,
      config: { dataDir: "", databaseUrl: urlAs(runtime, "r") },
      logger,
    });
    afterThisTest(() => db.destroy());
    const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
    const trail = new AuditTrail(db, {
      department: "labor-security",
      signingKey: privateKey,
      verifyKey: publicKey,
      publishedHeads: async () => [],
    });
    await trail.append([read(1), read(2)]);
    await db.query("UPDATE audit_head SET sent_at = 'now' WHERE id = 2");
    assert.equal((await trail.verify()).ok, true);
    for (const statement of [
      "UPDATE audit_entry SET purpose = 'x' WHERE id = 1",
      "DELETE FROM audit_entry WHERE id = 2",
      "TRUNCATE audit_entry",
      "UPDATE audit_head SET hash = 'x' WHERE id = 2",
      "DELETE FROM audit_head",
    ]) {
      await assert.rejects(db.query(statement), /permission denied/, statement);
    }
    assert.equal((await db.query("SELECT count(*)::int AS n FROM audit_entry"))[0].n, 2);
  },
);
