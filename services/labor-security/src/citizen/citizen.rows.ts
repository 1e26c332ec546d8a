import { Citizen } from "./citizen.entity";
import type { EducationLevel, EmploymentStatus, Gender, HousingStatus } from "./citizen.enums";
import type { RetirementCategory } from "../retirement-age/retirement-age.enums";

/** Citizen's columns, for plain SQL on the alias `alias` (dates as `YYYY-MM-DD` on both databases). */
export function citizenColumns(alias: string): string {
  return [
    "id_number",
    "name",
    "gender",
    `CAST(${alias}.birth_date AS varchar(10)) AS birth_date`,
    "community",
    "address",
    "education_level",
    "housing_status",
    "household",
    "employment_status",
    "retirement_category",
    "registered_at",
  ]
    .map((c) => (c.includes(" AS ") ? c : `${alias}.${c}`))
    .join(", ");
}

/** The citizen in a row of {@link citizenColumns}. */
export function citizenFromRow(row: Record<string, unknown>): Citizen {
  return Object.assign(new Citizen(), {
    idNumber: row.id_number as string,
    name: row.name as string,
    gender: row.gender as Gender,
    birthDate: row.birth_date as string,
    community: (row.community as string | null) ?? null,
    address: (row.address as string | null) ?? null,
    educationLevel: (row.education_level as EducationLevel | null) ?? null,
    housingStatus: (row.housing_status as HousingStatus | null) ?? null,
    household: (row.household as string | null) ?? null,
    employmentStatus: row.employment_status as EmploymentStatus,
    retirementCategory: (row.retirement_category as RetirementCategory | null) ?? null,
    registeredAt: row.registered_at as string,
  });
}
