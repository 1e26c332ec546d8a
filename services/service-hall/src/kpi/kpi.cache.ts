import type { DataSource, EntityManager } from "typeorm";
import type { Caller } from "@onewindow/contracts";
import {
  callerScope,
  dayGenerations,
  periodGenerations,
  requiredText,
  runSql,
  todayBy,
  type AggregateCache,
  type Clock,
} from "@onewindow/platform";
import { AGGREGATE_READERS } from "../access";
import type { CentreRanking } from "../centre/centre-ranking.types";
import type { CentreLevel, CentreRankingMetric } from "../centre/centre.enums";
import { HOME_CENTRE } from "../queue/centre-setting.entity";
import type { HallKpis } from "./hall-kpis.types";
import type { KpiService } from "./kpi.service";

/*
 * The generations the KPIs depend on. A record of a centre on a day moves, for that day, the
 * centre's own figures, the subtree of every centre above it (a district's figure is its centres'
 * sum) and the whole city's (every ranking reads every centre). The tree itself (who is under
 * whom, and the centres' rows a ranking shows) has one generation of its own.
 */
const OWN = (code: string) => `centre:${code}`;
const SUBTREE = (code: string) => `subtree:${code}`;
const EVERY_CENTRE = "every-centre";
const TREE = "centre-tree";

/** The hall's KPI caches, by the database their inputs are written to. */
const caches = new WeakMap<DataSource, Set<AggregateCache>>();

/**
 * `centres` and every centre above them, in `tx`. One recursive query (UNION, not UNION ALL: a
 * cycle in hand-loaded data ends it).
 */
async function withAncestors(tx: EntityManager, centres: readonly string[]): Promise<string[]> {
  const rows = await runSql<{ code: string }>(
    tx,
    `WITH RECURSIVE up(code) AS (
       SELECT code FROM hall_centre_setting WHERE code IN (${centres.map(() => "?").join(", ")})
       UNION
       SELECT c.parent_code FROM hall_centre_setting c JOIN up ON c.code = up.code WHERE c.parent_code IS NOT NULL
     ) SELECT code FROM up`,
    [...centres],
  );
  return rows.map((r) => r.code);
}

/**
 * Declares, in the transaction that writes them, that KPI inputs (cases, evaluations, tickets,
 * rectifications) of `centres` on `days` change: the cached KPIs depending on them are not served
 * once it commits. Every write of such a record calls it with the centres it belonged to before
 * and after, and every day a KPI counts it by (opened, completed, deadline, evaluated, called).
 */
export async function kpiInputsChanged(
  tx: EntityManager,
  centres: readonly string[],
  days: readonly (string | null | undefined)[],
): Promise<void> {
  const registered = caches.get(tx.connection);
  const known = [...new Set(days)].filter((d): d is string => typeof d === "string");
  if (!registered?.size || known.length === 0 || centres.length === 0) return;
  const scopes = [EVERY_CENTRE, ...centres.map(OWN), ...(await withAncestors(tx, [...new Set(centres)])).map(SUBTREE)];
  const generations = known.flatMap((day) => scopes.flatMap((scope) => dayGenerations(scope, day)));
  for (const cache of registered) await cache.changed(tx, generations);
}

/** Declares that the centres' tree or rows change in `tx`: every cached KPI goes once it commits. */
export async function centresChanged(tx: EntityManager): Promise<void> {
  for (const cache of caches.get(tx.connection) ?? []) await cache.changed(tx, [TREE]);
}

/**
 * The KPIs as the resolvers read them: `hallKpis` and `centreRanking` of {@link KpiService}
 * through the hall's cache, keyed by their arguments, today (an open case counts as due once its
 * deadline has passed) and the caller's scope, depending on the centres' days in the period. The
 * hall's writes move those days' generations ({@link kpiInputsChanged}). Callers authorise first.
 */
export class CachedKpiService {
  constructor(
    private readonly kpis: KpiService,
    private readonly cache: AggregateCache,
    private readonly clock: Clock,
    db: DataSource,
  ) {
    const registered = caches.get(db) ?? new Set<AggregateCache>();
    registered.add(cache);
    caches.set(db, registered);
  }

  hallKpis(
    caller: Caller,
    from: string,
    to: string,
    centre?: string | null,
    includeSubordinate?: boolean | null,
  ): Promise<HallKpis> {
    const compute = () => this.kpis.hallKpis(from, to, centre, includeSubordinate);
    let code: string;
    try {
      // The centre as requireCentre spells it; a code it refuses is refused there, uncached.
      code = requiredText(centre ?? HOME_CENTRE, "centre", 20).toUpperCase();
    } catch {
      return compute();
    }
    const whole = includeSubordinate === true;
    return this.cache.read(
      {
        query: "hallKpis",
        args: [from, to, code, whole, todayBy(this.clock)],
        scope: callerScope(caller, AGGREGATE_READERS),
        generations: [TREE, ...periodGenerations(whole ? SUBTREE(code) : OWN(code), from, to)],
      },
      compute,
    );
  }

  centreRanking(
    caller: Caller,
    level: CentreLevel,
    from: string,
    to: string,
    metric: CentreRankingMetric,
  ): Promise<CentreRanking> {
    return this.cache.read(
      {
        query: "centreRanking",
        args: [level, from, to, metric, todayBy(this.clock)],
        scope: callerScope(caller, AGGREGATE_READERS),
        generations: [TREE, ...periodGenerations(EVERY_CENTRE, from, to)],
      },
      () => this.kpis.centreRanking(level, from, to, metric),
    );
  }
}
