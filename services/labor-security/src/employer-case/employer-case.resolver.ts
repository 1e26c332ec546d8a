import type { GraphQLResolveInfo } from "graphql";
import { Args, Authorized, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { connectionType, PageArgs, pageRequest, type Connection, type RequestContext } from "@onewindow/platform";
import { EMPLOYER_CASE_READERS } from "../access";
import { Employer } from "../employer/employer.entity";
import type { Services } from "../services";
import { EmployerDispute, EmployerInspection } from "./employer-case.entity";

export const EmployerInspectionConnection = connectionType("EmployerInspection", EmployerInspection, "inspection case");
export const EmployerDisputeConnection = connectionType("EmployerDispute", EmployerDispute, "mediation case");

/** An employer's labor inspection and dispute mediation cases, from the service hall's events. */
@Resolver(() => Employer)
export class EmployerCaseResolver {
  constructor(private readonly s: Services) {}

  @Authorized(EMPLOYER_CASE_READERS)
  @FieldResolver(() => EmployerInspectionConnection, {
    description:
      "Labor inspection cases on the employer (劳动保障监察), newest first, as the service hall reports them (eventually: they arrive by event).",
  })
  inspections(
    @Root() employer: Employer,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<EmployerInspection>> {
    return this.s.employerCases.inspectionsOf(
      employer.creditCode,
      pageRequest(first, after, ctx.cursors.forField(info, employer.creditCode)),
    );
  }

  @Authorized(EMPLOYER_CASE_READERS)
  @FieldResolver(() => EmployerDisputeConnection, {
    description:
      "Labor dispute mediation cases between a worker and the employer (劳动争议调解), newest first, as the service hall reports them (eventually). Each names its worker: the labor officer reads them with a purpose, audited; analysts the totalCount only.",
  })
  async disputes(
    @Root() employer: Employer,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<EmployerDispute>> {
    // Anything but totalCount reads the workers listed: refused before the query to whoever may not.
    ctx.access.listing(info);
    const page = await this.s.employerCases.disputesOf(
      employer.creditCode,
      pageRequest(first, after, ctx.cursors.forField(info, employer.creditCode)),
    );
    ctx.access.readPage(
      page.edges.map((e) => e.node.idNumber),
      info,
      "EmployerDispute",
    );
    return page;
  }
}

/** Whether a dispute is past its mediation limit. */
@Resolver(() => EmployerDispute)
export class EmployerDisputeResolver {
  constructor(private readonly s: Services) {}

  @FieldResolver(() => Boolean, {
    description: "True while the case is open after dueOn, the last day of its 15-day mediation limit.",
  })
  overdue(@Root() d: EmployerDispute): boolean {
    return this.s.employerCases.overdue(d);
  }
}
