import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  connectionType,
  DateScalar,
  hasRole,
  PageArgs,
  keysetPageRequest,
  loaderFor,
  parseIdNumber,
  selectedFields,
  type RequestContext,
} from "@onewindow/platform";
import { CITIZEN_LIST_READERS, IDENTITY_READERS, LABOR_RECORD_READERS, LABOR_WRITERS } from "../access";
import { Employment } from "../employment/employment.entity";
import { loaders } from "../loaders";
import { Retirement } from "../retirement/retirement.entity";
import { AgeInYearsAndMonths } from "../retirement-age/retirement-age.entity";
import type { RuledSchedule } from "../retirement-age/retirement-age.service";
import type { Services } from "../services";
import { UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import { AssistanceCategory } from "./citizen.enums";
import { Citizen } from "./citizen.entity";
import { CitizenFilter, RecordRetirementCategoryInput, RegisterCitizenInput } from "./citizen.inputs";
import type { CitizenParts } from "./citizen-record.reader";

export const CitizenConnection = connectionType("Citizen", Citizen, "citizen");

/**
 * The records a read of citizens selects, to read with them in one statement; none for a caller
 * who may not read them (the fields refuse them, and nothing is read that would be refused).
 */
function recordParts(info: GraphQLResolveInfo, ctx: RequestContext): CitizenParts {
  if (!hasRole(ctx.caller, ...LABOR_RECORD_READERS)) return {};
  const fields = new Set(selectedFields(info, "Citizen"));
  return {
    employment: fields.has("employment"),
    unemployment: fields.has("unemployment"),
    retirement: fields.has("retirement"),
    assistance: fields.has("assistanceCategories"),
  };
}

@Resolver(() => Citizen)
export class CitizenResolver {
  constructor(private readonly s: Services) {}

  @Authorized(IDENTITY_READERS)
  @Query(() => Citizen, { nullable: true, description: "A citizen by resident ID number; null when unknown." })
  citizen(
    @Arg("idNumber", () => ID) idNumber: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Citizen | null> {
    // An impossible ID number is bad input, not a read of anybody.
    const id = parseIdNumber(idNumber.trim().toUpperCase(), "idNumber").idNumber;
    // Before the look-up: a citizen asking for someone else learns nothing, not even whether they exist.
    ctx.access.read([id], info);
    return loaders.citizenWith(ctx, this.s, recordParts(info, ctx)).load(id);
  }

  @Authorized(CITIZEN_LIST_READERS)
  @Query(() => CitizenConnection, {
    description: "Citizens, ordered by ID number, optionally filtered. Analysts may ask for the totalCount only.",
  })
  async citizens(
    @Arg("filter", () => CitizenFilter, { nullable: true, description: "Conditions the items must meet." })
    filter: CitizenFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Edges, cursors and pageInfo are reads of the persons listed (an analyst gets totalCount
    // only), refused before the query, so an empty page answers the same as a full one.
    ctx.access.listing(info);
    const page = await this.s.citizens.list(filter, keysetPageRequest(first, after, ctx.cursors.forField(info)));
    ctx.access.readPage(
      page.edges.map((e) => e.node.idNumber),
      info,
      "Citizen",
    );
    return page;
  }

  @Authorized(LABOR_WRITERS)
  @Mutation(() => Citizen, { description: "Registers a resident. CONFLICT when the ID number is already registered." })
  registerCitizen(
    @Arg("input", () => RegisterCitizenInput) input: RegisterCitizenInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Citizen> {
    ctx.access.readBeforeWrite(input.idNumber, info, "Citizen");
    return this.s.citizens.register(input);
  }

  @Authorized(LABOR_WRITERS)
  @Mutation(() => Citizen, {
    description: "Records a citizen's post category (WORKER/CADRE), which decides a woman's statutory retirement age.",
  })
  recordRetirementCategory(
    @Arg("input", () => RecordRetirementCategoryInput) input: RecordRetirementCategoryInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Citizen> {
    ctx.access.readBeforeWrite(input.idNumber, info, "Citizen");
    return this.s.citizens.recordRetirementCategory(input);
  }

  private schedule(citizen: Citizen, ctx: RequestContext): Promise<RuledSchedule | null> {
    return loaderFor<Citizen, RuledSchedule>(ctx, "retirementSchedule", (cs) =>
      this.s.citizens.retirementSchedules(cs),
    ).load(citizen);
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => DateScalar, {
    description:
      "The day the citizen reaches the statutory retirement age (渐进式延迟法定退休年龄, by birth month, gender and category).",
  })
  async statutoryRetirementDate(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<string> {
    return (await this.schedule(citizen, ctx))!.statutoryDate;
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => AgeInYearsAndMonths, { description: "The statutory retirement age, years and months." })
  async statutoryRetirementAge(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<AgeInYearsAndMonths> {
    const { ageMonths } = (await this.schedule(citizen, ctx))!;
    return { years: Math.floor(ageMonths / 12), months: ageMonths % 12 };
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => DateScalar, {
    description:
      "Earliest flexible early retirement (弹性提前退休): up to 3 years before the statutory date, never before the original age; earlier only on a lawful ground.",
  })
  async earliestRetirementDate(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<string> {
    return (await this.schedule(citizen, ctx))!.earliestDate;
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => DateScalar, {
    description: "Latest flexible delayed retirement (弹性延迟退休): up to 3 years after the statutory date.",
  })
  async latestRetirementDate(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<string> {
    return (await this.schedule(citizen, ctx))!.latestDate;
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => Employment, { nullable: true, description: "The current job; null when not employed." })
  employment(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return loaders.currentEmployment(ctx, this.s).load(citizen.idNumber);
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => [Employment], { description: "Every job on record, newest first." })
  async employmentHistory(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return (
      (await loaderFor<string, Employment[]>(ctx, "employmentHistory", (ids) => this.s.employments.histories(ids)).load(
        citizen.idNumber,
      )) ?? []
    );
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => UnemploymentRegistration, {
    nullable: true,
    description: "The latest unemployment registration, open or closed.",
  })
  unemployment(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return loaders.unemployment(ctx, this.s).load(citizen.idNumber);
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => [AssistanceCategory], {
    description: "Employment-assistance groups the citizen belongs to today.",
  })
  async assistanceCategories(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return (await loaders.assistance(ctx, this.s).load(citizen)) ?? [];
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => Retirement, { nullable: true, description: "The approved retirement, if any." })
  retirement(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return loaders.retirement(ctx, this.s).load(citizen.idNumber);
  }
}
