import { registerEnumType } from "type-graphql";

/** The three levels of the Chinese hospital grading system (医院等级). */
export enum HospitalLevel {
  PRIMARY = "PRIMARY",
  SECONDARY = "SECONDARY",
  TERTIARY = "TERTIARY",
}
registerEnumType(HospitalLevel, {
  name: "HospitalLevel",
  description: "Hospital level (医院等级) in the national grading system.",
  valuesConfig: {
    PRIMARY: { description: "Level 1 (一级): township and community hospitals." },
    SECONDARY: { description: "Level 2 (二级): county and district hospitals." },
    TERTIARY: { description: "Level 3 (三级): regional and teaching hospitals." },
  },
});

/** The grade within a level (甲 / 乙 / 丙). */
export enum HospitalGrade {
  A = "A",
  B = "B",
  C = "C",
}
registerEnumType(HospitalGrade, {
  name: "HospitalGrade",
  description: "Grade within the hospital's level (等次).",
  valuesConfig: {
    A: { description: "Grade A (甲等), the highest." },
    B: { description: "Grade B (乙等)." },
    C: { description: "Grade C (丙等)." },
  },
});
