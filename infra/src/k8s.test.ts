/**
 * The Kubernetes manifests in infra/k8s without a cluster: every document parses, each department
 * of subgraphs.ts and the gateway has a Deployment and a Service that agree on the port of the run
 * contract (4001–4005, gateway 4000), the probes hit /readyz and /healthz on it, every variable the
 * processes need is set, every ConfigMap and Secret key referred to exists in the ConfigMap or the
 * Secret template, the HorizontalPodAutoscaler scales the gateway, and the departments that cache
 * aggregates share the Redis beside them.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "@jest/globals";
import { parse, parseAllDocuments } from "yaml";
import { GATEWAY_NODE_OPTIONS } from "@onewindow/gateway";
import {
  cacheStoreFromEnv,
  DEPARTMENT_NODE_OPTIONS,
  eventPublicKeyVariable,
  loadBaseConfig,
  metricsPortOf,
} from "@onewindow/platform";
import { subgraphs } from "./subgraphs";
import { natsPasswordVariable, natsUsers } from "./nats-config";

const root = path.resolve(__dirname, "..", "..");
const k8sDir = path.join(root, "infra", "k8s");
const TEMPLATE = "secrets.template.yaml";

type EnvVar = {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: { name: string; key: string } };
};
type Probe = { httpGet?: { path: string; port: number | string }; tcpSocket?: { port: number | string } };
type Container = {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    runAsNonRoot?: boolean;
    capabilities?: { drop?: string[] };
  };
};
type Volume = {
  name: string;
  secret?: { secretName: string; items?: { key: string; path: string }[] };
  configMap?: { name: string };
};
type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
};
type Loaded = Manifest & { file: string };

function load(file: string): Loaded[] {
  const docs = parseAllDocuments(fs.readFileSync(path.join(k8sDir, file), "utf8"));
  return docs.flatMap((doc) => {
    assert.deepEqual(doc.errors, [], `${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
    const value = doc.toJS() as Manifest | null;
    return value ? [{ ...value, file }] : [];
  });
}

const files = fs
  .readdirSync(k8sDir)
  .filter((f) => /\.ya?ml$/.test(f) && f !== "kustomization.yaml")
  .sort();
const manifests = files.filter((f) => f !== TEMPLATE).flatMap(load);
const secretTemplates = load(TEMPLATE);
const kustomization = parse(fs.readFileSync(path.join(k8sDir, "kustomization.yaml"), "utf8")) as {
  resources: string[];
};

const departments = subgraphs.map((s) => ({
  name: s.definition.name,
  port: s.definition.defaultPort,
  caches: s.definition.aggregateCache === true,
}));
const caching = departments.filter((d) => d.caches).map((d) => d.name);
const processes = [...departments, { name: "gateway", port: 4000 }];
const envName = (department: string) => `${department.toUpperCase().replace(/-/g, "_")}_URL`;

const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);
const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
const configMaps = new Map(ofKind("ConfigMap").map((m) => [m.metadata.name, m.data ?? {}]));
const secrets = new Map(
  secretTemplates
    .filter((m) => m.kind === "Secret")
    .map((m) => [m.metadata.name, { ...(m.data ?? {}), ...(m.stringData ?? {}) }]),
);

function podOf(deployment: Manifest): {
  containers: Container[];
  initContainers?: (Container & { command?: string[]; args?: string[] })[];
  volumes?: Volume[];
  securityContext?: Record<string, unknown>;
} {
  return deployment.spec.template.spec;
}
function containerOf(name: string): Container {
  const deployment = find("Deployment", name);
  assert.ok(deployment, `a Deployment ${name}`);
  const containers = podOf(deployment).containers;
  assert.equal(containers.length, 1, `${name}: one container`);
  return containers[0];
}
/** A probe's or a Service's port, by number or by the container port's name. */
function portNumber(container: Container, port: number | string): number {
  if (typeof port === "number") return port;
  const named = container.ports?.find((p) => p.name === port);
  assert.ok(named, `${container.name}: no container port named ${port}`);
  return named.containerPort;
}
/** An env var's value: literal, or the ConfigMap's; a Secret's is `secret:<name>/<key>`. */
function envValue(container: Container, name: string): string | undefined {
  const variable = container.env?.find((e) => e.name === name);
  if (variable) {
    if (variable.value !== undefined) return variable.value;
    const cm = variable.valueFrom?.configMapKeyRef;
    if (cm) return configMaps.get(cm.name)?.[cm.key];
    const secret = variable.valueFrom?.secretKeyRef;
    if (secret) return `secret:${secret.name}/${secret.key}`;
    return undefined;
  }
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef && configMaps.get(from.configMapRef.name)?.[name] !== undefined)
      return configMaps.get(from.configMapRef.name)![name];
  }
  return undefined;
}
/** The Secret volume a file path lies in, and the Secret key behind that file. */
function secretFile(name: string, file: string): { secretName: string; key: string; readOnly: boolean } | undefined {
  const deployment = find("Deployment", name)!;
  const container = containerOf(name);
  for (const mount of container.volumeMounts ?? []) {
    const dir = mount.mountPath.replace(/\/?$/, "/");
    if (!file.startsWith(dir)) continue;
    const volume = podOf(deployment).volumes?.find((v) => v.name === mount.name);
    if (!volume?.secret) continue;
    const relative = file.slice(dir.length);
    const item = volume.secret.items
      ? volume.secret.items.find((i) => i.path === relative)
      : { key: relative, path: relative };
    if (item) return { secretName: volume.secret.secretName, key: item.key, readOnly: !!mount.readOnly };
  }
  return undefined;
}

