import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { BROADCASTERS } from "../access";
import type { Services } from "../services";
import { Broadcast } from "./broadcast.entity";
import { SendBroadcastInput } from "./broadcast.inputs";

@Resolver(() => Broadcast)
export class BroadcastResolver {
  constructor(private readonly s: Services) {}

  @Authorized(BROADCASTERS)
  @Mutation(() => Broadcast, {
    description:
      "Queues a NEWS template to everyone with a standing news consent for the audience (community and/or assistance group), to each of their channels, at `scheduledAt`; nobody else. Labor officers; names no person, answers counts. BAD_USER_INPUT for a template that is not NEWS, a missing placeholder or a time outside the next 90 days.",
  })
  sendBroadcast(
    @Arg("input", () => SendBroadcastInput, { description: "The audience, the template and when." })
    input: SendBroadcastInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Broadcast> {
    return this.s.broadcasts.send(ctx.caller, input);
  }
}
