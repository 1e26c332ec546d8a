import { ConfigError } from "../config";
import { isRole, type Caller, type Role } from "@onewindow/contracts";

type Env = Record<string, string | undefined>;

/**
 * Distinct persons one user may read per hour in one department, by role (a user holding several
 * roles gets the largest). A window clerk serves the people at the window, a few dozen an hour;
 * officers work through case lists. Anything well past that is an export, not a service.
 */
export const DEFAULT_PERSON_READ_CAPS: Readonly<Record<Role, number>> = {
  window_clerk: 300,
  labor_officer: 2000,
  insurance_officer: 2000,
  tax_officer: 2000,
  hospital_admin: 300,
  info_office: 300,
  medical_affairs: 300,
  analyst: 300,
  auditor: 300,
  citizen: 20,
  // Keeps reference tables; reads no person.
  admin: 0,
};

/** The largest cap a role may be given: a user's count is held exactly, so it bounds memory. */
export const MAX_PERSON_READ_CAP = 100_000;

/** Persons held across all users; past it the users counted longest ago are forgotten first. */
const MAX_TRACKED_READS = 200_000;

const HOUR_MS = 3_600_000;

/**
 * `PERSON_READ_CAPS` (`window_clerk=300,labor_officer=2000`) over {@link DEFAULT_PERSON_READ_CAPS}:
 * the roles named get their value, the others keep the default.
 */
export function loadPersonReadCaps(env: Env): Record<Role, number> {
  const caps = { ...DEFAULT_PERSON_READ_CAPS };
  for (const part of (env.PERSON_READ_CAPS ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z_]+)=(\d+)$/.exec(part);
    if (!m || !isRole(m[1]) || Number(m[2]) > MAX_PERSON_READ_CAP) {
      throw new ConfigError(
        "PERSON_READ_CAPS",
        `takes role=count pairs with a known role and a count of at most ${MAX_PERSON_READ_CAP}, got "${part}"`,
      );
    }
    caps[m[1]] = Number(m[2]);
  }
  return caps;
}

/** A user's persons in the current clock hour. */
interface HourOfReads {
  hour: number;
  persons: Set<string>;
}

/**
 * Caps the distinct persons each user reads per clock hour in this process (a department
 * replica): the reads that would take a user past their role's cap are refused whole. Memory is
 * bounded: a user's set never exceeds their cap, and past {@link MAX_TRACKED_READS} persons in
 * all the users counted longest ago are forgotten (their count starts again).
 */
export class PersonReadCap {
  private readonly users = new Map<string, HourOfReads>();
  private tracked = 0;

  constructor(
    private readonly caps: Readonly<Record<Role, number>>,
    private readonly now: () => number = Date.now,
    private readonly maxTracked = MAX_TRACKED_READS,
  ) {}

  /** The cap of the caller's roles (the largest), or null for a caller without a role. */
  capOf(caller: Caller): number | null {
    return caller.roles.length ? Math.max(...caller.roles.map((r) => this.caps[r] ?? 0)) : null;
  }

  /**
   * Counts `idNumbers` as read by `caller` this hour and returns null, or, when that would take
   * the caller past their cap, counts nothing and returns the cap.
   */
  admit(caller: Caller, idNumbers: readonly string[]): number | null {
    const cap = this.capOf(caller);
    if (cap === null || idNumbers.length === 0) return null;
    const user = caller.userId ?? `anonymous:${caller.roles.join(",")}`;
    const hour = Math.floor(this.now() / HOUR_MS);
    let reads = this.users.get(user);
    if (reads && reads.hour !== hour) {
      this.forget(user);
      reads = undefined;
    }
    const fresh = new Set(idNumbers.filter((id) => !reads?.persons.has(id)));
    if ((reads?.persons.size ?? 0) + fresh.size > cap) return cap;
    if (fresh.size === 0) return null;
    if (!reads) reads = { hour, persons: new Set() };
    // Re-inserted: the map's order is the order users were last counted, oldest first.
    this.users.delete(user);
    this.users.set(user, reads);
    for (const id of fresh) reads.persons.add(id);
    this.tracked += fresh.size;
    while (this.tracked > this.maxTracked) {
      const [oldest] = this.users.keys();
      this.forget(oldest);
    }
    return null;
  }

  /** Users counted now (for tests of the bound). */
  get trackedUsers(): number {
    return this.users.size;
  }

  private forget(user: string): void {
    this.tracked -= this.users.get(user)?.persons.size ?? 0;
    this.users.delete(user);
  }
}
