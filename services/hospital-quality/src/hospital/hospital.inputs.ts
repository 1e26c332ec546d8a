import { Field, ID, InputType } from "type-graphql";
import { HospitalGrade, HospitalLevel } from "./hospital.enums";

@InputType({ description: "A hospital to register." })
export class RegisterHospitalInput {
  @Field(() => ID, {
    description: "Hospital code: 2 to 20 upper-case letters, digits or dashes (lower case is upper-cased).",
  })
  code: string;

  @Field({ description: "Full name." })
  name: string;

  @Field(() => HospitalLevel, { nullable: true, description: "Level in the national grading system." })
  level?: HospitalLevel | null;

  @Field(() => HospitalGrade, { nullable: true, description: "Grade within the level; only with a level." })
  grade?: HospitalGrade | null;
}
