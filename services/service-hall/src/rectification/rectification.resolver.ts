import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from "type-graphql";
import { connectionType, PageArgs, pageRequest, type RequestContext } from "@onewindow/platform";
import { AGGREGATE_READERS, HALL_WRITERS } from "../access";
import type { Services } from "../services";
import { HallRectification } from "./rectification.entity";
import { RectificationStatus } from "./rectification.enums";
import { OpenRectificationInput, ResolveRectificationInput } from "./rectification.inputs";

export const RectificationConnection = connectionType("HallRectification", HallRectification, "rectification item");

@Resolver(() => HallRectification)
export class RectificationResolver {
  constructor(private readonly s: Services) {}

  @Authorized(AGGREGATE_READERS)
  @Query(() => RectificationConnection, { description: "The rectification ledger, earliest deadline first." })
  rectifications(
    @Arg("status", () => RectificationStatus, {
      nullable: true,
      description: "Only open or only resolved items; omit for all.",
    })
    status: RectificationStatus | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.s.rectifications.list(status, pageRequest(first, after, ctx.cursors.forField(info)));
  }

  @Authorized(HALL_WRITERS)
  @Mutation(() => HallRectification, {
    description: "Opens a ledger item with a deadline. BAD_USER_INPUT for a deadline in the past.",
  })
  openRectification(
    @Arg("input", () => OpenRectificationInput, { description: "The problem and its deadline." })
    input: OpenRectificationInput,
  ) {
    return this.s.rectifications.open(input);
  }

  @Authorized(HALL_WRITERS)
  @Mutation(() => HallRectification, {
    description: "Records how and when a ledger item was resolved. BAD_USER_INPUT when it is resolved already.",
  })
  resolveRectification(
    @Arg("input", () => ResolveRectificationInput, { description: "The item, the day and the action." })
    input: ResolveRectificationInput,
  ) {
    return this.s.rectifications.resolve(input);
  }
}