describe("infra/k8s", () => {
  it("parses, and kustomization.yaml applies every manifest but the Secret template", () => {
    assert.ok(manifests.length > 0);
    for (const m of [...manifests, ...secretTemplates]) {
      assert.ok(m.apiVersion && m.kind && m.metadata?.name, `${m.file}: apiVersion, kind and metadata.name`);
    }
    assert.deepEqual(
      [...kustomization.resources].sort(),
      files.filter((f) => f !== TEMPLATE),
    );
    assert.ok(!kustomization.resources.includes(TEMPLATE), "the Secret template is never applied");
  });

  it("has a Deployment and a Service for exactly the departments of subgraphs.ts, the gateway and Redis", () => {
    assert.deepEqual(
      ofKind("Deployment")
        .map((m) => m.metadata.name)
        .sort(),
      [...processes.map((p) => p.name), "redis"].sort(),
    );
    assert.deepEqual(
      ofKind("Service")
        .map((m) => m.metadata.name)
        .sort(),
      [...processes.map((p) => p.name), "redis"].sort(),
    );
  });

  it("gives the departments that cache aggregates REDIS_URL from a Secret, naming a Redis that keeps nothing on disk, bounds its memory and requires that Secret's password", () => {
    assert.deepEqual([...caching].sort(), ["hospital-quality", "service-hall"]);
    for (const { name } of processes) {
      const container = containerOf(name);
      const ref = container.env?.find((e) => e.name === "REDIS_URL")?.valueFrom?.secretKeyRef;
      if (!caching.includes(name)) {
        assert.equal(envValue(container, "REDIS_URL"), undefined, `${name} holds no REDIS_URL`);
        continue;
      }
      assert.deepEqual(
        ref,
        { name: "onewindow-redis", key: "url" },
        `${name}: REDIS_URL from the Secret onewindow-redis`,
      );
      const url = new URL(secrets.get(ref.name)![ref.key]);
      assert.equal(url.hostname, "redis", `${name}: REDIS_URL names the redis Service`);
      assert.equal(url.port || "6379", "6379");
      assert.equal(cacheStoreFromEnv({ REDIS_URL: url.toString() }).kind, "redis", `${name} accepts it`);
    }
    const deployment = find("Deployment", "redis")!;
    assert.equal(deployment.spec.replicas, 1, "one Redis: the replicas share it");
    const container = containerOf("redis");
    assert.match(container.image, /^redis:7/);
    const args = (container as Container & { args: string[] }).args;
    const option = (name: string) => args[args.indexOf(name) + 1];
    assert.equal(option("--save"), "", "no snapshots");
    assert.equal(option("--appendonly"), "no", "no append-only file");
    // Any key may go at the bound: a lost generation gets a new token, so only a miss follows.
    assert.equal(option("--maxmemory-policy"), "allkeys-lru");
    const maxMb = Number(/^(\d+)mb$/.exec(option("--maxmemory"))?.[1]);
    const limitMi = Number(/^(\d+)Mi$/.exec(container.resources?.limits?.memory ?? "")?.[1]);
    assert.ok(maxMb > 0 && limitMi > maxMb, "the container's memory limit leaves room above --maxmemory");
    assert.equal(option("--requirepass"), "$(REDIS_PASSWORD)");
    assert.equal(envValue(container, "REDIS_PASSWORD"), "secret:onewindow-redis/password");
    assert.equal(container.securityContext?.readOnlyRootFilesystem, true);
    assert.equal(container.securityContext?.allowPrivilegeEscalation, false);
    assert.equal(podOf(deployment).securityContext?.runAsNonRoot, true);
    assert.equal(container.readinessProbe?.tcpSocket?.port, 6379);
    const service = find("Service", "redis")!;
    assert.equal(service.spec.ports[0].port, 6379);
    assert.equal(service.spec.type, "ClusterIP");
  });

  for (const { name, port } of processes) {
    it(`${name}: container port, Service targetPort and probes agree on ${port}`, () => {
      const deployment = find("Deployment", name)!;
      const service = find("Service", name);
      assert.ok(service, `a Service ${name}`);
      const container = containerOf(name);
      assert.deepEqual(
        container.ports?.map((p) => p.containerPort),
        [port, metricsPortOf(port)],
        `${name}: containerPort (GraphQL, metrics)`,
      );
      const podLabels = deployment.spec.template.metadata.labels as Record<string, string>;
      for (const [k, v] of Object.entries(deployment.spec.selector.matchLabels as Record<string, string>))
        assert.equal(podLabels[k], v, `${name}: Deployment selector`);
      for (const [k, v] of Object.entries(service.spec.selector as Record<string, string>))
        assert.equal(podLabels[k], v, `${name}: the Service selects the Deployment's pods`);
      assert.equal(service.spec.ports.length, 1);
      assert.equal(service.spec.ports[0].port, port, `${name}: Service port`);
      assert.equal(
        portNumber(container, service.spec.ports[0].targetPort ?? service.spec.ports[0].port),
        port,
        `${name}: Service targetPort`,
      );
      assert.equal(container.readinessProbe?.httpGet?.path, "/readyz", `${name}: readiness probe`);
      assert.equal(portNumber(container, container.readinessProbe!.httpGet!.port), port);
      assert.equal(container.livenessProbe?.httpGet?.path, "/healthz", `${name}: liveness probe`);
      assert.equal(portNumber(container, container.livenessProbe!.httpGet!.port), port);
      if (container.startupProbe) assert.equal(portNumber(container, container.startupProbe.httpGet!.port), port);
      const listenVar = name === "gateway" ? "GATEWAY_PORT" : "PORT";
      assert.equal(envValue(container, listenVar) ?? String(port), String(port), `${name}: ${listenVar}`);
    });

    it(`${name}: binds the pod's address, and is scraped on its metrics port, which its Service does not expose`, () => {
      const deployment = find("Deployment", name)!;
      const container = containerOf(name);
      assert.equal(envValue(container, "HOST"), "0.0.0.0", `${name}: HOST (the default is 127.0.0.1)`);
      const metricsPort = metricsPortOf(port);
      assert.equal(
        envValue(container, "METRICS_PORT") ?? String(metricsPort),
        String(metricsPort),
        `${name}: METRICS_PORT`,
      );
      assert.equal(portNumber(container, "metrics"), metricsPort);
      const annotations = (deployment.spec.template.metadata.annotations ?? {}) as Record<string, string>;
      assert.equal(annotations["prometheus.io/scrape"], "true", `${name}: prometheus.io/scrape`);
      assert.equal(annotations["prometheus.io/port"], String(metricsPort), `${name}: prometheus.io/port`);
      assert.equal(annotations["prometheus.io/path"], "/metrics");
      const service = find("Service", name)!;
      assert.ok(
        !service.spec.ports.some(
          (p: { port: number; targetPort?: number | string }) =>
            p.port === metricsPort || p.targetPort === metricsPort || p.targetPort === "metrics",
        ),
        `${name}: the Service does not expose metrics`,
      );
    });

    it(`${name}: resources, a non-root security context, production mode`, () => {
      const deployment = find("Deployment", name)!;
      const container = containerOf(name);
      for (const r of ["cpu", "memory"]) {
        assert.ok(container.resources?.requests?.[r], `${name}: requests.${r}`);
        assert.ok(container.resources?.limits?.[r], `${name}: limits.${r}`);
      }
      const pod = podOf(deployment).securityContext ?? {};
      assert.equal(pod.runAsNonRoot ?? container.securityContext?.runAsNonRoot, true, `${name}: runAsNonRoot`);
      assert.notEqual(pod.runAsUser, 0);
      assert.equal(container.securityContext?.allowPrivilegeEscalation, false);
      assert.equal(container.securityContext?.readOnlyRootFilesystem, true);
      assert.deepEqual(container.securityContext?.capabilities?.drop, ["ALL"]);
      assert.equal(envValue(container, "NODE_ENV"), "production", `${name}: NODE_ENV`);
      assert.match(container.image, new RegExp(`(^|/)${name}:`), `${name}: its own image`);
    });
  }

  it("gives every department its database (by Secret: a role to serve and, in its migrate init container alone, its owner to migrate), NATS (3 stream replicas) and its own internal-context key alone", () => {
    for (const { name } of departments) {
      const container = containerOf(name);
      const database = container.env?.find((e) => e.name === "DATABASE_URL");
      assert.ok(database?.valueFrom?.secretKeyRef, `${name}: DATABASE_URL comes from a Secret`);
      const url = new URL(
        secrets.get(database.valueFrom.secretKeyRef.name)?.[database.valueFrom.secretKeyRef.key] ?? "x:",
      );
      assert.equal(url.protocol, "postgres:", `${name}: DATABASE_URL template is a postgres:// URL`);
      // Migrations in an init container of the same image, as the tables' owner; the service as a
      // role of the department's own, told the migrations run elsewhere, without the owner's URL.
      assert.equal(
        container.env?.find((e) => e.name === "DATABASE_MIGRATION_URL"),
        undefined,
        `${name}: the serving container has no DATABASE_MIGRATION_URL`,
      );
      assert.equal(envValue(container, "DATABASE_MIGRATIONS"), "external", `${name}: DATABASE_MIGRATIONS`);
      assert.equal(
        envValue(container, "NODE_OPTIONS"),
        DEPARTMENT_NODE_OPTIONS,
        `${name}: NODE_OPTIONS, as every launcher sets it`,
      );
      assert.equal(
        loadBaseConfig({ DATABASE_URL: url.toString(), DATABASE_MIGRATIONS: "external" }).databaseMigrations,
        "external",
      );
      const inits = podOf(find("Deployment", name)!).initContainers ?? [];
      assert.equal(inits.length, 1, `${name}: one init container, the migrate step`);
      const [step] = inits;
      assert.equal(step.image, container.image, `${name}: the migrate step runs the department's image`);
      assert.deepEqual(
        [...(step.command ?? []), ...(step.args ?? [])],
        ["node", "service/dist/main.js", "migrate"],
        `${name}: the migrate step's command`,
      );
      assert.deepEqual(
        step.env?.find((e) => e.name === "DATABASE_URL")?.valueFrom?.secretKeyRef,
        database.valueFrom.secretKeyRef,
        `${name}: the migrate step grants the role the container serves as`,
      );
      assert.equal(envValue(step, "DATABASE_MIGRATIONS"), undefined, `${name}: the migrate step runs the migrations`);
      assert.equal(envValue(step, "NODE_ENV"), "production", `${name}: the migrate step's NODE_ENV`);
      assert.equal(step.securityContext?.allowPrivilegeEscalation, false);
      assert.equal(step.securityContext?.readOnlyRootFilesystem, true);
      assert.deepEqual(step.securityContext?.capabilities?.drop, ["ALL"]);
      assert.ok(step.resources?.limits?.cpu && step.resources?.limits?.memory, `${name}: the migrate step's limits`);
      // Its pair, as the department accepts it: same server and database prefix, another role.
      const migration = step.env?.find((e) => e.name === "DATABASE_MIGRATION_URL")?.valueFrom?.secretKeyRef;
      assert.equal(
        migration?.name,
        database.valueFrom.secretKeyRef.name,
        `${name}: DATABASE_MIGRATION_URL comes from the same Secret`,
      );
      const migrationUrl = secrets.get(migration.name)?.[migration.key] ?? "x:";
      const config = loadBaseConfig({ DATABASE_URL: url.toString(), DATABASE_MIGRATION_URL: migrationUrl });
      const owner = new URL(config.databaseMigrationUrl!);
      assert.equal(url.username, name.replace(/-/g, "_"), `${name}: DATABASE_URL logs in as the department's own role`);
      assert.equal(
        owner.username,
        `${url.username}_owner`,
        `${name}: DATABASE_MIGRATION_URL logs in as its owner role`,
      );
      for (const user of [url.username, owner.username])
        assert.ok(!/^(postgres|onewindow)$/.test(user), `${name}: ${user} is not the superuser`);
      for (const other of departments.filter((d) => d.name !== name)) {
        const ref = containerOf(other.name).env?.find((e) => e.name === "DATABASE_URL")?.valueFrom?.secretKeyRef;
        assert.notEqual(
          new URL(secrets.get(ref!.name)?.[ref!.key] ?? "x:").username,
          url.username,
          `${other.name} does not serve as ${name}'s role`,
        );
      }
      const nats = envValue(container, "NATS_URL");
      assert.ok(nats, `${name}: NATS_URL`);
      assert.deepEqual(
        nats.split(",").map((u) => `${new URL(u).protocol}//${new URL(u).host}`),
        [0, 1, 2].map((i) => `nats://nats-${i}.nats-headless:4222`),
        `${name}: NATS_URL names every node of the cluster`,
      );
      assert.equal(envValue(container, "NATS_REPLICAS"), "3", `${name}: NATS_REPLICAS`);
      const secretNames = (podOf(find("Deployment", name)!).volumes ?? []).flatMap((v) =>
        v.secret ? [v.secret.secretName] : [],
      );
      assert.ok(
        !secretNames.includes(
          secretFile("gateway", envValue(containerOf("gateway"), "INTERNAL_CONTEXT_SECRET_FILE")!)!.secretName,
        ),
        `${name} must not mount the gateway's secrets`,
      );
      assert.equal(envValue(container, "INTERNAL_CONTEXT_SECRET_FILE"), undefined);
      // Its own internal-context key, derived from the gateway's secret, from a Secret.
      assert.match(
        envValue(container, "INTERNAL_CONTEXT_KEY") ?? "",
        new RegExp(`^secret:onewindow-context-keys/${name}$`),
        `${name}: INTERNAL_CONTEXT_KEY from its own Secret key`,
      );
      // Its own cursor secret, shared by its replicas, from a Secret.
      assert.match(
        envValue(container, "CURSOR_SECRET") ?? "",
        new RegExp(`^secret:[a-z-]+/${name}$`),
        `${name}: CURSOR_SECRET from its own Secret key`,
      );
    }
  });

  it("gives the gateway each <DEPARTMENT>_URL as that department's Service DNS name and port, and its keys as files", () => {
    const container = containerOf("gateway");
    const namespace =
      (parse(fs.readFileSync(path.join(k8sDir, "kustomization.yaml"), "utf8")) as { namespace?: string }).namespace ??
      "default";
    for (const { name, port } of departments) {
      const value = envValue(container, envName(name));
      assert.ok(value, `gateway: ${envName(name)}`);
      const url = new URL(value);
      assert.equal(url.protocol, "http:");
      const accepted = [
        name,
        `${name}.${namespace}`,
        `${name}.${namespace}.svc`,
        `${name}.${namespace}.svc.cluster.local`,
      ];
      assert.ok(
        accepted.includes(url.hostname),
        `gateway: ${envName(name)} names the ${name} Service (${url.hostname})`,
      );
      assert.equal(url.port, String(port), `gateway: ${envName(name)} port`);
      assert.equal(url.pathname, "/graphql");
    }
    const value = envValue(container, "INTERNAL_CONTEXT_SECRET_FILE");
    assert.ok(value, "gateway: INTERNAL_CONTEXT_SECRET_FILE");
    assert.ok(
      secretFile("gateway", value)?.readOnly,
      "gateway: INTERNAL_CONTEXT_SECRET_FILE is a file of a read-only Secret volume",
    );
    // Production mode: the identity provider's keys, issuer and audience; no shared secret.
    assert.equal(envValue(container, "JWT_SECRET_FILE"), undefined, "gateway: no shared-secret tokens in production");
    for (const variable of ["JWT_ALGORITHMS", "JWT_JWKS_URL", "JWT_ISSUER", "JWT_AUDIENCE"])
      assert.ok(envValue(container, variable), `gateway: ${variable}`);
    assert.doesNotMatch(envValue(container, "JWT_ALGORITHMS")!, /HS/, "gateway: JWT_ALGORITHMS asymmetric");
    assert.equal(envValue(container, "DATABASE_URL"), undefined, "the gateway holds no database");
    assert.equal(
      envValue(container, "NODE_OPTIONS"),
      GATEWAY_NODE_OPTIONS,
      "the gateway's heap cap, as every launcher sets it",
    );
    const limitMi = Number(/^(\d+)Mi$/.exec(container.resources?.limits?.memory ?? "")?.[1]);
    assert.ok(
      limitMi >= 2 * Number(/=(\d+)/.exec(GATEWAY_NODE_OPTIONS)![1]),
      "the memory limit leaves room above the heap cap",
    );
  });

  it("refers only to ConfigMap keys and Secret keys that exist (the Secrets in the template)", () => {
    for (const deployment of ofKind("Deployment")) {
      const pod = podOf(deployment);
      for (const container of pod.containers) {
        for (const e of container.env ?? []) {
          const cm = e.valueFrom?.configMapKeyRef;
          if (cm)
            assert.ok(
              configMaps.get(cm.name)?.[cm.key] !== undefined,
              `${deployment.metadata.name}: ConfigMap ${cm.name} has no key ${cm.key}`,
            );
          const s = e.valueFrom?.secretKeyRef;
          if (s)
            assert.ok(
              secrets.get(s.name)?.[s.key] !== undefined,
              `${deployment.metadata.name}: Secret template ${s.name} has no key ${s.key}`,
            );
          assert.ok(e.value !== undefined || cm || s, `${deployment.metadata.name}: ${e.name} has a value`);
        }
        for (const from of container.envFrom ?? []) {
          if (from.configMapRef)
            assert.ok(
              configMaps.has(from.configMapRef.name),
              `${deployment.metadata.name}: ConfigMap ${from.configMapRef.name}`,
            );
          if (from.secretRef)
            assert.ok(secrets.has(from.secretRef.name), `${deployment.metadata.name}: Secret ${from.secretRef.name}`);
        }
        for (const mount of container.volumeMounts ?? [])
          assert.ok(
            pod.volumes?.some((v) => v.name === mount.name),
            `${deployment.metadata.name}: volume ${mount.name}`,
          );
      }
      for (const volume of pod.volumes ?? []) {
        if (volume.secret) {
          const secret = secrets.get(volume.secret.secretName);
          assert.ok(secret, `${deployment.metadata.name}: Secret ${volume.secret.secretName} is in the template`);
          for (const item of volume.secret.items ?? [])
            assert.ok(
              secret[item.key] !== undefined,
              `${deployment.metadata.name}: Secret ${volume.secret.secretName} has no key ${item.key}`,
            );
        }
        if (volume.configMap)
          assert.ok(
            configMaps.has(volume.configMap.name),
            `${deployment.metadata.name}: ConfigMap ${volume.configMap.name}`,
          );
      }
    }
    // A template: every value is a placeholder, never a real credential.
    for (const [name, data] of secrets) {
      for (const [key, value] of Object.entries(data))
        assert.match(value, /<[^>]+>/, `Secret template ${name}/${key} must hold a <placeholder>`);
    }
  });

  it("scales the gateway with a HorizontalPodAutoscaler", () => {
    const hpas = ofKind("HorizontalPodAutoscaler");
    assert.equal(hpas.length, 1);
    const [hpa] = hpas;
    assert.equal(hpa.apiVersion, "autoscaling/v2");
    assert.deepEqual(hpa.spec.scaleTargetRef, { apiVersion: "apps/v1", kind: "Deployment", name: "gateway" });
    assert.ok(find("Deployment", hpa.spec.scaleTargetRef.name));
    assert.ok(hpa.spec.minReplicas >= 2 && hpa.spec.maxReplicas > hpa.spec.minReplicas);
    assert.ok(hpa.spec.metrics?.length > 0);
    // The gateway's CPU request is what utilisation is measured against.
    assert.ok(containerOf("gateway").resources?.requests?.cpu);
  });

  it("gives each department its own NATS user and event-signing key (a Secret no other department reads), and every department's public key", () => {
    const secretOf = (container: Container, variable: string) =>
      container.env?.find((e) => e.name === variable)?.valueFrom?.secretKeyRef;
    for (const { name } of departments) {
      const container = containerOf(name);
      assert.equal(envValue(container, "NATS_USER"), name);
      for (const variable of ["NATS_PASSWORD", "EVENT_SIGNING_KEY"]) {
        const ref = secretOf(container, variable);
        assert.equal(ref?.name, `onewindow-events-${name}`, `${name}: ${variable} from its own Secret`);
        for (const other of departments.filter((d) => d.name !== name)) {
          assert.ok(
            !containerOf(other.name).env?.some((e) => e.valueFrom?.secretKeyRef?.name === ref!.name),
            `${other.name} must not read ${ref!.name}`,
          );
        }
      }
      for (const publisher of departments) {
        const ref = secretOf(container, eventPublicKeyVariable(publisher.name));
        assert.equal(ref?.name, "onewindow-event-public-keys", `${name}: ${publisher.name}'s public key`);
      }
      assert.ok(
        natsPasswordVariable(name) in (secrets.get("onewindow-nats-passwords") ?? {}),
        `nats-server's password of ${name}`,
      );
    }
  });

  it("the mesh overlay (infra/k8s/mesh) requires mutual TLS and lets each department answer only the gateway, and its metrics only Prometheus", () => {
    const meshDir = path.join(k8sDir, "mesh");
    const overlay = parse(fs.readFileSync(path.join(meshDir, "kustomization.yaml"), "utf8")) as {
      resources: string[];
      patches: { target: { kind: string; name: string }; patch: string }[];
    };
    const meshFiles = fs
      .readdirSync(meshDir)
      .filter((f) => /\.ya?ml$/.test(f) && f !== "kustomization.yaml")
      .sort();
    assert.deepEqual(
      [...overlay.resources].sort(),
      ["..", ...meshFiles].sort(),
      "the overlay applies the base and every mesh manifest",
    );
    const mesh = meshFiles.flatMap((f) => load(path.join("mesh", f)));
    const strict = mesh.filter((m) => m.kind === "PeerAuthentication");
    assert.equal(strict.length, 1);
    assert.equal(strict[0].spec.mtls.mode, "STRICT", "mutual TLS only, no plaintext");
    assert.equal(strict[0].spec.selector, undefined, "for every pod of the namespace");
    // The gateway's identity: the service account the overlay gives its pods.
    const account = overlay.patches.find((p) => p.target.kind === "Deployment" && p.target.name === "gateway");
    const serviceAccount = /value: (\S+)/.exec(account?.patch ?? "")?.[1];
    assert.ok(
      serviceAccount && mesh.some((m) => m.kind === "ServiceAccount" && m.metadata.name === serviceAccount),
      "the gateway runs as a service account of its own",
    );
    const namespace = (parse(fs.readFileSync(path.join(k8sDir, "kustomization.yaml"), "utf8")) as { namespace: string })
      .namespace;
    const gatewayPrincipal = `cluster.local/ns/${namespace}/sa/${serviceAccount}`;
    for (const { name, port } of departments) {
      const policies = mesh.filter(
        (m) => m.kind === "AuthorizationPolicy" && m.spec.selector?.matchLabels?.["app.kubernetes.io/name"] === name,
      );
      assert.equal(policies.length, 1, `${name}: one policy`);
      const { action, rules } = policies[0].spec as {
        action: string;
        rules: { from: { source: { principals: string[] } }[]; to: { operation: { ports: string[] } }[] }[];
      };
      assert.equal(action, "ALLOW", `${name}: what is not allowed is refused`);
      const graphql = rules.filter((r) => r.to.some((t) => t.operation.ports.includes(String(port))));
      assert.deepEqual(
        graphql.flatMap((r) => r.from.flatMap((f) => f.source.principals)),
        [gatewayPrincipal],
        `${name}: GraphQL port ${port} for the gateway alone`,
      );
      const metrics = String(metricsPortOf(port));
      assert.equal(find("Deployment", name)!.spec.template.metadata.annotations["prometheus.io/port"], metrics);
      const scrape = rules.filter((r) => r.to.some((t) => t.operation.ports.includes(metrics)));
      assert.ok(
        scrape.length === 1 && !scrape[0].from.some((f) => f.source.principals.includes(gatewayPrincipal)),
        `${name}: metrics port ${metrics} for the scraper alone`,
      );
      assert.equal(rules.length, 2, `${name}: nothing else is allowed`);
    }
    // Redis answers only the departments that cache there, each running as an account of its own.
    const accountOf = (name: string) =>
      /value: (\S+)/.exec(
        overlay.patches.find((p) => p.target.kind === "Deployment" && p.target.name === name)?.patch ?? "",
      )?.[1];
    const cachers = caching.map((name) => {
      const sa = accountOf(name);
      assert.ok(
        sa && mesh.some((m) => m.kind === "ServiceAccount" && m.metadata.name === sa),
        `${name} runs as a service account of its own`,
      );
      return `cluster.local/ns/${namespace}/sa/${sa}`;
    });
    const redis = mesh.filter(
      (m) => m.kind === "AuthorizationPolicy" && m.spec.selector?.matchLabels?.["app.kubernetes.io/name"] === "redis",
    );
    assert.equal(redis.length, 1, "redis: one policy");
    assert.equal(redis[0].spec.action, "ALLOW");
    const redisRules = redis[0].spec.rules as {
      from: { source: { principals: string[] } }[];
      to: { operation: { ports: string[] } }[];
    }[];
    assert.deepEqual(
      redisRules.flatMap((r) => r.from.flatMap((f) => f.source.principals)).sort(),
      cachers.sort(),
      "redis: for the caching departments alone",
    );
    assert.deepEqual(
      redisRules.flatMap((r) => r.to.flatMap((t) => t.operation.ports)),
      ["6379"],
    );
  });

  it("runs each department's partition maintenance daily: a CronJob of its migrate step, from its Deployment's image, as its database's owner", () => {
    for (const { name } of departments) {
      const job = find("CronJob", `${name}-db-maintain`);
      assert.ok(job, `a CronJob ${name}-db-maintain`);
      assert.ok(job.spec.schedule && job.spec.schedule.split(" ").length === 5, `${name}: a daily schedule`);
      assert.equal(job.spec.concurrencyPolicy, "Forbid", `${name}: never two runs at once`);
      const pod = job.spec.jobTemplate.spec.template.spec as ReturnType<typeof podOf> & { restartPolicy: string };
      assert.equal(pod.containers.length, 1);
      const [container] = pod.containers as (Container & { command?: string[] })[];
      const migrate = podOf(find("Deployment", name)!).initContainers!.find((c) => c.name === "migrate")!;
      assert.equal(container.image, migrate.image, `${name}: the Deployment's image`);
      assert.deepEqual(container.command, ["node", "service/dist/main.js", "migrate"]);
      assert.equal(envValue(container, "DATABASE_MIGRATION_URL"), `secret:onewindow-database/${name}-migration`);
      assert.equal(envValue(container, "DATABASE_URL"), `secret:onewindow-database/${name}`);
      assert.equal((pod.securityContext as { runAsNonRoot?: boolean }).runAsNonRoot, true);
      assert.ok(kustomization.resources.includes(`${name}.yaml`));
    }
  });

  it("gives every serving department DATABASE_REPLICA_URLS, its serving role on the chart's read replicas, and deploys PostgreSQL with streaming replicas", () => {
    const values = parse(fs.readFileSync(path.join(k8sDir, "helm", "postgresql-values.yaml"), "utf8")) as any;
    assert.equal(values.architecture, "replication", "helm/postgresql-values.yaml: a primary and read replicas");
    assert.ok(values.readReplicas.replicaCount >= 1, "at least one read replica");
    assert.equal(values.auth.existingSecret, "onewindow-postgresql");
    assert.match(values.readReplicas.extendedConfiguration, /hot_standby_feedback = on/);
    for (const { name } of departments) {
      const container = containerOf(name);
      const served = container.env?.find((e) => e.name === "DATABASE_URL")?.valueFrom?.secretKeyRef;
      assert.ok(served, `${name}: DATABASE_URL comes from a Secret`);
      const replicas = container.env?.find((e) => e.name === "DATABASE_REPLICA_URLS")?.valueFrom?.secretKeyRef;
      assert.ok(replicas, `${name}: DATABASE_REPLICA_URLS comes from a Secret`);
      assert.equal(replicas.name, served.name, `${name}: from the Secret of its DATABASE_URL`);
      const primaryUrl = secrets.get(served.name)![served.key];
      const replicaUrls = secrets.get(replicas.name)?.[replicas.key];
      assert.ok(replicaUrls, `${name}: the Secret template has ${replicas.key}`);
      const config = loadBaseConfig({ DATABASE_URL: primaryUrl, DATABASE_REPLICA_URLS: replicaUrls });
      assert.deepEqual(
        config.databaseReplicaUrls.map((u) => new URL(u).host),
        ["postgresql-read:5432"],
        `${name}: the chart's read Service (release postgresql)`,
      );
      for (const url of config.databaseReplicaUrls)
        assert.equal(new URL(url).username, new URL(primaryUrl).username, `${name}: reads as the role it serves as`);
      const [step] = podOf(find("Deployment", name)!).initContainers ?? [];
      assert.equal(
        step.env?.find((e) => e.name === "DATABASE_REPLICA_URLS"),
        undefined,
        `${name}: the migrate step works on the primary alone`,
      );
    }
  });

  it("deploys NATS with the official chart's values: three JetStream nodes on file storage, the generated users, passwords from the Secret", () => {
    const values = parse(fs.readFileSync(path.join(k8sDir, "helm", "nats-values.yaml"), "utf8")) as any;
    assert.equal(values.config.cluster.enabled, true);
    assert.equal(values.config.cluster.replicas, 3);
    assert.equal(values.config.jetstream.enabled, true);
    assert.equal(values.config.jetstream.fileStore.enabled, true);
    // The users and permissions are those every other deployment generates (infra/src/nats-config.ts).
    const expected = natsUsers("onewindow", (u) => `<< $${natsPasswordVariable(u)} >>`).map((u) =>
      u.permissions
        ? {
            user: u.user,
            password: u.password,
            permissions: {
              publish: u.permissions.publish.length ? { allow: u.permissions.publish } : { deny: [">"] },
              subscribe: { allow: u.permissions.subscribe },
            },
          }
        : { user: u.user, password: u.password },
    );
    assert.deepEqual(values.config.merge.authorization.users, expected, "helm/nats-values.yaml: its users are stale");
    for (const { user } of expected) {
      const variable = natsPasswordVariable(user);
      assert.deepEqual(values.container.env[variable], {
        valueFrom: { secretKeyRef: { name: "onewindow-nats-passwords", key: variable } },
      });
    }
  });
});
