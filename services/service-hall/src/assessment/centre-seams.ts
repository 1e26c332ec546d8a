import type { EntityManager } from "typeorm";
import type { Caller } from "@onewindow/contracts";
import { CentreLevel } from "../centre/centre.enums";
import { ServiceCentre } from "../centre/service-centre.entity";
import { WindowStaff } from "../staff/staff.entity";

/*
 * Where the assessment meets the service centres and the staff records, which other parts of the
 * hall model.
 */

/** The centres at `level`, with their names, for a ranking. */
export async function centresAtLevel(tx: EntityManager, level: CentreLevel): Promise<{ code: string; name: string }[]> {
  const rows = await tx.find(ServiceCentre, { where: { level }, order: { code: "ASC" } });
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
