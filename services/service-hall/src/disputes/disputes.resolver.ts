import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionType, loaderFor, PageArgs, pageRequest, type RequestContext } from "@onewindow/platform";
import { DISPUTE_READERS, DISPUTE_WRITERS } from "../access";
import { Citizen, citizenStub } from "../citizen/citizen.stub";
import type { Services } from "../services";
import { InspectionCase, MediationCase, MediationSession } from "./disputes.entity";
import { LaborInspectionStatus, MediationStatus } from "./disputes.enums";
import {
  CloseInspectionCaseInput,
  CloseMediationCaseInput,
  IssueRectificationOrderInput,
  OpenInspectionCaseInput,
  OpenMediationCaseInput,
  RecordInspectionFindingsInput,
  RecordMediationSessionInput,
} from "./disputes.inputs";
import { MEDIATION_LIMIT_DAYS } from "./disputes.service";

export const InspectionCaseConnection = connectionType("LaborInspectionCase", InspectionCase, "inspection case");
export const MediationCaseConnection = connectionType("MediationCase", MediationCase, "mediation case");

/**
 * A party of a case as a `Citizen`: its handlers only, with a purpose, audited as a read of the
 * person (and of the case field that names them), like a ticket's holder.
 */
function party(ctx: RequestContext, info: GraphQLResolveInfo, idNumber: string, field: string): Citizen {
  ctx.access.read([idNumber], info, "Citizen");
  ctx.access.recordAct(idNumber, field);
  return citizenStub(idNumber);
}

@Resolver(() => InspectionCase)
export class InspectionCaseResolver {
  constructor(private readonly s: Services) {}

  @Authorized(DISPUTE_WRITERS)
  @Mutation(() => InspectionCase, {
    description:
      "Opens a labor inspection case (劳动保障监察) on an employer at a centre or station: a complaint (with or without the complainant named) or a routine inspection.",
  })
  openInspectionCase(
    @Arg("input", () => OpenInspectionCaseInput, {
      description: "The centre, the employer, the kind and what it is about.",
    })
    input: OpenInspectionCaseInput,
  ) {
    return this.s.inspections.open(input);
  }

  @Authorized(DISPUTE_WRITERS)
  @Mutation(() => InspectionCase, {
    description: "Records what the inspection found; may be corrected until a rectification order is issued.",
  })
  recordInspectionFindings(
    @Arg("input", () => RecordInspectionFindingsInput, { description: "The case and what was found." })
    input: RecordInspectionFindingsInput,
  ) {
    return this.s.inspections.recordFindings(input);
  }

  @Authorized(DISPUTE_WRITERS)
  @Mutation(() => InspectionCase, {
    description:
      "Orders the employer to rectify (责令改正) within a number of working days, counted by the hall's working calendar from the day after today. Needs findings that name a violation.",
  })
  issueRectificationOrder(
    @Arg("input", () => IssueRectificationOrderInput, { description: "The case, the requirement and the time limit." })
    input: IssueRectificationOrderInput,
  ) {
    return this.s.inspections.issueOrder(input);
  }

  @Authorized(DISPUTE_WRITERS)
  @Mutation(() => InspectionCase, { description: "Closes an inspection case (结案) today. Needs its findings." })
  closeInspectionCase(
    @Arg("input", () => CloseInspectionCaseInput, { description: "The case and its conclusion." })
    input: CloseInspectionCaseInput,
  ) {
    return this.s.inspections.close(input);
  }

  @Authorized(DISPUTE_READERS)
  @Query(() => InspectionCase, { nullable: true, description: "An inspection case by number; null when unknown." })
  inspectionCase(@Arg("id", () => ID, { description: "The case number." }) id: string) {
    return this.s.inspections.find(id);
  }

  @Authorized(DISPUTE_READERS)
  @Query(() => InspectionCaseConnection, { description: "Inspection cases, newest first." })
  inspectionCases(
    @Arg("centre", () => String, { nullable: true, description: "Only this centre's." }) centre: string | null,
    @Arg("creditCode", () => ID, { nullable: true, description: "Only this employer's." }) creditCode: string | null,
    @Arg("status", () => LaborInspectionStatus, { nullable: true, description: "Only cases in this state." })
    status: LaborInspectionStatus | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.s.inspections.list(
      { centre, creditCode, status },
      pageRequest(first, after, ctx.cursors.forField(info)),
    );
  }

  @Authorized(DISPUTE_WRITERS)
  @FieldResolver(() => Citizen, {
    nullable: true,
    description:
      "The complainant, when named; null for a routine inspection or an anonymous complaint. The case's handlers only, with a purpose; audited. Never passed on: the inspectorate keeps the complainant confidential (《劳动保障监察条例》第九条).",
  })
  complainant(@Root() c: InspectionCase, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    if (!c.complainantIdNumber) return null;
    return party(ctx, info, c.complainantIdNumber, "LaborInspectionCase.complainant");
  }

