import fs from "node:fs";
import path from "node:path";
import { DataSource } from "typeorm";
import { departmentOf, EVENT_PUBLISHERS, type Department } from "@onewindow/contracts";
import { followedEventTypes } from "@onewindow/gateway";
import {
  devEventKeyFiles,
  ensureDevEventKeys,
  NATS_ADMIN_USER,
  NATS_GATEWAY_USER,
  natsSubject,
  streamName,
} from "@onewindow/platform";
import { inboxPrefixOf } from "@onewindow/platform/nats";
import { subgraphs } from "./subgraphs";

/** What one NATS user may publish and subscribe to. */
export interface NatsPermissions {
  publish: string[];
  subscribe: string[];
}

/** A NATS user of the generated configuration; no permissions means every permission (the admin). */
export interface NatsUser {
  user: string;
  /** The password itself, or a `$VARIABLE` nats-server reads from its environment. */
  password: string;
  permissions?: NatsPermissions;
}

/** The departments whose events a service consumes: the types its handlers are registered for. */
export function consumedDepartments(service: string): Department[] {
  const entry = subgraphs.find((s) => s.definition.name === service);
  if (!entry?.definition.eventHandlers) return [];
  // Handlers are only listed, never run: the services hold an unopened data source.
  const handlers = entry.definition.eventHandlers(
    entry.definition.createServices(new DataSource({ type: "better-sqlite3", database: ":memory:" })),
  );
  return [...new Set(Object.keys(handlers).map(departmentOf))].sort();
}

/**
 * The least a department's service needs on NATS with the `nats` client: publish its own
 * events (`<prefix>.<department>.>`) and its signed audit heads (`<prefix>.audit.<service>`),
 * create and inspect its own stream and the audit stream, and run its durable pull consumer on
 * each stream it consumes (create, inspect, pull, ack). Replies reach it only on its own inbox
 * prefix. Nothing else: no stream of another department created, changed, purged or deleted;
 * no plain subscription to anyone's events.
 */
