import { In, type DataSource, type EntityManager } from "typeorm";
import {
  type AggregateCache,
  BadUserInputError,
  ConflictError,
  EventPublisher,
  byKeys,
  isUniqueViolation,
  requiredText,
  type Clock,
  runSql,
} from "@onewindow/platform";
import { HospitalEvents } from "@onewindow/contracts";
import { HOSPITAL } from "../messages";
import { Hospital } from "./hospital.entity";
import { parseHospitalCode } from "./hospital-code";
import type { RegisterHospitalInput } from "./hospital.inputs";

/**
 * The hospital a record belongs to, inside the record's transaction. An unknown hospital is a
 * mistake in the record's input (BAD_USER_INPUT), not a missing resource the caller asked for.
 */
export async function requireHospital(tx: EntityManager, code: string, field = "hospitalCode"): Promise<void> {
  if (!(await tx.existsBy(Hospital, { code })))
    throw new BadUserInputError(HOSPITAL.hospitalNotRegistered.with({ code }), field);
}

/** The generation of one hospital's row: its registration moves it. */
const hospitalRow = (code: string) => `hospital-row:${code}`;

/** Hospitals: registration, look-up and the departments their records name. */
export class HospitalService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    /** The department's cache, for the row every metrics read starts from (see {@link findByCodes}). */
    private readonly cache?: AggregateCache,
  ) {}

  async register(input: RegisterHospitalInput): Promise<Hospital> {
    const code = parseHospitalCode(input.code, "code");
    if (input.grade && !input.level) throw new BadUserInputError(HOSPITAL.gradeWithoutLevel, "grade");
    const hospital = this.db.manager.create(Hospital, {
      code,
      name: requiredText(input.name, "name", 100),
      level: input.level ?? null,
      grade: input.grade ?? null,
      registeredAt: this.clock().toISOString(),
    });
    const conflict = () => new ConflictError(HOSPITAL.hospitalRegistered.with({ code }));
    try {
      return await this.db.transaction(async (tx) => {
        if (await tx.existsBy(Hospital, { code })) throw conflict();
        await tx.insert(Hospital, hospital);
        // An unknown code's lookup may be cached (as null): the registration must be seen at once.
        await this.cache?.changed(tx, [hospitalRow(code)]);
        await this.events.publish(tx, {
          type: HospitalEvents.hospitalRegistered,
          subject: code,
          data: { code, name: hospital.name, level: hospital.level, grade: hospital.grade },
        });
        return hospital;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict();
      throw err;
    }
  }

  list(): Promise<Hospital[]> {
    return this.db.getRepository(Hospital).find({ order: { code: "ASC" } });
  }

  /**
   * Hospitals by code, one query per batch (`WHERE code IN (...)`), in key order. A batch of one
   * (`hospital(code:)`, which every metrics read hangs from) goes through the cache: a hospital's
   * row changes only by its registration, which moves its generation. Each caller gets its own
   * copy (federation marks the objects it resolves).
   */
  async findByCodes(codes: readonly string[]): Promise<(Hospital | null)[]> {
    const read = (batch: readonly string[]) => this.db.getRepository(Hospital).findBy({ code: In([...batch]) });
    if (!this.cache || codes.length !== 1) return byKeys(codes, await read(codes), (h) => h.code);
    const [code] = codes;
    const [row] = await this.cache.read(
      { query: "hospital", args: [code], scope: "", generations: [hospitalRow(code)] },
      async () => byKeys(codes, await read(codes), (h) => h.code),
    );
    return [row ? Object.assign(Object.create(Hospital.prototype) as Hospital, row) : null];
  }

  /**
   * Departments named by each hospital's records, sorted, one query per batch. Read from the
   * daily rollup (a few rows per day) instead of scanning every visit.
   */
  async departmentsOf(codes: readonly string[]): Promise<string[][]> {
    const marks = codes.map(() => "?").join(", ");
    const rows = await runSql<{ hospital_code: string; department: string }>(
      this.db.manager,
      `SELECT DISTINCT hospital_code, department FROM daily_rollup WHERE hospital_code IN (${marks}) AND department <> '' ORDER BY department`,
      [...codes],
    );
    return codes.map((code) => rows.filter((r) => r.hospital_code === code).map((r) => r.department));
  }
}
