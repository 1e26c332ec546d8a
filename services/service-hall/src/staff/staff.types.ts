import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { WindowStaffBadge } from "./staff.enums";

/** The sign on a window (亮身份、亮职责、亮承诺): what the public may read of the person posted there. */
@ObjectType({
  description:
    "What a window's sign shows of the staff member posted there (亮身份、亮职责、亮承诺): public, and nothing else of the person.",
})
export class StaffBadge {
  @Field({ description: "Name." })
  name: string;

  @Field({ description: "Code of the service centre." })
  centre: string;

  @Field({ description: "The window." })
  window: string;

  @Field(() => [WindowStaffBadge], { description: "The honours the post carries." })
  badges: WindowStaffBadge[];

  @Field(() => [String], { description: "Public duties (亮职责)." })
  duties: string[];

  @Field(() => [String], { description: "Public commitments (亮承诺), oldest first." })
  commitments: string[];
}

/** A staff member's own figures over a period. */
@ObjectType({
  description:
    "A staff member's own figures over a period: the cases they accepted and that were completed in it, the evaluations of those cases (and of their window while they were signed in), and the tickets they called.",
})
export class StaffKpis {
  @Field({ description: "Staff number." })
  staffNumber: string;

  @Field(() => DateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => Int, { description: "Cases they accepted that were completed in the period." })
  casesHandled: number;

  @Field(() => Int, { description: "Of those, completed on or before the deadline." })
  onTime: number;

  @Field(() => Int, { description: "Of those, completed on the day they were accepted (现场办结)." })
  onSite: number;

  @Field(() => Float, { nullable: true, description: "onTime / casesHandled; null without cases." })
  onTimeRate: number | null;

  @Field(() => Float, { nullable: true, description: "onSite / casesHandled; null without cases." })
  onSiteRate: number | null;

  @Field(() => Int, { description: "Evaluations given in the period of their service." })
  evaluations: number;

  @Field(() => Int, { description: "Of those, UNSATISFIED." })
  unsatisfied: number;

  @Field(() => Float, {
    nullable: true,
    description: "Satisfied or basically satisfied / evaluations; null without evaluations.",
  })
  satisfactionRate: number | null;

  @Field(() => Int, { description: "Tickets they called (or recalled) in the period." })
  ticketsCalled: number;
}

/** A service star of the month (服务之星). */
@ObjectType({ description: "A service star of the month (服务之星): the staff member's sign, their figures and rank." })
export class ServiceStar {
  @Field(() => Int, { description: "Rank among the month's stars, 1 first." })
  rank: number;

  @Field({ description: "Staff number." })
  staffNumber: string;

  @Field(() => StaffBadge, { description: "Their window's sign." })
  badge: StaffBadge;

  @Field(() => StaffKpis, { description: "Their figures for the month." })
  kpis: StaffKpis;

  @Field(() => Float, { description: "The score they were ranked by (see serviceStars)." })
  score: number;
}
