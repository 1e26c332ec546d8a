import type { DataSource } from "typeorm";
import { anyOf, plainEntity, runPrepared } from "@onewindow/platform";
import { Employment } from "../employment/employment.entity";
import { Employer } from "../employer/employer.entity";
import { Retirement } from "../retirement/retirement.entity";
import { RetirementAgeRule } from "../retirement-age/retirement-age.entity";
import { ruleCodeSql } from "../retirement-age/retirement-age.service";
import { RegistrationStatus, UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import { Citizen } from "./citizen.entity";
import { EmploymentStatus } from "./citizen.enums";

/** Which of a citizen's records to read with them (what the request selects of the citizen). */
export interface CitizenParts {
  /** The current job and its employer. */
  employment?: boolean;
  /** The latest unemployment registration. */
  unemployment?: boolean;
  /** The approved retirement. */
  retirement?: boolean;
  /** What the assistance groups are decided by: the open registration, the household, the retirement rule. */
  assistance?: boolean;
}

/** A citizen with the records {@link CitizenParts} asked for (a part not asked for is undefined). */
export interface CitizenRecord {
  citizen: Citizen;
  employment?: Employment | null;
  employer?: Employer | null;
  unemployment?: UnemploymentRegistration | null;
  retirement?: Retirement | null;
  assistance?: {
    /** The day of the open unemployment registration (null: none; only for the unemployed). */
    openRegistrationOn: string | null;
    /** Someone of the household is employed (only for the unemployed with a household). */
    householdWorking: boolean;
    /** The statutory retirement rule the citizen falls under. */
    rule: RetirementAgeRule | null;
  };
}

const truthy = (value: unknown) => value === true || value === 1 || value === "1" || value === "t";

/**
 * Citizens with their records in one statement whatever the parts (a window clerk's page of one
 * person read five or six tables, a statement each): each part is a join to at most one row per
 * citizen, chosen by a subquery on the part's index. Plain SQL: TypeORM's builder and entity
 * mapping were a large share of the department's CPU per read.
 */
export class CitizenRecordReader {
  constructor(private readonly db: DataSource) {}

  // Looked up when read (once per data source and entity): the services are also made over a
  // data source that is never opened, to list what a department consumes.
  private get citizen() {
    return plainEntity(this.db, Citizen);
  }
  private get employment() {
    return plainEntity(this.db, Employment);
  }
  private get employer() {
    return plainEntity(this.db, Employer);
  }
  private get unemployment() {
    return plainEntity(this.db, UnemploymentRegistration);
  }
  private get retirement() {
    return plainEntity(this.db, Retirement);
  }
  private get rule() {
    return plainEntity(this.db, RetirementAgeRule);
  }

  /** The records of `idNumbers`, in key order (null for an unknown citizen). */
  async read(idNumbers: readonly string[], parts: CitizenParts = {}): Promise<(CitizenRecord | null)[]> {
    if (idNumbers.length === 0) return [];
    const select = [this.citizen.columns("c")];
    const joins: string[] = [];
    if (parts.employment) {
      select.push(this.employment.columns("e", "e_"), this.employer.columns("er", "er_"));
      // The current job: the one without an end date (the newest, should there be two).
      joins.push(
        `LEFT JOIN employment e ON e.id = (SELECT e2.id FROM employment e2 WHERE e2.id_number = c.id_number AND e2.end_date IS NULL ORDER BY e2.id DESC LIMIT 1)`,
        `LEFT JOIN employer er ON er.credit_code = e.credit_code`,
      );
    }
    if (parts.unemployment) {
      select.push(this.unemployment.columns("u", "u_"));
      joins.push(
        `LEFT JOIN unemployment_registration u ON u.id = (SELECT u2.id FROM unemployment_registration u2 WHERE u2.id_number = c.id_number ORDER BY u2.registered_on DESC, u2.id DESC LIMIT 1)`,
      );
    }
    if (parts.retirement) {
      select.push(this.retirement.columns("r", "r_"));
      joins.push(`LEFT JOIN retirement r ON r.id_number = c.id_number`);
    }
    if (parts.assistance) {
      // Only the unemployed can be in a group: for the others neither subquery runs.
      select.push(
        `CASE WHEN c.employment_status = '${EmploymentStatus.UNEMPLOYED}' THEN CAST((SELECT MAX(o.registered_on) FROM unemployment_registration o WHERE o.id_number = c.id_number AND o.status = '${RegistrationStatus.OPEN}') AS varchar(10)) END AS open_registered_on`,
        `CASE WHEN c.employment_status = '${EmploymentStatus.UNEMPLOYED}' AND c.household IS NOT NULL THEN EXISTS (SELECT 1 FROM citizen m WHERE m.household = c.household AND m.employment_status = '${EmploymentStatus.EMPLOYED}') END AS household_working`,
        this.rule.columns("ra", "ra_"),
      );
      joins.push(`LEFT JOIN retirement_age_rule ra ON ra.code = ${ruleCodeSql("c")}`);
    }
    // Prepared: planning these joins cost more than running them.
    const ids = anyOf(this.db, "c.id_number", idNumbers);
    const rows = await runPrepared(
      this.db,
      `SELECT ${select.join(", ")} FROM citizen c ${joins.join(" ")} WHERE ${ids.sql}`,
      ids.params,
    );
    const byId = new Map(rows.map((row) => [row.id_number as string, this.recordOf(row, parts)]));
    return idNumbers.map((id) => byId.get(id) ?? null);
  }

  private recordOf(row: Record<string, unknown>, parts: CitizenParts): CitizenRecord {
    const record: CitizenRecord = { citizen: this.citizen.from(row)! };
    if (parts.employment) {
      record.employment = this.employment.from(row, "e_");
      record.employer = this.employer.from(row, "er_");
    }
    if (parts.unemployment) record.unemployment = this.unemployment.from(row, "u_");
    if (parts.retirement) record.retirement = this.retirement.from(row, "r_");
    if (parts.assistance)
      record.assistance = {
        openRegistrationOn: (row.open_registered_on as string | null) ?? null,
        householdWorking: truthy(row.household_working),
        rule: this.rule.from(row, "ra_"),
      };
    return record;
  }
}
