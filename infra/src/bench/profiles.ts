/** One measured run of the bench, on the clock of V8's CPU profiles (µs, CLOCK_MONOTONIC on Linux). */
export interface ProfiledRun {
  query: string;
  target: string;
  round: number;
  from: number;
  to: number;
  requests: number;
}

/** Now on the clock V8 stamps a CPU profile's samples with: the same monotonic clock in every process. */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** The parts of a `.cpuprofile` (Chrome DevTools' format) read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * What a frame's code is, for "where the time goes": by the file it is in (a package, a part of
 * the platform, a department), or null for native code and V8 builtins, whose time goes to the
 * JavaScript frame that called them (a signature check's time to whoever checks).
 */
export function categoryOf(url: string, functionName: string): string | null {
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(program)") return "V8 and native, outside JavaScript";
  if (!url) return null;
  const rules: [RegExp, string][] = [
    [/shared\/platform\/(dist|src)\/auth\//, "context verification, authorization (platform auth)"],
    [/shared\/platform\/(dist|src)\/audit\//, "audit trail (platform audit)"],
    [/shared\/platform\/(dist|src)\/cache\//, "aggregate cache (platform cache)"],
    [/shared\/platform\/(dist|src)\/(db|data-source)/, "SQL helpers (platform db)"],
    [/shared\/platform\//, "platform: HTTP server, context, plugins"],
    [/shared\/contracts\//, "contracts"],
    [/services\/[^/]+\//, "department code (resolvers, services)"],
    [/node_modules\/graphql\//, "GraphQL execution (graphql-js)"],
    [/node_modules\/type-graphql\//, "type-graphql (resolver wrappers, auth checks)"],
    [/node_modules\/@apollo\/subgraph\//, "federation (_entities)"],
    [/node_modules\/@apollo\/(server|utils)/, "Apollo Server (request pipeline)"],
    [/node_modules\/@apollo\//, "@apollo (gateway, planner)"],
    [/node_modules\/pg(-[a-z]+)?\//, "PostgreSQL client (pg)"],
    [/node_modules\/typeorm\//, "TypeORM"],
    [/node_modules\/dataloader\//, "DataLoader"],
    [/node_modules\/(pino|sonic-boom|thread-stream)/, "logging"],
    [/node_modules\/prom-client\//, "metrics"],
    [/node_modules\/(nats|@nats-io)/, "NATS client"],
    [/node_modules\/(undici|autocannon)/, "HTTP client"],
    [/^node:internal\/crypto|^node:crypto/, "crypto (signatures, hashes)"],
    [
      /^node:(_http|http|net|internal\/(http|stream|streams|net)|stream|internal\/js_stream)/,
      "HTTP and sockets (Node)",
    ],
    [
      /^node:internal\/(process\/task_queues|async_hooks|timers)|^node:async_hooks|^node:timers/,
      "promises, timers (Node)",
    ],
    [/^node:/, "other Node internals"],
    [/gateway\//, "gateway code"],
  ];
  for (const [pattern, name] of rules) if (pattern.test(url)) return name;
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  return pkg ? `other packages (${pkg[1]})` : "other";
}

/**
 * CPU time of a profile's samples within the windows `runs`, ms, by {@link categoryOf} (a native
 * frame's time to its nearest JavaScript caller's; JSON.parse and JSON.stringify on their own) and
 * by function (self time); idle samples are not counted.
 */
export function profileWithin(
  profile: CpuProfile,
  runs: readonly { from: number; to: number }[],
): { totalMs: number; byCategory: Map<string, number>; byFunction: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const category = new Map<number, string>();
  const categoryOfNode = (id: number): string => {
    const known = category.get(id);
    if (known) return known;
    const { url, functionName } = byId.get(id)!.callFrame;
    let name = categoryOf(url, functionName);
    if (!name && !url && (functionName === "stringify" || functionName === "parse")) name = "JSON";
    if (!name) name = parent.has(id) ? categoryOfNode(parent.get(id)!) : "V8 and native, outside JavaScript";
    category.set(id, name);
    return name;
  };
  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    // A sample stands for the time since the previous one.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!runs.some((r) => at >= r.from && at < r.to)) continue;
    const node = byId.get(profile.samples[i])!;
    if (node.callFrame.functionName === "(idle)") continue;
    totalMs += ms;
    const c = categoryOfNode(node.id);
    byCategory.set(c, (byCategory.get(c) ?? 0) + ms);
    const { functionName, url, lineNumber } = node.callFrame;
    const fn = `${functionName || "(anonymous)"} ${url.replace(/^file:\/\//, "").replace(/^.*node_modules\//, "")}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  return { totalMs, byCategory, byFunction };
}
