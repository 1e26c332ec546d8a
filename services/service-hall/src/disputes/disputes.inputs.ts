import { Field, Float, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { LaborInspectionKind, MediationOutcome } from "./disputes.enums";

@InputType({ description: "Opens a labor inspection case on an employer." })
export class OpenInspectionCaseInput {
  @Field({ description: "The centre (or building station) taking the case, by code." })
  centre: string;

  @Field(() => ID, { description: "The employer's unified social credit code." })
  creditCode: string;

  @Field(() => LaborInspectionKind, { description: "A complaint or a routine inspection." })
  kind: LaborInspectionKind;

  @Field({ description: "What the complaint says, or what the routine inspection covers." })
  subject: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The complainant's resident ID number, for a complaint whose author gives it; omit for an anonymous complaint and for a routine inspection. Kept confidential.",
  })
  complainantIdNumber?: string | null;
}

@InputType({ description: "Records what an inspection found." })
export class RecordInspectionFindingsInput {
  @Field(() => ID, { description: "The inspection case." })
  caseId: string;

  @Field({ description: "What was found." })
  findings: string;

  @Field({ description: "Whether a violation of labor law was found." })
  violationFound: boolean;
}

@InputType({ description: "Issues a rectification order (责令改正) with its time limit." })
export class IssueRectificationOrderInput {
  @Field(() => ID, { description: "The inspection case; its findings must name a violation." })
  caseId: string;

  @Field({ description: "What the employer must put right." })
  requirement: string;

  @Field(() => Int, { description: "Time limit in working days (1 to 60), counted from the day after the order." })
  workingDays: number;
}

@InputType({ description: "Closes an inspection case." })
export class CloseInspectionCaseInput {
  @Field(() => ID, { description: "The inspection case; its findings must be recorded." })
  caseId: string;

  @Field({ description: "The conclusion (e.g. rectified in time, no violation, referred for a penalty)." })
  conclusion: string;
}

@InputType({ description: "Receives a labor dispute mediation application." })
export class OpenMediationCaseInput {
  @Field({ description: "The centre (or building station) receiving it, by code." })
  centre: string;

  @Field(() => ID, { description: "The worker's resident ID number." })
  workerIdNumber: string;

  @Field(() => ID, { description: "The employer's unified social credit code." })
  creditCode: string;

  @Field(() => Float, { description: "What the worker claims, yuan (0 when nothing is claimed in money)." })
  claim: number;

  @Field({ description: "What the dispute is about." })
  matter: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Day the application was received, when it was received before it is entered (not in the future); default today. The 15-day limit runs from it.",
  })
  appliedOn?: string | null;
}

@InputType({ description: "Records a mediation session." })
export class RecordMediationSessionInput {
  @Field(() => ID, { description: "The mediation case, still open." })
  caseId: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day it was held: not before the application, not in the future; default today.",
  })
  heldOn?: string | null;

  @Field({ description: "What happened at the session." })
  note: string;
}

@InputType({ description: "Closes a mediation case with its outcome." })
export class CloseMediationCaseInput {
  @Field(() => ID, { description: "The mediation case, still open." })
  caseId: string;

  @Field(() => MediationOutcome, { description: "Agreement, failed and referred to arbitration, or withdrawn." })
  outcome: MediationOutcome;

  @Field(() => String, { nullable: true, description: "The agreement's terms, or why it ended." })
  note?: string | null;
}
