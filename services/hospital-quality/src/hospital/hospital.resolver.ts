import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { InpatientStay } from "../inpatient/inpatient-stay.entity";
import { connectionType, pageRequest, type RequestContext } from "@onewindow/shared";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { Hospital } from "./hospital.entity";
import { RegisterHospitalInput } from "./hospital.inputs";

export const InpatientStayConnection = connectionType("InpatientStay", InpatientStay, "inpatient stay");

@Resolver(() => Hospital)
export class HospitalResolver {
  constructor(private readonly s: Services) {}

  @Query(() => Hospital, { nullable: true, description: "A hospital by code; null when unknown." })
  hospital(@Arg("code", () => ID, { description: "Hospital code (case-insensitive)." }) code: string, @Ctx() ctx: RequestContext) {
    return loaders.hospital(ctx, this.s).load(code.trim().toUpperCase());
  }

  @Query(() => [Hospital], { description: "Every registered hospital, ordered by code." })
  hospitals(): Promise<Hospital[]> {
    return this.s.hospitals.list();
  }

  @Mutation(() => Hospital, { description: "Registers a hospital. CONFLICT when the code is already registered." })
  registerHospital(@Arg("input", () => RegisterHospitalInput, { description: "The hospital." }) input: RegisterHospitalInput): Promise<Hospital> {
    return this.s.hospitals.register(input);
  }

  @FieldResolver(() => [String], { description: "Departments named by the hospital's visits, stays and evaluations, sorted." })
  async departments(@Root() hospital: Hospital, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await loaders.departments(ctx, this.s).load(hospital.code)) ?? [];
  }

  @FieldResolver(() => InpatientStayConnection, { description: "Discharged patients not yet reached by a follow-up call, longest-waiting first." })
  dueFollowUps(
    @Root() hospital: Hospital,
    @Arg("first", () => Int, { nullable: true, description: "Page size (default 20, at most 100)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts." }) after: string | null,
  ) {
    return this.s.inpatient.dueFollowUps(hospital.code, pageRequest(first, after));
  }
}
