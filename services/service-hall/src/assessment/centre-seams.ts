import type { EntityManager } from "typeorm";
import type { Caller } from "@onewindow/contracts";
import { BadUserInputError } from "@onewindow/platform";
import { CentreSetting } from "../queue/centre-setting.entity";
import { HALL_ASSESSMENT } from "./assessment.messages";

/*
 * Where the assessment meets the service centres and the staff records, which other parts of the
 * hall model. Until they land these answer from what the hall knows today; each says what it
 * becomes.
 */

/** The levels of service centre (the ServiceCentre model's CITY … BUILDING_STATION). */
export const CENTRE_LEVELS = ["CITY", "DISTRICT", "STREET", "COMMUNITY", "BUILDING_STATION"] as const;

/**
 * The centres at `level`, with their names, for a ranking. Centres have no level yet: every centre
 * the hall knows is ranked, whatever the level asked. Once ServiceCentre has levels this filters
 * on them (and `level` becomes its enum in the schema).
 */
export async function centresAtLevel(tx: EntityManager, level: string): Promise<{ code: string; name: string }[]> {
  const text = String(level ?? "")
    .trim()
    .toUpperCase();
  if (!(CENTRE_LEVELS as readonly string[]).includes(text))
    throw new BadUserInputError(HALL_ASSESSMENT.unknownLevel.with({ level: String(level) }), "level");
  const rows = await tx.find(CentreSetting, { order: { code: "ASC" } });
  return rows.map((r) => ({ code: r.code, name: r.name }));
}

/**
 * The centre a window clerk works at, which is the only one they may self-review. Nothing records
 * it yet (null: any centre the hall knows); once staff records exist it is the centre of the
 * clerk's staff record (`requireStaff(tx, caller.userId).centre`).
 */
export async function clerksCentre(_tx: EntityManager, _caller: Caller): Promise<string | null> {
  return Promise.resolve(null);
}
