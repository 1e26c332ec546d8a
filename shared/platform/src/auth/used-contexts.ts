import { departmentPart } from "@onewindow/contracts/i18n";
import type { DataSource } from "typeorm";
import { isUniqueViolation, type Constructor } from "../data-source";
import { UnauthenticatedError } from "../errors";
import { CreateUsedContexts1764460000000 } from "./used-contexts.migration";
import { UsedContextsUnlogged1764470000000 } from "./used-contexts-unlogged.migration";
import { PLATFORM } from "../messages";

/** The used-context table's migrations, in order. */
export const USED_CONTEXT_MIGRATIONS: Constructor[] = [
  CreateUsedContexts1764460000000,
  UsedContextsUnlogged1764470000000,
];

/**
 * The ids of the internal contexts a department has served, shared by all its replicas through
 * its own database: the same signed request sent to a second replica is refused there too.
 * The INSERT is the check (a duplicate key is a replay), so it is one statement per request;
 * rows older than the freshness window are deleted by a trigger on one INSERT in sixteen, which
 * keeps the table to about a minute and a half of requests without a timer or a second statement.
 */
export class UsedContexts {
  private readonly insert: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly department: string,
  ) {
    this.insert =
      dataSource.options.type === "postgres"
        ? "INSERT INTO used_context (id, expires_at) VALUES ($1, $2)"
        : "INSERT INTO used_context (id, expires_at) VALUES (?, ?)";
  }

  /** Records `contextId` as used until `until` (ms since the epoch); UNAUTHENTICATED when some replica already served it. */
  async claim(contextId: string, until: number): Promise<void> {
    try {
      await this.dataSource.query(this.insert, [contextId, until]);
    } catch (err) {
      if (isUniqueViolation(err))
        throw new UnauthenticatedError(
          PLATFORM.gatewayOnly.with({
            department: departmentPart(this.department),
            why: "the signed context was replayed",
          }),
        );
      throw err;
    }
  }
}
