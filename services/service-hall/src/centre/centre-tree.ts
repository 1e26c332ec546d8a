import type { EntityManager } from "typeorm";
import { num, runSql } from "@onewindow/platform";
import type { CentreLevel } from "./centre.enums";
import { ServiceCentre } from "./service-centre.entity";

/**
 * The centres as a tree, read whole: a city has a few thousand centres at most, so a scope or a
 * ranking's roll-up is computed here rather than by a recursive query each database spells differently.
 */
export class CentreTree {
  private readonly children = new Map<string, string[]>();
  readonly byCode = new Map<string, ServiceCentre>();

  constructor(readonly centres: readonly ServiceCentre[]) {
    for (const c of centres) {
      this.byCode.set(c.code, c);
      if (c.parentCode !== null)
        (this.children.get(c.parentCode) ?? this.children.set(c.parentCode, []).get(c.parentCode)!).push(c.code);
    }
  }

  /**
   * Every centre, by code. Plain SQL rather than the ORM's find: a ranking reads the whole tree on
   * every request, and building a thousand entities through TypeORM cost more than the query.
   */
  static async read(tx: EntityManager): Promise<CentreTree> {
    const rows: Record<string, unknown>[] = await runSql(
      tx,
      `SELECT code, name, level, parent_code, district, street, recall_window_minutes
       FROM hall_centre_setting ORDER BY code`,
      [],
    );
    return new CentreTree(
      rows.map((r) =>
        Object.assign(new ServiceCentre(), {
          code: r.code as string,
          name: r.name as string,
          level: r.level as CentreLevel,
          parentCode: (r.parent_code as string | null) ?? null,
          district: (r.district as string | null) ?? null,
          street: (r.street as string | null) ?? null,
          recallWindowMinutes: num(r.recall_window_minutes),
        }),
      ),
    );
  }

  /** `code` and every centre below it, at any depth. */
  subtree(code: string): string[] {
    const out: string[] = [];
    const stack = [code];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const next = stack.pop()!;
      // A cycle in hand-loaded data must not hang a KPI read.
      if (seen.has(next)) continue;
      seen.add(next);
      out.push(next);
      stack.push(...(this.children.get(next) ?? []));
    }
    return out;
  }

  /** `code` and the centres above it, nearest first. */
  ancestry(code: string): string[] {
    const out: string[] = [];
    let at: string | null = code;
    while (at !== null && !out.includes(at)) {
      out.push(at);
      at = this.byCode.get(at)?.parentCode ?? null;
    }
    return out;
  }
}