  @FieldResolver(() => Boolean, {
    description: "True while a rectification order's deadline has passed and the case is not closed.",
  })
  rectificationOverdue(@Root() c: InspectionCase): boolean {
    return this.s.inspections.rectificationOverdue(c);
  }
}

@Resolver(() => MediationCase)
export class MediationCaseResolver {
  constructor(private readonly s: Services) {}

  @Authorized(DISPUTE_WRITERS)
  @Mutation(() => MediationCase, {
    description: `Receives a labor dispute mediation application (劳动争议调解) between a worker and an employer. The mediation limit runs ${MEDIATION_LIMIT_DAYS} days from the day it was received (劳动争议调解仲裁法第十四条). The answer names the worker: a read of the person, with a purpose.`,
  })
  openMediationCase(
    @Arg("input", () => OpenMediationCaseInput, {
      description: "The centre, the parties, the claim and the day of the application.",
    })
    input: OpenMediationCaseInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    ctx.access.readBeforeWrite(input.workerIdNumber, info, "Citizen");
    return this.s.mediations.open(input);
  }

  @Authorized(DISPUTE_WRITERS)
  @Mutation(() => MediationSession, { description: "Records a mediation session held on an open case." })
  recordMediationSession(
    @Arg("input", () => RecordMediationSessionInput, { description: "The case, the day and what happened." })
    input: RecordMediationSessionInput,
  ) {
    return this.s.mediations.recordSession(input);
  }

  @Authorized(DISPUTE_WRITERS)
  @Mutation(() => MediationCase, {
    description:
      "Closes a mediation case today with its outcome. AGREEMENT needs a session held and the agreement's terms in the note.",
  })
  closeMediationCase(
    @Arg("input", () => CloseMediationCaseInput, { description: "The case and its outcome." })
    input: CloseMediationCaseInput,
  ) {
    return this.s.mediations.close(input);
  }

  @Authorized(DISPUTE_READERS)
  @Query(() => MediationCase, { nullable: true, description: "A mediation case by number; null when unknown." })
  mediationCase(@Arg("id", () => ID, { description: "The case number." }) id: string) {
    return this.s.mediations.find(id);
  }

  @Authorized(DISPUTE_READERS)
  @Query(() => MediationCaseConnection, { description: "Mediation cases, newest first." })
  mediationCases(
    @Arg("centre", () => String, { nullable: true, description: "Only this centre's." }) centre: string | null,
    @Arg("creditCode", () => ID, { nullable: true, description: "Only this employer's." }) creditCode: string | null,
    @Arg("status", () => MediationStatus, { nullable: true, description: "Only open or only closed cases." })
    status: MediationStatus | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.s.mediations.list(
      { centre, creditCode, status },
      pageRequest(first, after, ctx.cursors.forField(info)),
    );
  }

  @Authorized(DISPUTE_READERS)
  @Query(() => MediationCaseConnection, {
    description: `Open mediation cases past the last day of their ${MEDIATION_LIMIT_DAYS}-day limit (劳动争议调解仲裁法第十四条: 自劳动争议调解组织收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁), the longest overdue first: the parties should be told they may apply for arbitration.`,
  })
  overdueMediationCases(
    @Arg("centre", () => String, { nullable: true, description: "Only this centre's." }) centre: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.s.mediations.overdue({ centre }, pageRequest(first, after, ctx.cursors.forField(info)));
  }

  @Authorized(DISPUTE_WRITERS)
  @FieldResolver(() => Citizen, {
    description: "The worker party. The case's handlers only, with a purpose; audited.",
  })
  worker(@Root() c: MediationCase, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return party(ctx, info, c.workerIdNumber, "MediationCase.worker");
  }

  @FieldResolver(() => Boolean, {
    description: `True while the case is open after dueOn, the last day of the ${MEDIATION_LIMIT_DAYS}-day mediation limit (劳动争议调解仲裁法第十四条).`,
  })
  overdue(@Root() c: MediationCase): boolean {
    return this.s.mediations.isOverdue(c);
  }

  @FieldResolver(() => [MediationSession], { description: "The sessions held, in order." })
  async sessions(@Root() c: MediationCase, @Ctx() ctx: RequestContext): Promise<MediationSession[]> {
    return (
      (await loaderFor<number, MediationSession[]>(ctx, "mediationSessions", (ids) =>
        this.s.mediations.sessionsOf(ids),
      ).load(c.id)) ?? []
    );
  }
}
