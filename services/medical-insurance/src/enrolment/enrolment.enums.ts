import { registerEnumType } from "type-graphql";

export enum MedicalInsuranceScheme {
  EMPLOYEE = "EMPLOYEE",
  RESIDENT = "RESIDENT",
  RETIREE = "RETIREE",
  UNEMPLOYED = "UNEMPLOYED",
}
registerEnumType(MedicalInsuranceScheme, {
  name: "MedicalInsuranceScheme",
  description: "The basic medical insurance scheme a person is enrolled in.",
  valuesConfig: {
    EMPLOYEE: {
      description:
        "Employee basic medical insurance (职工医保): paid by the person and the employer on a contribution base.",
    },
    RESIDENT: {
      description: "Urban and rural resident basic medical insurance (城乡居民医保): a fixed yearly personal premium.",
    },
    RETIREE: { description: "Retired employees: covered without further personal contributions." },
    UNEMPLOYED: { description: "Registered unemployed: contributions are paid from the unemployment insurance fund." },
  },
});

export enum EnrolmentStatus {
  ACTIVE = "ACTIVE",
  ENDED = "ENDED",
}
registerEnumType(EnrolmentStatus, {
  name: "MedicalInsuranceStatus",
  description: "Whether an enrolment is the person's current one.",
  valuesConfig: {
    ACTIVE: { description: "The person's current enrolment; a person has at most one." },
    ENDED: { description: "Replaced by a later enrolment; kept as history." },
  },
});
