import type { DataSource } from "typeorm";
import { runSql } from "@onewindow/platform";
import { Employment } from "../employment/employment.entity";
import { employerColumns, employerFromRow } from "../employer/employer.rows";
import type { Employer } from "../employer/employer.entity";
import { Retirement } from "../retirement/retirement.entity";
import type { EarlyRetirementGround } from "../retirement-age/retirement-age.enums";
import { RetirementAgeRule } from "../retirement-age/retirement-age.entity";
import { ruleCodeSql } from "../retirement-age/retirement-age.service";
import { RegistrationStatus, UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import type { Citizen } from "./citizen.entity";
import { EmploymentStatus } from "./citizen.enums";
import { citizenColumns, citizenFromRow } from "./citizen.rows";

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

const date = (column: string, as: string) => `CAST(${column} AS varchar(10)) AS ${as}`;
const truthy = (value: unknown) => value === true || value === 1 || value === "1" || value === "t";
const orNull = <T>(value: unknown) => (value ?? null) as T | null;

/**
 * Citizens with their records in one statement whatever the parts (a window clerk's page of one
 * person read five or six tables, a statement each): each part is a join to at most one row per
 * citizen, chosen by a subquery on the part's index. Plain SQL: TypeORM's builder and entity
 * mapping were a large share of the department's CPU per read.
 */
export class CitizenRecordReader {
  constructor(private readonly db: DataSource) {}

  /** The records of `idNumbers`, in key order (null for an unknown citizen). */
  async read(idNumbers: readonly string[], parts: CitizenParts = {}): Promise<(CitizenRecord | null)[]> {
    if (idNumbers.length === 0) return [];
    const select = [citizenColumns("c")];
    const joins: string[] = [];
    if (parts.employment) {
      select.push(
        `e.id AS e_id, e.credit_code AS e_credit_code, e.position AS e_position, ${date("e.start_date", "e_start_date")}, ${date("e.end_date", "e_end_date")}`,
        employerColumns("er", "er_"),
      );
      // The current job: the one without an end date (the newest, should there be two).
      joins.push(
        `LEFT JOIN employment e ON e.id = (SELECT e2.id FROM employment e2 WHERE e2.id_number = c.id_number AND e2.end_date IS NULL ORDER BY e2.id DESC LIMIT 1)`,
        `LEFT JOIN employer er ON er.credit_code = e.credit_code`,
      );
    }
    if (parts.unemployment) {
      select.push(
        `u.id AS u_id, ${date("u.registered_on", "u_registered_on")}, u.reason AS u_reason, u.status AS u_status, ${date("u.closed_on", "u_closed_on")}`,
      );
      joins.push(
        `LEFT JOIN unemployment_registration u ON u.id = (SELECT u2.id FROM unemployment_registration u2 WHERE u2.id_number = c.id_number ORDER BY u2.registered_on DESC, u2.id DESC LIMIT 1)`,
      );
    }
    if (parts.retirement) {
      select.push(
        `r.id_number AS r_id_number, ${date("r.retired_on", "r_retired_on")}, r.monthly_pension_fen AS r_monthly_pension_fen, r.early_retirement_ground AS r_early_retirement_ground, r.ground_reference AS r_ground_reference, r.approved_at AS r_approved_at`,
      );
      joins.push(`LEFT JOIN retirement r ON r.id_number = c.id_number`);
    }
    if (parts.assistance) {
      // Only the unemployed can be in a group: for the others neither subquery runs.
      select.push(
        `CASE WHEN c.employment_status = '${EmploymentStatus.UNEMPLOYED}' THEN CAST((SELECT MAX(o.registered_on) FROM unemployment_registration o WHERE o.id_number = c.id_number AND o.status = '${RegistrationStatus.OPEN}') AS varchar(10)) END AS open_registered_on`,
        `CASE WHEN c.employment_status = '${EmploymentStatus.UNEMPLOYED}' AND c.household IS NOT NULL THEN EXISTS (SELECT 1 FROM citizen m WHERE m.household = c.household AND m.employment_status = '${EmploymentStatus.EMPLOYED}') END AS household_working`,
        `ra.code AS ra_code, ra.gender AS ra_gender, ra.category AS ra_category, ra.original_age_years AS ra_original_age_years, ra.start_birth_month AS ra_start_birth_month, ra.step_birth_months AS ra_step_birth_months, ra.target_age_years AS ra_target_age_years, ra.max_early_months AS ra_max_early_months, ra.max_delay_months AS ra_max_delay_months, ra.source AS ra_source, ra.updated_at AS ra_updated_at`,
      );
      joins.push(`LEFT JOIN retirement_age_rule ra ON ra.code = ${ruleCodeSql("c")}`);
    }
    const rows = await runSql(
      this.db.manager,
      `SELECT ${select.join(", ")} FROM citizen c ${joins.join(" ")} WHERE c.id_number IN (${idNumbers.map(() => "?").join(", ")})`,
      [...idNumbers],
    );
    const byId = new Map(rows.map((row) => [row.id_number as string, recordOf(row, parts)]));
    return idNumbers.map((id) => byId.get(id) ?? null);
  }
}

function recordOf(row: Record<string, unknown>, parts: CitizenParts): CitizenRecord {
  const record: CitizenRecord = { citizen: citizenFromRow(row) };
  if (parts.employment) {
    record.employment =
      row.e_id == null
        ? null
        : Object.assign(new Employment(), {
            id: Number(row.e_id),
            idNumber: row.id_number as string,
            creditCode: row.e_credit_code as string,
            position: orNull<string>(row.e_position),
            startDate: row.e_start_date as string,
            endDate: orNull<string>(row.e_end_date),
          });
    record.employer = employerFromRow(row, "er_");
  }
  if (parts.unemployment)
    record.unemployment =
      row.u_id == null
        ? null
        : Object.assign(new UnemploymentRegistration(), {
            id: Number(row.u_id),
            idNumber: row.id_number as string,
            registeredOn: row.u_registered_on as string,
            reason: orNull<string>(row.u_reason),
            status: row.u_status as RegistrationStatus,
            closedOn: orNull<string>(row.u_closed_on),
          });
  if (parts.retirement)
    record.retirement =
      row.r_id_number == null
        ? null
        : Object.assign(new Retirement(), {
            idNumber: row.r_id_number as string,
            retiredOn: row.r_retired_on as string,
            monthlyPensionFen: row.r_monthly_pension_fen == null ? null : Number(row.r_monthly_pension_fen),
            earlyRetirementGround: orNull<EarlyRetirementGround>(row.r_early_retirement_ground),
            groundReference: orNull<string>(row.r_ground_reference),
            approvedAt: row.r_approved_at as string,
          });
  if (parts.assistance)
    record.assistance = {
      openRegistrationOn: orNull<string>(row.open_registered_on),
      householdWorking: truthy(row.household_working),
      rule:
        row.ra_code == null
          ? null
          : Object.assign(new RetirementAgeRule(), {
              code: row.ra_code as string,
              gender: row.ra_gender as RetirementAgeRule["gender"],
              category: orNull<RetirementAgeRule["category"]>(row.ra_category),
              originalAgeYears: Number(row.ra_original_age_years),
              startBirthMonth: row.ra_start_birth_month as string,
              stepBirthMonths: Number(row.ra_step_birth_months),
              targetAgeYears: Number(row.ra_target_age_years),
              maxEarlyMonths: Number(row.ra_max_early_months),
              maxDelayMonths: Number(row.ra_max_delay_months),
              source: row.ra_source as string,
              updatedAt: row.ra_updated_at as string,
            }),
    };
  return record;
}
