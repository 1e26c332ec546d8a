import { Field, ID, InputType } from "type-graphql";
import { RetirementCategory } from "../retirement-age/retirement-age.enums";
import { AssistanceCategory, EducationLevel, EmploymentStatus, HousingStatus } from "./citizen.enums";

@InputType({ description: "A resident to register. Gender and birth date are read from the ID number." })
export class RegisterCitizenInput {
  @Field(() => ID, {
    description: "18-character identity number (resident ID, residence permit, permanent residence card).",
  })
  idNumber: string;

  @Field({ description: "Full name." })
  name: string;

  @Field(() => String, { nullable: true, description: "Community (社区)." })
  community?: string | null;

  @Field(() => String, { nullable: true, description: "Residential address." })
  address?: string | null;

  @Field(() => EducationLevel, { nullable: true, description: "Highest completed education." })
  educationLevel?: EducationLevel | null;

  @Field(() => HousingStatus, { nullable: true, description: "Housing situation." })
  housingStatus?: HousingStatus | null;

  @Field(() => String, { nullable: true, description: "Household register number (户号)." })
  household?: string | null;

  @Field(() => RetirementCategory, {
    nullable: true,
    description: "Post category for the retirement age; women without one follow the WORKER table.",
  })
  retirementCategory?: RetirementCategory | null;
}

@InputType({ description: "A citizen's post category for the statutory retirement age, from their personnel file." })
export class RecordRetirementCategoryInput {
  @Field(() => ID, { description: "The citizen's identity number." })
  idNumber: string;

  @Field(() => RetirementCategory, { description: "WORKER (工人) or CADRE (干部、管理技术岗位)." })
  retirementCategory: RetirementCategory;
}

@InputType({ description: "Narrows a list of citizens; all given conditions must hold." })
export class CitizenFilter {
  @Field(() => String, { nullable: true, description: "Only citizens of this community." })
  community?: string | null;

  @Field(() => EmploymentStatus, { nullable: true, description: "Only citizens with this labor-market status." })
  employmentStatus?: EmploymentStatus | null;

  @Field(() => AssistanceCategory, {
    nullable: true,
    description: "Only citizens in this employment-assistance group.",
  })
  assistanceCategory?: AssistanceCategory | null;
}
