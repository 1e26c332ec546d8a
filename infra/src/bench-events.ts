import os from "node:os";
import { makeIdNumber, today } from "@onewindow/platform";
import { Progress } from "./seed/progress";
import { startStack, type Stack } from "./stack/stack";

/**
 * `npm run bench:events`: the event backbone's speed, on a real stack (PostgreSQL when
 * DATABASE_URL is set, else SQLite; NATS at NATS_URL):
 * - throughput: unemployment registrations made while the stack's own nats-server is down, so
 *   that their events wait in labor's outbox; then NATS comes back and the clock runs until
 *   medical insurance has applied every one (relay → JetStream → consumer → effect);
 * - latency: retirements one at a time, from the mutation until both insurance and tax show
 *   their effect through the gateway, p50 / p99.
 */
async function main() {
  const args = new Map<string, number>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) args.set(argv[i].replace(/^--/, ""), Number(argv[i + 1]));
  const events = args.get("events") ?? 2000;
  const runs = args.get("runs") ?? 1000;
  const concurrency = args.get("concurrency") ?? 16;
  console.log(
    `event backbone benchmark: ${events} events, ${runs} retirements, ${process.env.DATABASE_URL ? "PostgreSQL" : "SQLite"}, ${os.cpus().length} cores, node ${process.version}`,
  );
  const stack = await startStack();
  try {
    const people = Array.from({ length: events + runs }, (_, i) =>
      makeIdNumber(`3301${String(10 + (i % 90)).padStart(2, "0")}`, "1965-06-15", Math.floor(i / 90) * 2 + 1),
    );
    await inParallel(people, concurrency, "citizens registered", (idNumber) =>
      mutate(stack, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
        i: { idNumber, name: "压测" },
      }),
    );

    const unemployed = people.slice(0, events);
    const list = unemployed.map((p) => `'${p}'`).join(",");
    await stack.nats!.halt();
    await inParallel(unemployed, concurrency, "unemployment registrations (NATS down)", (idNumber) =>
      mutate(stack, `mutation ($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { status } }`, {
        i: { idNumber, registeredOn: "2025-03-01" },
      }),
    );
    await stack.nats!.resume();
    const started = performance.now();
    const progress = new Progress("effects applied by medical insurance", events);
    for (;;) {
      const [{ n }] = await stack.sql<{ n: number | string }>(
        "medical-insurance",
        `SELECT COUNT(*) AS n FROM enrolment WHERE scheme = 'UNEMPLOYED' AND id_number IN (${list})`,
      );
      progress.update(Number(n));
      if (Number(n) >= events) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const applied = performance.now();

    const latencies: number[] = [];
    const year = Number(today().slice(0, 4)) - 1;
    const retiring = new Progress("retirements end to end", runs);
    for (const [i, idNumber] of people.slice(events).entries()) {
      const t0 = performance.now();
      await mutate(stack, `mutation ($i: ApproveRetirementInput!) { approveRetirement(input: $i) { retiredOn } }`, {
        i: { idNumber, retiredOn: `${year}-07-01`, monthlyPension: 3000 },
      });
      for (;;) {
        const res = await stack.query<{
          citizen: { medicalInsurance: { scheme: string } | null; exemptPensionIncome: number } | null;
        }>(
          `query ($id: ID!, $y: Int!) { citizen(idNumber: $id) { medicalInsurance { scheme } exemptPensionIncome(year: $y) } }`,
          { id: idNumber, y: year },
        );
        if (res.data?.citizen?.medicalInsurance?.scheme === "RETIREE" && res.data.citizen.exemptPensionIncome > 0)
          break;
        await new Promise((r) => setTimeout(r, 2));
      }
      latencies.push(performance.now() - t0);
      retiring.update(i + 1);
    }
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
    console.log(`
| measure | result |
|---|---|
| outbox → JetStream → consumer effect: ${events} events waiting in the outbox when NATS returns | all applied in ${((applied - started) / 1000).toFixed(2)} s (reconnect included): **${(events / ((applied - started) / 1000)).toFixed(0)} events/s** |
| retirement workflow (labor → insurance and tax, seen through the gateway), ${runs} runs | p50 **${pct(50)} ms**, p99 **${pct(99)} ms**, max ${latencies.at(-1)!.toFixed(1)} ms |`);
  } finally {
    await stack.stop();
  }
}

async function mutate(stack: Stack, query: string, variables: Record<string, unknown>): Promise<void> {
  const res = await stack.query(query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

async function inParallel<T>(
  items: T[],
  concurrency: number,
  label: string,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const progress = new Progress(label, items.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        await work(items[next++]);
        progress.update(++done);
      }
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
