import { AssistanceCategory, ASSISTANCE_CATEGORY_ENUM } from "@onewindow/contracts";
import { registerEnumType } from "type-graphql";

export enum Gender {
  MALE = "MALE",
  FEMALE = "FEMALE",
}
registerEnumType(Gender, {
  name: "Gender",
  description: "Gender as encoded in the resident ID number (17th digit odd: male).",
});

export enum EducationLevel {
  PRIMARY = "PRIMARY",
  JUNIOR_HIGH = "JUNIOR_HIGH",
  SENIOR_HIGH = "SENIOR_HIGH",
  VOCATIONAL = "VOCATIONAL",
  JUNIOR_COLLEGE = "JUNIOR_COLLEGE",
  BACHELOR = "BACHELOR",
  POSTGRADUATE = "POSTGRADUATE",
}
registerEnumType(EducationLevel, { name: "EducationLevel", description: "Highest completed education." });

export enum HousingStatus {
  OWNED = "OWNED",
  RENTED = "RENTED",
  PUBLIC_RENTAL = "PUBLIC_RENTAL",
  WITH_FAMILY = "WITH_FAMILY",
}
registerEnumType(HousingStatus, {
  name: "HousingStatus",
  description: "How the citizen is housed (resident information database).",
});

export enum EmploymentStatus {
  EMPLOYED = "EMPLOYED",
  UNEMPLOYED = "UNEMPLOYED",
  RETIRED = "RETIRED",
  NOT_REGISTERED = "NOT_REGISTERED",
}
registerEnumType(EmploymentStatus, {
  name: "EmploymentStatus",
  description: "Labor-market status as the labor-security department records it.",
  valuesConfig: {
    NOT_REGISTERED: { description: "Neither employed, registered unemployed nor retired in our records." },
  },
});

registerEnumType(AssistanceCategory, ASSISTANCE_CATEGORY_ENUM);
export { AssistanceCategory };
