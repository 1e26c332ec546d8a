import type { EntityManager } from "typeorm";
import type { Caller } from "@onewindow/contracts";
import { BadUserInputError } from "@onewindow/platform";
import { CentreSetting } from "../queue/centre-setting.entity";
import { WindowStaff } from "../staff/staff.entity";
import { HALL_ASSESSMENT } from "./assessment.messages";

/*
 * Where the assessment meets the service centres and the staff records, which other parts of the
 * hall model.
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
 * The centre a window clerk works at, which is the only one they may self-review: the centre of
 * their staff record (the token's subject is the staff number). Null for a clerk account with no
 * staff record (an operator's), which the centre has not posted at a window.
 */
export async function clerksCentre(tx: EntityManager, caller: Caller): Promise<string | null> {
  if (!caller.userId) return null;
  const staff = await tx.findOneBy(WindowStaff, { staffNumber: caller.userId });
  return staff?.centre ?? null;
}
