import { test } from "@jest/globals";
import assert from "node:assert/strict";
import Sqlite from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDataSource } from "./data-source";
import { createLogger } from "./logger";

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** A service's SQLite file in `dataDir`, with no tables of its own. */
const openSqlite = (service: string, dataDir: string) =>
  createDataSource({
    service,
    entities: [],
    migrations: [],
    config: { dataDir, databaseUrl: undefined },
    logger: createLogger("test", "silent"),
  });

(process.platform === "win32" ? test.skip : test)(
  "SQLite data files are created 0600 in a 0700 DATA_DIR, even under a permissive umask",
  async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-modes-"));
    const dataDir = path.join(parent, "data");
    const umask = process.umask(0o000);
    try {
      const db = await openSqlite("modes", dataDir);
      await db.query("CREATE TABLE t (x INTEGER)");
      await db.query("INSERT INTO t VALUES (1)");
      const database = path.join(dataDir, "modes.sqlite");
      assert.equal(modeOf(dataDir), 0o700);
      assert.equal(modeOf(database), 0o600);
      for (const suffix of ["-wal", "-shm"])
        if (fs.existsSync(database + suffix)) assert.equal(modeOf(database + suffix), 0o600, suffix);
      await db.destroy();
      // An existing directory and file made too open are narrowed at the next start.
      fs.chmodSync(dataDir, 0o755);
      fs.chmodSync(database, 0o644);
      const again = await openSqlite("modes", dataDir);
      assert.equal(modeOf(dataDir), 0o700);
      assert.equal(modeOf(database), 0o600);
      await again.destroy();
    } finally {
      process.umask(umask);
      fs.rmSync(parent, { recursive: true, force: true });
    }
  },
);

test("a SQLite transaction holds the write lock from its start, so another process's write cannot make its own fail", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-immediate-"));
  const db = await openSqlite("immediate", dataDir);
  // Another process on the same file, here a second connection that does not wait for locks.
  const other = new Sqlite(path.join(dataDir, "immediate.sqlite"), { timeout: 0 });
  try {
    await db.query("CREATE TABLE t (x INTEGER)");
    let refused: unknown;
    await db.transaction(async (tx) => {
      assert.deepEqual(await tx.query("SELECT count(*) AS n FROM t"), [{ n: 0 }]);
      // A deferred transaction would let this write in and then be refused its own below.
      try {
        other.prepare("INSERT INTO t VALUES (2)").run();
      } catch (err) {
        refused = err;
      }
      await tx.query("INSERT INTO t VALUES (1)");
    });
    assert.equal((refused as { code?: string })?.code, "SQLITE_BUSY");
    other.prepare("INSERT INTO t VALUES (2)").run();
    assert.deepEqual(await db.query("SELECT x FROM t ORDER BY x"), [{ x: 1 }, { x: 2 }]);
  } finally {
    other.close();
    await db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
