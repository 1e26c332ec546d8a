import { Field, ID, InputType, Int } from "type-graphql";
import { EducationLevel } from "../citizen/citizen.enums";
import { DateScalar } from "@onewindow/platform";
import { GenderRequirement } from "./job-posting.entity";
import { GenderRequirementGround } from "./job-posting.enums";

@InputType({ description: "A vacancy to publish on the job board." })
export class PostJobInput {
  @Field(() => ID, { description: "The employer's unified social credit code." })
  creditCode: string;

  @Field({ description: "Job title." })
  title: string;

  @Field(() => String, { nullable: true, description: "Requirements." })
  requirements?: string | null;

  @Field(() => GenderRequirement, {
    nullable: true,
    description: "Gender asked for; ANY when omitted. MALE needs genderRequirementGround; FEMALE only is refused.",
  })
  genderRequirement?: GenderRequirement | null;

  @Field(() => GenderRequirementGround, {
    nullable: true,
    description: "The listed work forbidden to women that the job is (女职工禁忌从事的劳动范围); only with MALE.",
  })
  genderRequirementGround?: GenderRequirementGround | null;

  @Field(() => Int, { nullable: true, description: "Youngest accepted age (16 or more)." })
  minAge?: number | null;

  @Field(() => Int, { nullable: true, description: "Oldest accepted age." })
  maxAge?: number | null;

  @Field({ description: "Lowest monthly salary, yuan." })
  salaryMin: number;

  @Field({ description: "Highest monthly salary, yuan; not below salaryMin." })
  salaryMax: number;

  @Field(() => Int, { nullable: true, description: "Open positions; 1 when omitted." })
  vacancies?: number | null;

  @Field(() => EducationLevel, {
    nullable: true,
    description: "Lowest education accepted (a hard requirement in matching); null: none.",
  })
  minEducation?: EducationLevel | null;

  @Field(() => [String], {
    nullable: true,
    description: "Skills or certificates asked for, as tags (电工证, 叉车证 …), at most 20 of 40 characters.",
  })
  skills?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day the posting is open; today or later." })
  expiresOn?: string | null;
}

@InputType({ description: "Narrows the job board; all given conditions must hold." })
export class JobPostingFilter {
  @Field(() => String, { nullable: true, description: "Words in the title or the requirements." })
  keyword?: string | null;

  @Field({ nullable: true, description: "Only jobs that may pay at least this much a month, yuan." })
  minSalary?: number;

  @Field(() => String, { nullable: true, description: "Only jobs at employers of this industry." })
  industry?: string | null;

  @Field({ nullable: true, description: "Only postings that have not expired." })
  openOnly?: boolean;

  @Field(() => [ID], {
    nullable: true,
    description: "Only these postings (at most 100 ids): how the gateway fetches the posting a subscription announces.",
  })
  ids?: string[] | null;
}
