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

export enum AssistanceCategory {
  FORTY_FIFTY = "FORTY_FIFTY",
  ZERO_EMPLOYMENT_FAMILY = "ZERO_EMPLOYMENT_FAMILY",
  LONG_TERM_UNEMPLOYED = "LONG_TERM_UNEMPLOYED",
}
registerEnumType(AssistanceCategory, {
  name: "AssistanceCategory",
  description:
    "Employment-assistance target groups (就业援助对象); nobody is in one from their statutory retirement date.",
  valuesConfig: {
    FORTY_FIFTY: {
      description:
        '"4050": registered unemployed women aged 40 or more and men aged 50 or more, until the statutory retirement date.',
    },
    ZERO_EMPLOYMENT_FAMILY: {
      description: "Registered unemployed, in a household where no member is employed (零就业家庭).",
    },
    LONG_TERM_UNEMPLOYED: { description: "Registered unemployed for 12 months or more." },
  },
});
