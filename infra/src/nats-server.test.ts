import { afterAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connect } from "nats";
import { devEventKeyFiles, ensureDevKeys } from "@onewindow/platform";
import { ensureNatsServer } from "./nats-server";
import { freePort, PrivateNatsServer } from "./stack/private-nats";

describe("the nats-server npm start runs", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-launch-nats-"));
  ensureDevKeys(dataDir);
  const stops: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const stop of stops) await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("when nothing listens it starts one from the generated configuration: departments log in with their passwords, nobody else", async () => {
    const url = `nats://127.0.0.1:${await freePort()}`;
    const status = await ensureNatsServer(url, dataDir, "onewindow");
    assert.ok(status.child, status.message);
    stops.push(
      () =>
        new Promise<void>((resolve) => (status.child!.once("exit", () => resolve()), status.child!.kill("SIGTERM"))),
    );
    assert.equal((fs.statSync(path.join(dataDir, "nats", "nats-server.conf")).mode & 0o777).toString(8), "600");
    await assert.rejects(connect({ servers: url }), (err: any) => err.code === "AUTHORIZATION_VIOLATION");
    const pass = fs.readFileSync(devEventKeyFiles(dataDir, "labor-security").natsPassword, "utf8").trim();
    const nc = await connect({ servers: url, user: "labor-security", pass, inboxPrefix: "_INBOX_labor-security" });
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({ name: "ONEWINDOW_LABOR", subjects: ["onewindow.labor.>"] });
    await nc.jetstream().publish("onewindow.labor.citizen.registered", "{}");
    await assert.rejects(
      nc.jetstream().publish("onewindow.tax.pension.recorded", "{}", { timeout: 3000 }),
      (err: any) => err.code === "PERMISSIONS_VIOLATION",
    );
    await nc.close();
    // Started again, it finds its own server and says that it requires credentials.
    assert.match((await ensureNatsServer(url, dataDir)).message, /requires credentials/);
  });

  test("a server already listening that lets anyone in is used, with a warning", async () => {
    const open = await PrivateNatsServer.start();
    stops.push(() => open.dispose());
    const status = await ensureNatsServer(open.url, dataDir);
    assert.equal(status.child, undefined);
    assert.match(status.message, /lets anyone in/);
  });
});
