import { test } from "@jest/globals";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDataSource } from "./data-source";
import { createLogger } from "./logger";

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

(process.platform === "win32" ? test.skip : test)(
  "SQLite data files are created 0600 in a 0700 DATA_DIR, even under a permissive umask",
  async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-modes-"));
    const dataDir = path.join(parent, "data");
    const umask = process.umask(0o000);
    try {
      const db = await createDataSource({
        service: "modes",
        entities: [],
        migrations: [],
        config: { dataDir, databaseUrl: undefined },
        logger: createLogger("test", "silent"),
      });
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
      const again = await createDataSource({
        service: "modes",
        entities: [],
        migrations: [],
        config: { dataDir, databaseUrl: undefined },
        logger: createLogger("test", "silent"),
      });
      assert.equal(modeOf(dataDir), 0o700);
      assert.equal(modeOf(database), 0o600);
      await again.destroy();
    } finally {
      process.umask(umask);
      fs.rmSync(parent, { recursive: true, force: true });
    }
  },
);
