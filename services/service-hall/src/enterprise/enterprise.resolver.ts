import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { DateScalar, loaderFor, type RequestContext } from "@onewindow/platform";
import { AGGREGATE_READERS, HALL_WRITERS } from "../access";
import type { Services } from "../services";
import { Employer, employerStub } from "./employer.stub";
import { Building, EnterpriseService } from "./enterprise.entity";
import { PlaceCompanyInput, RecordEnterpriseServiceInput } from "./enterprise.inputs";
import { EnterpriseServiceTotals } from "./enterprise.types";

/** Request-scoped batches: one query per batch of buildings or companies, never one per row. */
const companiesLoader = (ctx: RequestContext, s: Services) =>
  loaderFor<number, string[]>(ctx, "buildingCompanies", (ids) => s.enterprise.companiesOf(ids));
const buildingLoader = (ctx: RequestContext, s: Services) =>
  loaderFor<string, Building | null>(ctx, "companyBuilding", (codes) => s.enterprise.buildingsOf(codes));

/** Building stations: their buildings and companies, the services they record and the station's totals. */
@Resolver(() => Building)
export class BuildingResolver {
  constructor(private readonly s: Services) {}

  @Authorized(AGGREGATE_READERS)
  @Query(() => [Building], {
    description: "The buildings stations serve, by name. BAD_USER_INPUT for an unknown station.",
  })
  buildings(
    @Arg("station", () => String, { nullable: true, description: "Only the buildings of this station; omit for all." })
    station: string | null,
  ): Promise<Building[]> {
    return this.s.enterprise.buildings(station);
  }

  @FieldResolver(() => [Employer], { description: "The companies in the building, by credit code." })
  async companies(@Root() building: Building, @Ctx() ctx: RequestContext): Promise<Employer[]> {
    const codes = await companiesLoader(ctx, this.s).load(building.id);
    return (codes ?? []).map(employerStub);
  }

  @Authorized(HALL_WRITERS)
  @Mutation(() => Building, {
    description:
      "Places a company in a building (moving it from another one), so the building's station serves it. BAD_USER_INPUT for an unknown building or an invalid credit code.",
  })
  placeCompanyInBuilding(
    @Arg("input", () => PlaceCompanyInput, { description: "The building and the company." }) input: PlaceCompanyInput,
  ): Promise<Building> {
    return this.s.enterprise.placeCompany(input);
  }

  @Authorized(HALL_WRITERS)
  @Mutation(() => EnterpriseService, {
    description:
      "Records a service a building station gave a company (written review, contact card, publicity, proxy, placement, training). BAD_USER_INPUT for a company in no served building or a day in the future.",
  })
  recordEnterpriseService(
    @Arg("input", () => RecordEnterpriseServiceInput, { description: "The company, the kind, the day and who did it." })
    input: RecordEnterpriseServiceInput,
  ): Promise<EnterpriseService> {
    return this.s.enterprise.record(input);
  }

  @Authorized(AGGREGATE_READERS)
  @Query(() => EnterpriseServiceTotals, {
    description:
      "A building station's services over from..to (both inclusive) by kind, counted from the individual records. BAD_USER_INPUT for an unknown station or when from is after to.",
  })
  enterpriseServiceTotals(
    @Arg("station", { description: "Code of the building station, e.g. WUCHAN." }) station: string,
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period." }) to: string,
  ): Promise<EnterpriseServiceTotals> {
    return this.s.enterprise.totals(station, from, to);
  }
}

/** The company an enterprise service went to, as labor security's `Employer`. */
@Resolver(() => EnterpriseService)
export class EnterpriseServiceResolver {
  @FieldResolver(() => Employer, { description: "The company served (labor security's employer)." })
  company(@Root() service: EnterpriseService): Employer {
    return employerStub(service.creditCode);
  }
}

/** The hall's field on `Employer`: the building whose station serves it. */
@Resolver(() => Employer)
export class EmployerBuildingResolver {
  constructor(private readonly s: Services) {}

  @Authorized(AGGREGATE_READERS)
  @FieldResolver(() => Building, {
    nullable: true,
    description: "The building the company is in, whose building station serves it; null when none.",
  })
  building(@Root() employer: Employer, @Ctx() ctx: RequestContext): Promise<Building | null> {
    return buildingLoader(ctx, this.s).load(employer.creditCode);
  }
}
