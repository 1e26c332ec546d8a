import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { DateScalar, loaderFor, type RequestContext } from "@onewindow/platform";
import { STAFF_ADMINS, STAFF_KPI_READERS, STAFF_READERS } from "../access";
import type { Services } from "../services";
import { describeStarRule } from "./service-star.rule";
import { CommitmentReview, StaffCommitment, WindowStaff } from "./staff.entity";
import { RecordCommitmentInput, RecordWindowStaffInput, ReviewCommitmentInput } from "./staff.inputs";
import { ServiceStar, StaffBadge, StaffKpis } from "./staff.types";

const commitmentsLoader = (ctx: RequestContext, s: Services) =>
  loaderFor<string, StaffCommitment[]>(ctx, "hall.staffCommitments", (keys) => s.staff.commitmentsOf(keys));
const reviewsLoader = (ctx: RequestContext, s: Services) =>
  loaderFor<number, CommitmentReview[]>(ctx, "hall.commitmentReviews", (keys) => s.staff.reviewsOf(keys));

@Resolver(() => WindowStaff)
export class StaffResolver {
  constructor(private readonly s: Services) {}

  // Public: the signs hang on the windows for everyone to read; they name no one beyond the name.
  @Query(() => [StaffBadge], {
    description:
      "The signs on a centre's windows (亮身份、亮职责、亮承诺): name, window, badges, duties and commitments of each staff member posted there. Public.",
  })
  staffBadges(
    @Arg("centre", { description: "The centre's code, e.g. KAIXUAN." }) centre: string,
    @Arg("window", () => String, { nullable: true, description: "One window only; default all." })
    window: string | null,
  ): Promise<StaffBadge[]> {
    return this.s.staff.badges(centre, window);
  }

  @Authorized(STAFF_READERS)
  @Query(() => WindowStaff, { nullable: true, description: "A staff member's whole record; null when there is none." })
  windowStaff(@Arg("staffNumber", { description: "Staff number." }) staffNumber: string) {
    return this.s.staff.find(staffNumber);
  }

  @Authorized(STAFF_ADMINS)
  @Mutation(() => WindowStaff, {
    description:
      "Records a window staff member (or replaces their record): the administrator. BAD_USER_INPUT for an unknown centre, or a Party badge for someone not a Party member.",
  })
  recordWindowStaff(
    @Arg("input", () => RecordWindowStaffInput, { description: "The record." }) input: RecordWindowStaffInput,
  ) {
    return this.s.staff.record(input);
  }

  @Authorized(STAFF_ADMINS)
  @Mutation(() => StaffCommitment, {
    description:
      "Enters a staff member's public commitment (亮承诺) in the ledger. BAD_USER_INPUT for an unknown staff number.",
  })
  recordCommitment(
    @Arg("input", () => RecordCommitmentInput, { description: "The commitment." }) input: RecordCommitmentInput,
  ) {
    return this.s.staff.recordCommitment(input);
  }

  @Authorized(STAFF_ADMINS)
  @Mutation(() => CommitmentReview, {
    description:
      "Records today's review of a commitment (践诺评诺): kept or not, by whom, with a note. A commitment is reviewed again each period.",
  })
  reviewCommitment(
    @Arg("input", () => ReviewCommitmentInput, { description: "The review." }) input: ReviewCommitmentInput,
  ) {
    return this.s.staff.reviewCommitment(input);
  }

  @Authorized(STAFF_KPI_READERS)
  @Query(() => StaffKpis, {
    description:
      "A staff member's own figures over from..to (both inclusive): the cases they accepted completed in it, on time and on site, the evaluations of their service, the tickets they called. BAD_USER_INPUT for an unknown staff number or a reversed period.",
  })
  staffKpis(
    @Arg("staffNumber", { description: "Staff number." }) staffNumber: string,
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period." }) to: string,
  ): Promise<StaffKpis> {
    return this.s.staff.kpis(staffNumber, from, to);
  }

  @Authorized(STAFF_KPI_READERS)
  @Query(() => [ServiceStar], {
    description: `The month's service stars (服务之星) of a centre. ${describeStarRule()}`,
  })
  serviceStars(
    @Arg("centre", { description: "The centre's code, e.g. KAIXUAN." }) centre: string,
    @Arg("month", { description: "The month, e.g. 2026-11." }) month: string,
  ): Promise<ServiceStar[]> {
    return this.s.staff.stars(centre, month);
  }

  @FieldResolver(() => [StaffCommitment], { description: "Their public commitments (亮承诺), oldest first." })
  async commitments(@Root() staff: WindowStaff, @Ctx() ctx: RequestContext) {
    return (await commitmentsLoader(ctx, this.s).load(staff.staffNumber)) ?? [];
  }
}

@Resolver(() => StaffCommitment)
export class StaffCommitmentResolver {
  constructor(private readonly s: Services) {}

  @FieldResolver(() => [CommitmentReview], { description: "Its reviews (践诺评诺), oldest first." })
  async reviews(@Root() commitment: StaffCommitment, @Ctx() ctx: RequestContext) {
    return (await reviewsLoader(ctx, this.s).load(commitment.id)) ?? [];
  }
}
