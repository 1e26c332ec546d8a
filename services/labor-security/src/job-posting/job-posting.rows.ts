import type { EducationLevel } from "../citizen/citizen.enums";
import type { GenderRequirementGround } from "./job-posting.enums";
import { JobPosting, type GenderRequirement } from "./job-posting.entity";

/** JobPosting's columns, for plain SQL on the alias `alias` (dates as `YYYY-MM-DD` on both databases). */
export function jobPostingColumns(alias: string): string {
  return [
    "id",
    "credit_code",
    "title",
    "requirements",
    "gender_requirement",
    "gender_requirement_ground",
    "min_age",
    "max_age",
    "salary_min_fen",
    "salary_max_fen",
    "min_education",
    "vacancies",
  ]
    .map((c) => `${alias}.${c}`)
    .concat([
      `CAST(${alias}.published_on AS varchar(10)) AS published_on`,
      `CAST(${alias}.expires_on AS varchar(10)) AS expires_on`,
    ])
    .join(", ");
}

const intOrNull = (value: unknown) => (value == null ? null : Number(value));

/** The posting in a row of {@link jobPostingColumns} (bigints come back as strings on PostgreSQL). */
export function jobPostingFromRow(row: Record<string, unknown>): JobPosting {
  return Object.assign(new JobPosting(), {
    id: Number(row.id),
    creditCode: row.credit_code as string,
    title: row.title as string,
    requirements: (row.requirements as string | null) ?? null,
    genderRequirement: row.gender_requirement as GenderRequirement,
    genderRequirementGround: (row.gender_requirement_ground as GenderRequirementGround | null) ?? null,
    minAge: intOrNull(row.min_age),
    maxAge: intOrNull(row.max_age),
    salaryMinFen: Number(row.salary_min_fen),
    salaryMaxFen: Number(row.salary_max_fen),
    minEducation: (row.min_education as EducationLevel | null) ?? null,
    vacancies: Number(row.vacancies),
    publishedOn: row.published_on as string,
    expiresOn: (row.expires_on as string | null) ?? null,
  });
}
