import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionType, PageArgs, loaderFor, pageRequest, type RequestContext } from "@onewindow/shared";
import { Employment } from "../employment/employment.entity";
import { loaders } from "../loaders";
import { Retirement } from "../retirement/retirement.entity";
import type { Services } from "../services";
import { UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import { AssistanceCategory } from "./citizen.enums";
import { Citizen } from "./citizen.entity";
import { CitizenFilter, RegisterCitizenInput } from "./citizen.inputs";

export const CitizenConnection = connectionType("Citizen", Citizen, "citizen");

@Resolver(() => Citizen)
export class CitizenResolver {
  constructor(private readonly s: Services) {}

  @Query(() => Citizen, { nullable: true, description: "A citizen by resident ID number; null when unknown." })
  citizen(@Arg("idNumber", () => ID) idNumber: string, @Ctx() ctx: RequestContext): Promise<Citizen | null> {
    return loaders.citizen(ctx, this.s).load(idNumber.trim().toUpperCase());
  }

  @Query(() => CitizenConnection, { description: "Citizens, ordered by ID number, optionally filtered." })
  citizens(
    @Arg("filter", () => CitizenFilter, { nullable: true, description: "Conditions the items must meet." }) filter: CitizenFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ) {
    return this.s.citizens.list(filter, pageRequest(first, after));
  }

  @Mutation(() => Citizen, { description: "Registers a resident. CONFLICT when the ID number is already registered." })
  registerCitizen(@Arg("input", () => RegisterCitizenInput) input: RegisterCitizenInput): Promise<Citizen> {
    return this.s.citizens.register(input);
  }

  @FieldResolver(() => Employment, { nullable: true, description: "The current job; null when not employed." })
  employment(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return loaderFor<string, Employment>(ctx, "currentEmployment", (ids) => this.s.citizens.currentEmployments(ids)).load(citizen.idNumber);
  }

  @FieldResolver(() => [Employment], { description: "Every job on record, newest first." })
  async employmentHistory(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return (await loaderFor<string, Employment[]>(ctx, "employmentHistory", (ids) => this.s.employments.histories(ids)).load(citizen.idNumber)) ?? [];
  }

  @FieldResolver(() => UnemploymentRegistration, { nullable: true, description: "The latest unemployment registration, open or closed." })
  unemployment(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return loaderFor<string, UnemploymentRegistration>(ctx, "unemployment", (ids) => this.s.unemployment.latest(ids)).load(citizen.idNumber);
  }

  @FieldResolver(() => [AssistanceCategory], { description: "Employment-assistance groups the citizen belongs to today." })
  async assistanceCategories(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return (await loaderFor<Citizen, AssistanceCategory[]>(ctx, "assistance", (cs) => this.s.citizens.categoriesOf(cs)).load(citizen)) ?? [];
  }

  @FieldResolver(() => Retirement, { nullable: true, description: "The approved retirement, if any." })
  retirement(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return loaderFor<string, Retirement>(ctx, "retirement", (ids) => this.s.retirements.findByIds(ids)).load(citizen.idNumber);
  }
}
