import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { InpatientStay } from "../inpatient/inpatient-stay.entity";
import { connectionType, pageRequest, type RequestContext } from "@onewindow/platform";
import { METRIC_READERS, RECORD_READERS, RECORD_WRITERS, auditShownPatients, requireHospitalScope } from "../access";
import { HOSPITAL_ACT } from "../messages";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { Hospital } from "./hospital.entity";
import { parseHospitalCode } from "./hospital-code";
import { RegisterHospitalInput } from "./hospital.inputs";

export const InpatientStayConnection = connectionType("InpatientStay", InpatientStay, "inpatient stay");

/**
 * Hospitals' names, codes, levels and grades are public (anonymous callers list them); what their
 * records say is for their own offices and for analysts (see access.ts).
 */
@Resolver(() => Hospital)
export class HospitalResolver {
  constructor(private readonly s: Services) {}

  @Query(() => Hospital, {
    nullable: true,
    description: "A hospital by code; null when unknown. Code, name, level and grade are public.",
  })
  hospital(
    @Arg("code", () => ID, { description: "Hospital code (case-insensitive)." }) code: string,
    @Ctx() ctx: RequestContext,
  ) {
    return loaders.hospital(ctx, this.s).load(code.trim().toUpperCase());
  }

  @Query(() => [Hospital], {
    description: "Every registered hospital, ordered by code. Code, name, level and grade are public.",
  })
  hospitals(): Promise<Hospital[]> {
    return this.s.hospitals.list();
  }

  @Authorized(...RECORD_WRITERS)
  @Mutation(() => Hospital, {
    description:
      "Registers a hospital: its administrator (a hospital_admin token naming that code). CONFLICT when the code is already registered.",
  })
  registerHospital(
    @Arg("input", () => RegisterHospitalInput, { description: "The hospital." }) input: RegisterHospitalInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Hospital> {
    requireHospitalScope(
      ctx.caller,
      parseHospitalCode(input.code, "code"),
      RECORD_WRITERS,
      HOSPITAL_ACT.registerHospital,
    );
    return this.s.hospitals.register(input);
  }

  @Authorized(...METRIC_READERS)
  @FieldResolver(() => [String], {
    description: "Departments named by the hospital's visits, stays and evaluations, sorted.",
  })
  async departments(@Root() hospital: Hospital, @Ctx() ctx: RequestContext): Promise<string[]> {
    requireHospitalScope(ctx.caller, hospital.code, METRIC_READERS, HOSPITAL_ACT.readDepartments);
    return (await loaders.departments(ctx, this.s).load(hospital.code)) ?? [];
  }

  @Authorized(...RECORD_READERS)
  @FieldResolver(() => InpatientStayConnection, {
    description:
      "Discharged patients not yet reached by a follow-up call, longest-waiting first. Patient ID numbers come masked.",
  })
  async dueFollowUps(
    @Root() hospital: Hospital,
    @Arg("first", () => Int, { nullable: true, description: "Page size (default 20, at most 100)." })
    first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts." })
    after: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    requireHospitalScope(ctx.caller, hospital.code, RECORD_READERS, HOSPITAL_ACT.readWorklist);
    const page = await this.s.inpatient.dueFollowUps(
      hospital.code,
      pageRequest(first, after, ctx.cursors.forField(info, hospital.code)),
    );
    auditShownPatients(
      ctx,
      info,
      "InpatientStay",
      page.edges.map((e) => e.node.patientIdNumber),
    );
    return page;
  }
}
