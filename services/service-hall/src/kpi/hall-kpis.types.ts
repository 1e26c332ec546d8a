import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { HallEvaluationChannel } from "../evaluation/evaluation.enums";

/** The on-time rate of a window or a line of business: the cases due in the period. */
const OnTimeRateField = () =>
  Field(() => Float, {
    nullable: true,
    description:
      "Of the cases whose deadline falls in the period (completed, or open past it), completed on or before the deadline, 0..1; null without such cases.",
  });

/** The on-site rate of a window or a line of business. */
const OnSiteRateField = () =>
  Field(() => Float, {
    nullable: true,
    description: "Of those, completed on their opening day, 0..1; null without cases.",
  });

@ObjectType({ description: "Evaluations of a period through one channel." })
export class HallChannelEvaluations {
  @Field(() => HallEvaluationChannel, { description: "The channel." })
  channel: HallEvaluationChannel;

  @Field(() => Int, { description: "Evaluations given through it in the period (FORM: evaluation forms collected)." })
  evaluations: number;

  @Field(() => Int, { description: "Of those, SATISFIED or BASICALLY_SATISFIED." })
  satisfied: number;

  @Field(() => Float, { nullable: true, description: "satisfied / evaluations, 0..1; null without evaluations." })
  satisfactionRate: number | null;
}

@ObjectType({ description: "Window KPIs of one window over the period." })
export class HallWindowKpis {
  @Field({ description: "The window." })
  window: string;

  @Field(() => Int, { description: "Cases the window completed in the period." })
  casesHandled: number;

  @OnTimeRateField()
  onTimeRate: number | null;

  @OnSiteRateField()
  onSiteRate: number | null;

  @Field(() => Int, { description: "Evaluations of the window in the period." })
  evaluations: number;

  @Field(() => Float, {
    nullable: true,
    description: "(SATISFIED + BASICALLY_SATISFIED) / evaluations, 0..1; null without evaluations.",
  })
  satisfactionRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Rectification items of the window due in the period and resolved by their deadline / those due; null when none was due.",
  })
  rectificationRate: number | null;

  @Field(() => Int, { description: "Tickets the window called in the period." })
  ticketsCalled: number;

  @Field(() => Float, {
    nullable: true,
    description: "Average minutes from ticket taken to called at this window (2 decimals); null without calls.",
  })
  averageWaitMinutes: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Star rating 1-5 from the weaker of satisfactionRate and onTimeRate: 5 at 98% or more, 4 at 95%, 3 at 90%, 2 at 80%, else 1; " +
      "when only one of the two exists it alone decides; null when neither does.",
  })
  stars: number | null;
}

@ObjectType({ description: "Window KPIs of one line of business over the period." })
export class HallDepartmentKpis {
  @Field(() => HallDepartment, { description: "The line of business." })
  department: HallDepartment;

  @Field(() => Int, { description: "Cases of its items completed in the period." })
  casesHandled: number;

  @OnTimeRateField()
  onTimeRate: number | null;

  @OnSiteRateField()
  onSiteRate: number | null;

  @Field(() => Int, { description: "Evaluations of its cases in the period." })
  evaluations: number;

  @Field(() => Float, {
    nullable: true,
    description: "Satisfied share of those evaluations, 0..1; null without evaluations.",
  })
  satisfactionRate: number | null;

  @Field(() => Int, { description: "Tickets of its queue category called in the period." })
  ticketsCalled: number;

  @Field(() => Float, {
    nullable: true,
    description: "Average minutes from ticket taken to called in its queue (2 decimals); null without calls.",
  })
  averageWaitMinutes: number | null;
}

@ObjectType({
  description:
    "The service hall's window KPIs over a period (both dates inclusive). Rates are unrounded 0..1 fractions and null when the period " +
    "has nothing to divide by.",
})
export class HallKpis {
  @Field(() => DateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => Int, { description: "Cases completed in the period (受理办结业务)." })
  casesHandled: number;

  @Field(() => Int, {
    description:
      "Cases whose deadline falls in the period and that count for the on-time rate: completed, or still open after the deadline passed (an open case not yet due is not counted).",
  })
  casesDue: number;

  @Field(() => Int, { description: "Of casesDue, completed on or before their deadline." })
  casesOnTime: number;

  @Field(() => Int, { description: "Of casesHandled, completed on the day they were opened." })
  casesOnSite: number;

  @Field(() => Float, {
    nullable: true,
    description: "casesOnTime / casesDue (按时办结率): an open case past its deadline counts against it.",
  })
  onTimeRate: number | null;

  @Field(() => Float, { nullable: true, description: "casesOnSite / casesHandled (现场办结率)." })
  onSiteRate: number | null;

  @Field(() => Int, { description: "Evaluations given in the period, every channel." })
  evaluations: number;

  @Field(() => Float, {
    nullable: true,
    description: "(SATISFIED + BASICALLY_SATISFIED) / evaluations in the period (群众满意率).",
  })
  satisfactionRate: number | null;

  @Field(() => [HallChannelEvaluations], {
    description: "Evaluations per channel (DEVICE, FORM, ONLINE), always all three.",
  })
  evaluationsByChannel: HallChannelEvaluations[];

  @Field(() => Int, { description: "Rectification items whose deadline falls in the period." })
  rectificationsDue: number;

  @Field(() => Int, { description: "Of those, resolved on or before their deadline." })
  rectificationsResolvedOnTime: number;

  @Field(() => Float, {
    nullable: true,
    description: "rectificationsResolvedOnTime / rectificationsDue (限期内整改率).",
  })
  rectificationRate: number | null;

  @Field(() => Int, { description: "Queue tickets called in the period." })
  ticketsCalled: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Average minutes from ticket taken to called, over tickets called in the period (2 decimals, half up).",
  })
  averageWaitMinutes: number | null;

  @Field(() => [HallWindowKpis], { description: "The same per window, with its star rating, by window." })
  byWindow: HallWindowKpis[];

  @Field(() => [HallDepartmentKpis], {
    description: "The same per line of business, in signpost order, every line included.",
  })
  byDepartment: HallDepartmentKpis[];
}
