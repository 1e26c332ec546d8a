import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { HALL_WRITERS } from "../access";
import type { Services } from "../services";
import { QueueBoard } from "./queue-board.types";
import { CallNextTicketInput, TakeQueueTicketInput } from "./queue.inputs";
import { QueueTicket } from "./queue-ticket.entity";

@Resolver(() => QueueTicket)
export class QueueResolver {
  constructor(private readonly s: Services) {}

  // Public: the ticket machine in the hall, used before anyone signs in; a ticket names no one.
  // The green channel is checked against the caller (see QueueService.take).
  @Mutation(() => QueueTicket, {
    description:
      "Issues today's next number of a category (A012), with the tickets ahead and an estimated wait. DISABLED: window clerks only; ELDERLY: a clerk, or an ID number of someone 60 or over.",
  })
  takeQueueTicket(
    @Arg("input", () => TakeQueueTicketInput, { description: "The category and the channel." })
    input: TakeQueueTicketInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.s.queue.take(input, ctx.caller);
  }

  @Authorized(HALL_WRITERS)
  @Mutation(() => QueueTicket, {
    nullable: true,
    description:
      "Calls the next ticket to a window: green channel first, then in the order taken. Null when nobody is waiting.",
  })
  callNextTicket(
    @Arg("input", () => CallNextTicketInput, { description: "The window and the categories it serves." })
    input: CallNextTicketInput,
  ) {
    return this.s.queue.callNext(input);
  }

  // Public: the queue screen hangs in the hall for everyone to see; it shows numbers, not people.
  @Query(() => QueueBoard, {
    description: "What the hall's queue screen shows: now calling, waiting per category, estimated waits.",
  })
  queueBoard() {
    return this.s.queue.board();
  }
}
