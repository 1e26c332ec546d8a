import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionType, DateScalar, PageArgs, pageRequest, type RequestContext } from "@onewindow/shared";
import { ServiceItem } from "../catalogue/service-item.entity";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { todayBy } from "../clock";
import { parseCaseId } from "./case-id";
import { HallCase } from "./case.entity";
import { CaseStatus } from "./case.enums";
import { CompleteCaseInput, OpenCaseInput } from "./case.inputs";
import { CaseTask } from "./case-task.entity";

export const CaseConnection = connectionType("Case", HallCase, "case");

@Resolver(() => HallCase)
export class CaseResolver {
  constructor(private readonly s: Services) {}

  @Query(() => HallCase, { nullable: true, description: "A case by its number; null when there is none." })
  case(@Arg("id", () => ID, { description: "The case number." }) id: string, @Ctx() ctx: RequestContext) {
    return loaders.hallCase(ctx, this.s).load(parseCaseId(id, "id"));
  }

  @Query(() => CaseConnection, { description: "Open cases past their deadline, most overdue first." })
  overdueCases(
    @Arg("asOf", () => DateScalar, { nullable: true, description: "The day to judge by; default today." }) asOf: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ) {
    return this.s.caseQueries.overdue(asOf, pageRequest(first, after));
  }

  @Mutation(() => HallCase, {
    description: "Accepts an item for a citizen at a window; the deadline follows from the item's time limit in working days. BAD_USER_INPUT for an unknown item code.",
  })
  openCase(@Arg("input", () => OpenCaseInput, { description: "The citizen, the item and the window." }) input: OpenCaseInput) {
    return this.s.cases.open(input);
  }

  @Mutation(() => HallCase, {
    description: "Completes a case today. BAD_USER_INPUT when it is completed already or still waits for departments to confirm.",
  })
  completeCase(@Arg("input", () => CompleteCaseInput, { description: "The case." }) input: CompleteCaseInput) {
    return this.s.cases.complete(input);
  }

  @FieldResolver(() => ServiceItem, { description: "The service item handled." })
  item(@Root() hallCase: HallCase, @Ctx() ctx: RequestContext) {
    return loaders.item(ctx, this.s).load(hallCase.itemCode);
  }

  @FieldResolver(() => [CaseTask], { description: "The departments' parts of a multi-department case (retirement); empty for other cases." })
  tasks(@Root() hallCase: HallCase, @Ctx() ctx: RequestContext) {
    return loaders.tasks(ctx, this.s).load(hallCase.id);
  }

  @FieldResolver(() => Boolean, { description: "True when the case is open and today is past its deadline." })
  overdue(@Root() hallCase: HallCase): boolean {
    return hallCase.status === CaseStatus.OPEN && hallCase.deadline < todayBy(this.s.clock);
  }
}
