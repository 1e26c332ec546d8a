import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's Prometheus registry. One per process, because every OneWindow service and
 * the gateway run as their own process.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: "onewindow_" });

/** Marks a statement run at scrape time (a gauge's read), which `onewindow_sql_queries_total` leaves out. */
export const SCRAPE_QUERY = "/* metrics scrape */ ";

/** SQL statements sent to this service's database (tests read it to prove batching). */
export const sqlQueries = new Counter({
  name: "onewindow_sql_queries_total",
  help: "SQL statements sent to the database",
  labelNames: ["service"],
  registers: [metricsRegistry],
});

/** GraphQL requests by operation name and outcome. */
export const graphqlRequests = new Histogram({
  name: "onewindow_graphql_request_duration_seconds",
  help: "GraphQL request duration by operation",
  labelNames: ["service", "operation", "outcome"],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});