export function departmentPermissions(prefix: string, service: string): NatsPermissions {
  const department = (Object.keys(EVENT_PUBLISHERS) as Department[]).find((d) => EVENT_PUBLISHERS[d] === service);
  if (!department) throw new Error(`${service} publishes no events of the catalogue`);
  const own = streamName(prefix, department);
  const audit = streamName(prefix, "audit");
  const durable = service.replace(/[^A-Za-z0-9_-]/g, "_");
  const publish = [
    `${prefix}.${department}.>`,
    `${prefix}.audit.${service}`,
    "$JS.API.INFO",
    `$JS.API.STREAM.INFO.${own}`,
    `$JS.API.STREAM.CREATE.${own}`,
    `$JS.API.STREAM.UPDATE.${own}`,
    // The audit heads' stream: created by whichever department comes first, read by all; never
    // updated (its deny_delete/deny_purge stay), purged or deleted by a department.
    `$JS.API.STREAM.INFO.${audit}`,
    `$JS.API.STREAM.CREATE.${audit}`,
    `$JS.API.STREAM.MSG.GET.${audit}`,
    `$JS.API.DIRECT.GET.${audit}`,
    `$JS.API.DIRECT.GET.${audit}.>`,
    `$JS.API.CONSUMER.CREATE.${audit}`,
    `$JS.API.CONSUMER.CREATE.${audit}.>`,
    `$JS.API.CONSUMER.INFO.${audit}.>`,
    `$JS.API.CONSUMER.DELETE.${audit}.>`,
    `$JS.API.CONSUMER.MSG.NEXT.${audit}.>`,
    `$JS.ACK.${audit}.>`,
    `$JS.FC.${audit}.>`,
  ];
  for (const consumed of consumedDepartments(service)) {
    const stream = streamName(prefix, consumed);
    publish.push(
      `$JS.API.STREAM.INFO.${stream}`,
      `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
      `$JS.API.CONSUMER.CREATE.${stream}.${durable}`,
      `$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`,
      `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.${durable}`,
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
      `$JS.ACK.${stream}.${durable}.>`,
    );
  }
  return { publish: [...new Set(publish)], subscribe: [`${inboxPrefixOf(service)}.>`] };
}

/**
 * The gateway reads the events its subscriptions follow as they are published (a plain
 * subscription to each type's subject, no stream or consumer) and publishes nothing.
 */
export function gatewayPermissions(prefix: string): NatsPermissions {
  return {
    publish: [],
    subscribe: [
      ...followedEventTypes().map((type) => natsSubject(prefix, type)),
      `${inboxPrefixOf(NATS_GATEWAY_USER)}.>`,
    ],
  };
}

/** `NATS_PASSWORD_LABOR_SECURITY`: the variable the committed Compose/Kubernetes configuration reads a department's password from. */
export function natsPasswordVariable(user: string): string {
  return `NATS_PASSWORD_${user.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/** Every department's user with its permissions, and the admin; `passwordOf` gives each password (or `$VARIABLE`). */
export function natsUsers(prefix: string, passwordOf: (user: string) => string): NatsUser[] {
  const departments = subgraphs.map(({ definition }) => ({
    user: definition.name,
    password: passwordOf(definition.name),
    permissions: departmentPermissions(prefix, definition.name),
  }));
  return [
    ...departments,
    { user: NATS_GATEWAY_USER, password: passwordOf(NATS_GATEWAY_USER), permissions: gatewayPermissions(prefix) },
    { user: NATS_ADMIN_USER, password: passwordOf(NATS_ADMIN_USER) },
  ];
}

const quote = (s: string) => JSON.stringify(s);

/**
 * One server's place in a JetStream cluster: its unique name (JetStream places replicas by
 * server name), the cluster's name, where it listens for its peers and the routes to all of
 * them (its own included: nats-server ignores a route to itself, and every node gets the same list).
 */
export interface NatsClusterNode {
  serverName: string;
  clusterName: string;
  /** `host:port` of the cluster (route) listener. */
  clusterListen: string;
  /** `nats-route://host:port` of every node. */
  routes: string[];
}

/**
 * A nats-server configuration file: JetStream, the listen address, the users and their
 * permissions, and, for a node of a cluster, its cluster block. A single server and each node of
 * a cluster get the same users and permissions.
 */
export function natsServerConfig(options: {
  listen?: string;
  storeDir?: string;
  monitorPort?: number;
  users: NatsUser[];
  cluster?: NatsClusterNode;
}): string {
  const lines = [
    "# Generated by infra/src/nats-config.ts: each department's user may publish only its own",
    "# events and audit heads and consume only the streams it handles.",
  ];
  if (options.cluster) lines.push(`server_name: ${quote(options.cluster.serverName)}`);
  if (options.listen) lines.push(`listen: ${quote(options.listen)}`);
  if (options.monitorPort) lines.push(`http_port: ${options.monitorPort}`);
  // Without a store here, the command line gives it (`-js -sd`).
  lines.push(options.storeDir ? `jetstream {\n  store_dir: ${quote(options.storeDir)}\n}` : "jetstream: enabled");
  lines.push("authorization {", "  users: [");
  for (const u of options.users) {
    // A `$VARIABLE` stays bare: nats-server reads it from its environment.
    const password = u.password.startsWith("$") ? u.password : quote(u.password);
    if (!u.permissions) {
      lines.push(`    { user: ${quote(u.user)}, password: ${password} }`);
      continue;
    }
    lines.push(`    {`, `      user: ${quote(u.user)}, password: ${password}`, `      permissions: {`);
    // An empty allow list would be no restriction at all: a user that publishes nothing is denied everything.
    lines.push(
      u.permissions.publish.length
        ? `        publish: { allow: [${u.permissions.publish.map(quote).join(", ")}] }`
        : `        publish: { deny: [">"] }`,
    );
    lines.push(`        subscribe: { allow: [${u.permissions.subscribe.map(quote).join(", ")}] }`);
    lines.push(`      }`, `    }`);
  }
  lines.push("  ]", "}");
  if (options.cluster) {
    const { clusterName, clusterListen, routes } = options.cluster;
    lines.push(
      "cluster {",
      `  name: ${quote(clusterName)}`,
      `  listen: ${quote(clusterListen)}`,
      `  routes: [${routes.map(quote).join(", ")}]`,
      "}",
    );
  }
  return lines.join("\n") + "\n";
}

/**
 * Writes the development nats-server configuration into `DATA_DIR/nats/nats-server.conf`
 * (`nats-server-<name>.conf` for a node of a cluster; 0600:
 * it holds the passwords), from the passwords generated under `DATA_DIR/keys/nats`. Returns its path.
 */
export function writeDevNatsConfig(
  dataDir: string,
  options: { host: string; port: number; prefix: string; storeDir?: string; cluster?: NatsClusterNode },
): string {
  ensureDevEventKeys(dataDir);
  const dir = path.join(dataDir, "nats");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // A node of a cluster: a file of its own beside the others (`nats-server-n1.conf`).
  const file = path.join(dir, options.cluster ? `nats-server-${options.cluster.serverName}.conf` : "nats-server.conf");
  const password = (user: string) => fs.readFileSync(devEventKeyFiles(dataDir, user).natsPassword, "utf8").trim();
  const text = natsServerConfig({
    listen: `${options.host}:${options.port}`,
    storeDir: options.storeDir ?? path.join(dir, "store"),
    users: natsUsers(options.prefix, password),
    cluster: options.cluster,
  });
  fs.writeFileSync(file, text, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}

/** The admin's development credentials (operators' tools, tests): every stream, every subject. */
export function devNatsAdmin(dataDir: string): { user: string; pass: string } {
  return {
    user: NATS_ADMIN_USER,
    pass: fs.readFileSync(devEventKeyFiles(dataDir, NATS_ADMIN_USER).natsPassword, "utf8").trim(),
  };
}

/**
 * The configuration Compose and Kubernetes run nats-server with (`infra/compose/nats-server.conf`,
 * checked against this by the deploy tests): subjects under `onewindow`, each password read by
 * nats-server from its environment (`$NATS_PASSWORD_LABOR_SECURITY`, ...), store and ports on
 * the command line.
 */
export function deployedNatsConfig(): string {
  return natsServerConfig({ users: natsUsers("onewindow", (user) => `$${natsPasswordVariable(user)}`) });
}
