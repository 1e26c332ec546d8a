import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { loadBaseConfig, readPort, readUrl } from "./config";

test("defaults follow the run contract", () => {
  const config = loadBaseConfig({});
  assert.equal(config.natsUrl, "nats://127.0.0.1:4222");
  assert.equal(config.databaseUrl, undefined);
  assert.match(config.dataDir, /data$/);
});

test("a malformed variable is refused with a message naming it", () => {
  assert.throws(
    () => loadBaseConfig({ DATABASE_URL: "mysql://db/onewindow" }),
    /DATABASE_URL must start with postgres:\/\//,
  );
  assert.throws(() => loadBaseConfig({ DATABASE_URL: "not a url" }), /DATABASE_URL must be a postgres:\/\/ URL/);
  assert.throws(() => loadBaseConfig({ NATS_URL: "localhost" }), /NATS_URL must look like nats:\/\/host:port/);
  assert.throws(() => loadBaseConfig({ LOG_LEVEL: "loud" }), /LOG_LEVEL must be one of/);
  assert.throws(() => readPort({ PORT: "70000" }, "PORT", 4001), /PORT must be a port number/);
  assert.throws(() => readUrl({ TAX_URL: "ftp://x" }, "TAX_URL", ""), /TAX_URL must be an http/);
});

test("DATABASE_MIGRATION_URL names another role of the same server and database as DATABASE_URL", () => {
  const served = "postgres://labor_security:r@db:5432/onewindow";
  const config = loadBaseConfig({
    DATABASE_URL: served,
    DATABASE_MIGRATION_URL: "postgres://labor_security_owner:o@db:5432/onewindow",
  });
  assert.equal(config.databaseMigrationUrl, "postgres://labor_security_owner:o@db:5432/onewindow");
  assert.equal(loadBaseConfig({ DATABASE_URL: served }).databaseMigrationUrl, undefined);
  assert.throws(
    () => loadBaseConfig({ DATABASE_MIGRATION_URL: "postgres://o@db/onewindow" }),
    /DATABASE_MIGRATION_URL needs DATABASE_URL/,
  );
  assert.throws(
    () => loadBaseConfig({ DATABASE_URL: served, DATABASE_MIGRATION_URL: "mysql://o@db/onewindow" }),
    /DATABASE_MIGRATION_URL must start with postgres:\/\//,
  );
  assert.throws(
    () => loadBaseConfig({ DATABASE_URL: served, DATABASE_MIGRATION_URL: "postgres://o@db:5432/other" }),
    /DATABASE_MIGRATION_URL must name the server and database of DATABASE_URL/,
  );
  assert.throws(
    () => loadBaseConfig({ DATABASE_URL: served, DATABASE_MIGRATION_URL: "postgres://o@elsewhere:5432/onewindow" }),
    /must name the server and database/,
  );
  assert.throws(
    () =>
      loadBaseConfig({ DATABASE_URL: served, DATABASE_MIGRATION_URL: "postgres://labor_security:o@db:5432/onewindow" }),
    /must name another role than DATABASE_URL/,
  );
});

test("DATABASE_MIGRATIONS runs the migrations at start unless told they run elsewhere, and then the owner's URL stays out", () => {
  const served = "postgres://labor_security:r@db:5432/onewindow";
  assert.equal(loadBaseConfig({}).databaseMigrations, "start");
  assert.equal(loadBaseConfig({ DATABASE_URL: served, DATABASE_MIGRATIONS: "" }).databaseMigrations, "start");
  assert.equal(loadBaseConfig({ DATABASE_URL: served, DATABASE_MIGRATIONS: "start" }).databaseMigrations, "start");
  assert.equal(
    loadBaseConfig({ DATABASE_URL: served, DATABASE_MIGRATIONS: "external" }).databaseMigrations,
    "external",
  );
  assert.throws(
    () => loadBaseConfig({ DATABASE_MIGRATIONS: "later" }),
    /DATABASE_MIGRATIONS must be one of start, external, got "later"/,
  );
  assert.throws(() => loadBaseConfig({ DATABASE_MIGRATIONS: "External" }), /DATABASE_MIGRATIONS must be one of/);
  assert.throws(
    () =>
      loadBaseConfig({
        DATABASE_URL: served,
        DATABASE_MIGRATION_URL: "postgres://labor_security_owner:o@db:5432/onewindow",
        DATABASE_MIGRATIONS: "external",
      }),
    /DATABASE_MIGRATIONS external: the serving process must not get DATABASE_MIGRATION_URL/,
  );
});

test("DATABASE_REPLICA_URLS names replicas of DATABASE_URL's server, with its database prefix", () => {
  const served = "postgres://labor_security:s@db:5432/onewindow";
  assert.deepEqual(loadBaseConfig({ DATABASE_URL: served }).databaseReplicaUrls, []);
  assert.deepEqual(
    loadBaseConfig({
      DATABASE_URL: served,
      DATABASE_REPLICA_URLS:
        " postgres://labor_security:s@db-read-1:5432/onewindow, postgres://labor_security:s@db-read-2/onewindow ,",
    }).databaseReplicaUrls,
    ["postgres://labor_security:s@db-read-1:5432/onewindow", "postgres://labor_security:s@db-read-2/onewindow"],
  );
  assert.throws(
    () => loadBaseConfig({ DATABASE_REPLICA_URLS: "postgres://r@db-read/onewindow" }),
    /DATABASE_REPLICA_URLS needs DATABASE_URL/,
  );
  assert.throws(
    () => loadBaseConfig({ DATABASE_URL: served, DATABASE_REPLICA_URLS: "mysql://r@db-read/onewindow" }),
    /DATABASE_REPLICA_URLS must start with postgres:\/\//,
  );
  assert.throws(
    () => loadBaseConfig({ DATABASE_URL: served, DATABASE_REPLICA_URLS: "postgres://r@db-read/other" }),
    /DATABASE_REPLICA_URLS must name DATABASE_URL's database prefix \(\/onewindow\)/,
  );
  assert.throws(
    () => loadBaseConfig({ DATABASE_URL: served, DATABASE_REPLICA_URLS: "postgres://r@db:5432/onewindow" }),
    /must name replicas, not DATABASE_URL's server/,
  );
  assert.equal(loadBaseConfig({ DATABASE_URL: served }).databaseReplicaMaxWaitMs, 50);
  assert.equal(loadBaseConfig({ DATABASE_REPLICA_MAX_WAIT_MS: "0" }).databaseReplicaMaxWaitMs, 0);
  assert.throws(() => loadBaseConfig({ DATABASE_REPLICA_MAX_WAIT_MS: "-1" }), /DATABASE_REPLICA_MAX_WAIT_MS/);
});
