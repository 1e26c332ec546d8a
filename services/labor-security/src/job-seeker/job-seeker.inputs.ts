import { Field, Float, ID, InputType } from "type-graphql";
import { EducationLevel } from "../citizen/citizen.enums";
import { Availability } from "./job-seeker.enums";

@InputType({
  description: "A job seeker's profile; fields left out keep their value (or their default on a new profile).",
})
export class UpdateJobSeekerProfileInput {
  @Field(() => ID, { description: "The job seeker's resident ID number." })
  idNumber: string;

  @Field(() => [String], { nullable: true, description: "Skills and certificates as tags, at most 20." })
  skills?: string[] | null;

  @Field(() => EducationLevel, {
    nullable: true,
    description: "Highest completed education (recorded on the citizen).",
  })
  educationLevel?: EducationLevel | null;

  @Field(() => [String], { nullable: true, description: "Industries wished for, at most 20." })
  desiredIndustries?: string[] | null;

  @Field(() => Float, { nullable: true, description: "Lowest monthly salary wished for, yuan." })
  desiredMinSalary?: number | null;

  @Field(() => [String], { nullable: true, description: "Districts wished for, at most 20." })
  preferredDistricts?: string[] | null;

  @Field(() => Availability, { nullable: true, description: "When the person can start; IMMEDIATE on a new profile." })
  availability?: Availability | null;
}
