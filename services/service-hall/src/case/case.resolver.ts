import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionType, DateScalar, PageArgs, pageRequest, type RequestContext, todayBy } from "@onewindow/platform";
import { CASE_READERS, HALL_WRITERS, OVERDUE_READERS, readShownCases, shownIdNumber } from "../access";
import { ServiceItem } from "../catalogue/service-item.entity";
import { Citizen, citizenStub } from "../citizen/citizen.stub";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { parseCaseId } from "./case-id";
import { HallCase } from "./case.entity";
import { CaseStatus } from "./case.enums";
import { CompleteCaseInput, OpenCaseInput } from "./case.inputs";
import { CaseTask } from "./case-task.entity";

export const CaseConnection = connectionType("Case", HallCase, "case");

@Resolver(() => HallCase)
export class CaseResolver {
  constructor(private readonly s: Services) {}

  @Authorized(CASE_READERS)
  @Query(() => HallCase, { nullable: true, description: "A case by its number; null when there is none." })
  async case(
    @Arg("id", () => ID, { description: "The case number." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HallCase | null> {
    const found = await loaders.hallCase(ctx, this.s).load(parseCaseId(id, "id"));
    // A case is a person's record: a citizen gets only their own, and the read is audited.
    if (found) ctx.access.read([found.idNumber], info, "Case");
    return found;
  }

  @Authorized(OVERDUE_READERS)
  @Query(() => CaseConnection, {
    description:
      "Open cases past their deadline, most overdue first. Analysts see every ID number masked (330102********1234).",
  })
  async overdueCases(
    @Arg("asOf", () => DateScalar, { nullable: true, description: "The day to judge by; default today." })
    asOf: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = await this.s.caseQueries.overdue(asOf, pageRequest(first, after, ctx.cursors.forField(info)));
    readShownCases(
      ctx,
      page.edges.map((e) => e.node.idNumber),
      info,
    );
    return page;
  }

  @Authorized(HALL_WRITERS)
  @Mutation(() => HallCase, {
    description:
      "Accepts an item for a citizen at a window; the deadline follows from the item's time limit in working days. BAD_USER_INPUT for an unknown item code.",
  })
  openCase(
    @Arg("input", () => OpenCaseInput, { description: "The citizen, the item and the window." }) input: OpenCaseInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    ctx.access.readBeforeWrite(input.idNumber, info, "Case");
    return this.s.cases.open(input, ctx.caller.userId);
  }

  @Authorized(HALL_WRITERS)
  @Mutation(() => HallCase, {
    description:
      "Completes a case today. BAD_USER_INPUT when it is completed already or still waits for departments to confirm.",
  })
  async completeCase(
    @Arg("input", () => CompleteCaseInput, { description: "The case." }) input: CompleteCaseInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const found = await loaders.hallCase(ctx, this.s).load(parseCaseId(input.caseId));
    if (found) ctx.access.readBeforeWrite(found.idNumber, info, "Case");
    return this.s.cases.complete(input, ctx.caller.userId);
  }

  @FieldResolver(() => Citizen, {
    description: "The citizen the case is for; the ID number comes masked to callers who may not see the person.",
  })
  citizen(@Root() hallCase: HallCase, @Ctx() ctx: RequestContext): Citizen {
    return citizenStub(shownIdNumber(ctx, hallCase.idNumber));
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description:
      "Resident ID number of the person handling it on the citizen's behalf (代办); null in person. Masked like the citizen's.",
  })
  proxyIdNumber(@Root() hallCase: HallCase, @Ctx() ctx: RequestContext): string | null {
    if (hallCase.proxyIdNumber === null) return null;
    // Whoever may see the citizen sees the proxy the citizen chose; the proxy sees themselves.
    return ctx.access.maySee(hallCase.idNumber) ? hallCase.proxyIdNumber : shownIdNumber(ctx, hallCase.proxyIdNumber);
  }

  @FieldResolver(() => ServiceItem, { description: "The service item handled." })
  item(@Root() hallCase: HallCase, @Ctx() ctx: RequestContext) {
    return loaders.item(ctx, this.s).load(hallCase.itemCode);
  }

  @FieldResolver(() => [CaseTask], {
    description: "The departments' parts of a multi-department case (retirement); empty for other cases.",
  })
  tasks(@Root() hallCase: HallCase, @Ctx() ctx: RequestContext) {
    return loaders.tasks(ctx, this.s).load(hallCase.id);
  }

  @FieldResolver(() => Boolean, { description: "True when the case is open and today is past its deadline." })
  overdue(@Root() hallCase: HallCase): boolean {
    return hallCase.status === CaseStatus.OPEN && hallCase.deadline < todayBy(this.s.clock);
  }
}
