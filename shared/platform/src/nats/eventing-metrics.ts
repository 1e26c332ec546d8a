import { Gauge } from "prom-client";
import type { DataSource } from "typeorm";
import { metricsRegistry, SCRAPE_QUERY } from "../metrics";
import type { EventConsumer } from "./event-consumer";

/** What one service's event backbone reports at each scrape. */
interface EventingSource {
  service: string;
  db: DataSource;
  consumer?: EventConsumer;
}

const sources = new Set<EventingSource>();

const count = async (db: DataSource, sql: string): Promise<number> =>
  Number((await db.query<{ n: unknown }[]>(SCRAPE_QUERY + sql))[0]?.n ?? 0);

/** A gauge per service of a count each service's database answers at scrape time. */
function countGauge(name: string, help: string, sql: string): void {
  new Gauge({
    name,
    help,
    labelNames: ["service"],
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      for (const s of sources) if (s.db.isInitialized) this.set({ service: s.service }, await count(s.db, sql));
    },
  });
}

// Read at scrape time from the database and JetStream, so they are never stale.
countGauge(
  "onewindow_outbox_backlog",
  "Events committed in the outbox and not yet published to NATS",
  "SELECT COUNT(*) AS n FROM outbox_event WHERE sent_at IS NULL",
);
countGauge(
  "onewindow_dead_letters",
  "Events a handler gave up on and no operator has replayed yet",
  "SELECT COUNT(*) AS n FROM dead_letter WHERE replayed_at IS NULL",
);

new Gauge({
  name: "onewindow_consumer_lag",
  help: "Events of a source department's stream this service has not yet acknowledged",
  labelNames: ["service", "source"],
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const s of sources) {
      for (const [source, lag] of (await s.consumer?.lag()) ?? []) this.set({ service: s.service, source }, lag);
    }
  },
});

/** Reports a service's outbox, dead letters and consumer lag on /metrics until the returned function is called. */
export function reportEventing(service: string, db: DataSource, consumer?: EventConsumer): () => void {
  const source = { service, db, consumer };
  sources.add(source);
  return () => sources.delete(source);
}
