import type { DataSource } from "typeorm";
import {
  ConflictError,
  EventPublisher,
  byKeys,
  isUniqueViolation,
  optionalText,
  parseCreditCode,
  anyOf,
  plainEntity,
  requiredText,
  runPrepared,
  type Clock,
} from "@onewindow/platform";
import { LaborEvents } from "@onewindow/contracts";
import { LABOR } from "../messages";
import { Employer } from "./employer.entity";
import type { RegisterEmployerInput } from "./employer.inputs";

/** Employers: registration and batched look-up. */
export class EmployerService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async register(input: RegisterEmployerInput): Promise<Employer> {
    const creditCode = parseCreditCode(input.creditCode);
    const employer = this.db.manager.create(Employer, {
      creditCode,
      name: requiredText(input.name, "name", 100),
      industry: optionalText(input.industry, "industry", 40),
      address: optionalText(input.address, "address", 200),
      registeredAt: this.clock().toISOString(),
    });
    const conflict = () => new ConflictError(LABOR.employerAlreadyRegistered.with({ creditCode }));
    try {
      return await this.db.transaction(async (tx) => {
        if (await tx.existsBy(Employer, { creditCode })) throw conflict();
        await tx.insert(Employer, employer);
        await this.events.publish(tx, {
          type: LaborEvents.employerRegistered,
          subject: creditCode,
          data: { creditCode, name: employer.name, industry: employer.industry },
        });
        return employer;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict();
      throw err;
    }
  }

  /** Employers by credit code, one query per batch, in key order. */
  async findByIds(creditCodes: readonly string[]): Promise<(Employer | null)[]> {
    if (creditCodes.length === 0) return [];
    // Plain SQL: every citizen's job and every posting on the board names its employer.
    const plain = plainEntity(this.db, Employer);
    const codes = anyOf(this.db, "e.credit_code", creditCodes);
    const rows = await runPrepared(
      this.db,
      `SELECT ${plain.columns("e")} FROM employer e WHERE ${codes.sql}`,
      codes.params,
    );
    return byKeys(
      creditCodes,
      rows.map((row) => plain.from(row)!),
      (e) => e.creditCode,
    );
  }
}
