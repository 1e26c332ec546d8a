import { registerEnumType } from "type-graphql";

/**
 * The hall's lines of business, as its windows are signposted (劳动保障、医疗保险、失业管理、
 * 就业援助、企退管理、纳税申报). Queue categories are the same lines: a ticket's letter says
 * which windows call it.
 */
export enum HallDepartment {
  LABOR_SECURITY = "LABOR_SECURITY",
  MEDICAL_INSURANCE = "MEDICAL_INSURANCE",
  UNEMPLOYMENT = "UNEMPLOYMENT",
  EMPLOYMENT_ASSISTANCE = "EMPLOYMENT_ASSISTANCE",
  ENTERPRISE_RETIREES = "ENTERPRISE_RETIREES",
  TAX = "TAX",
}

registerEnumType(HallDepartment, {
  name: "HallDepartment",
  description: "A line of business of the service hall; also the queue category whose tickets its windows call.",
  valuesConfig: {
    LABOR_SECURITY: {
      description: "劳动保障: employment registration, labour contracts, pension insurance records (tickets A...).",
    },
    MEDICAL_INSURANCE: { description: "医疗保险: enrolment, transfers, reimbursements (tickets B...)." },
    UNEMPLOYMENT: { description: "失业管理: unemployment registration and benefits (tickets C...)." },
    EMPLOYMENT_ASSISTANCE: {
      description: '就业援助: hard-to-employ groups such as "4050" and zero-employment families (tickets D...).',
    },
    ENTERPRISE_RETIREES: {
      description: "企退管理: retirement of enterprise employees and retirees' services (tickets E...).",
    },
    TAX: { description: "纳税申报: tax filings and certificates (tickets F...)." },
  },
});

/** The ticket letter of each queue category (A012 is the 12th LABOR_SECURITY ticket of the day). */
export const QUEUE_LETTERS: Record<HallDepartment, string> = {
  LABOR_SECURITY: "A",
  MEDICAL_INSURANCE: "B",
  UNEMPLOYMENT: "C",
  EMPLOYMENT_ASSISTANCE: "D",
  ENTERPRISE_RETIREES: "E",
  TAX: "F",
};

/** Every line, in signpost order. */
export const HALL_DEPARTMENTS = Object.values(HallDepartment);
