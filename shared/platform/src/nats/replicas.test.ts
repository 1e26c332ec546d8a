import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { loadBaseConfig, natsServers } from "../config";
import { replicasForCluster } from "./nats-event-bus";

test("NATS_URL may name a cluster's servers, comma-separated; each must be a nats URL", () => {
  const url = "nats://n1:4222, nats://n2:4222,nats://n3:4222";
  assert.deepEqual(natsServers(loadBaseConfig({ NATS_URL: url }).natsUrl), [
    "nats://n1:4222",
    "nats://n2:4222",
    "nats://n3:4222",
  ]);
  assert.throws(() => loadBaseConfig({ NATS_URL: "nats://n1:4222,n2:4222" }), /NATS_URL must look like/);
});

test("stream replicas: NATS_REPLICAS when set, else 3 on a cluster of three or more servers and 1 otherwise", () => {
  assert.equal(loadBaseConfig({}).events.replicas, undefined);
  assert.equal(loadBaseConfig({ NATS_REPLICAS: "5" }).events.replicas, 5);
  assert.equal(replicasForCluster({}), 1);
  assert.equal(replicasForCluster({ cluster: "c", connect_urls: ["a:1", "b:1"] }), 1);
  assert.equal(replicasForCluster({ cluster: "c", connect_urls: ["a:1", "b:1", "c:1"] }), 3);
  assert.equal(replicasForCluster({ cluster: "c", connect_urls: ["a:1", "b:1", "c:1", "d:1", "e:1"] }), 3);
  // A server that advertises no peers is not taken for a cluster it cannot prove.
  assert.equal(replicasForCluster({ cluster: "c" }), 1);
});
