import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { HALL_SETTING_ADMINS, HALL_WRITERS } from "../access";
import type { Services } from "../services";
import { QueueBoard } from "./queue-board.types";
import { CentreSetting } from "./centre-setting.entity";
import {
  CallNextTicketInput,
  RecallTicketInput,
  SetRecallWindowInput,
  SkipTicketInput,
  TakeQueueTicketInput,
  TransferTicketInput,
} from "./queue.inputs";
import { QueueTicket } from "./queue-ticket.entity";

@Resolver(() => QueueTicket)
export class QueueResolver {
  constructor(private readonly s: Services) {}

  // Public: the ticket machine in the hall, used before anyone signs in; a ticket's public fields
  // name no one. The green channel is checked against the caller (see QueueService.take); a
  // citizen signed in becomes the ticket's holder (for the "three away" notice), on the audit trail.
  @Mutation(() => QueueTicket, {
    description:
      "Issues today's next number of a category at a centre (A012: each centre numbers its own lines), with the tickets ahead and an estimated wait. DISABLED: window clerks only; ELDERLY: a clerk, or an ID number of someone 60 or over.",
  })
  async takeQueueTicket(
    @Arg("input", () => TakeQueueTicketInput, { description: "The category and the channel." })
    input: TakeQueueTicketInput,
    @Ctx() ctx: RequestContext,
  ) {
    const ticket = await this.s.queue.take(input, ctx.caller);
    if (ticket.holderIdNumber) ctx.access.recordAct(ticket.holderIdNumber, "QueueTicket.holder");
    return ticket;
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
    @Ctx() ctx: RequestContext,
  ) {
    return this.s.queue.callNext(input, ctx.caller.userId);
  }

  @Authorized(HALL_WRITERS)
  @Mutation(() => QueueTicket, {
    description:
      "Marks a called ticket as missed (过号): its holder did not come. It may be recalled within the centre's recall window. BAD_USER_INPUT unless it is today's and called.",
  })
  skipTicket(
    @Arg("input", () => SkipTicketInput, { description: "The ticket." }) input: SkipTicketInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.s.queue.skip(input, ctx.caller.userId);
  }

  @Authorized(HALL_WRITERS)
  @Mutation(() => QueueTicket, {
    description:
      "Calls a missed ticket again to a window. BAD_USER_INPUT unless it was skipped today and the centre's recall window (minutes after the skip) has not passed.",
  })
  recallTicket(
    @Arg("input", () => RecallTicketInput, { description: "The ticket and the window." }) input: RecallTicketInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.s.queue.recall(input, ctx.caller.userId);
  }

  @Authorized(HALL_WRITERS)
  @Mutation(() => QueueTicket, {
    description:
      "Moves a waiting or called ticket to another category's line (转号): it gets that category's next number and keeps its place by the time it was taken.",
  })
  transferTicket(
    @Arg("input", () => TransferTicketInput, { description: "The ticket and its new category." })
    input: TransferTicketInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.s.queue.transfer(input, ctx.caller.userId);
  }

  // Public: the centres and their recall windows are posted in the hall.
  @Query(() => [CentreSetting], { description: "The service centres the hall knows, with their queue settings." })
  hallCentres() {
    return this.s.queue.centres();
  }

  @Authorized(HALL_SETTING_ADMINS)
  @Mutation(() => CentreSetting, {
    description:
      "Sets a centre's recall window for missed tickets (0–240 minutes): the administrator. BAD_USER_INPUT for an unknown centre.",
  })
  setRecallWindow(
    @Arg("input", () => SetRecallWindowInput, { description: "The centre and its recall window." })
    input: SetRecallWindowInput,
  ) {
    return this.s.queue.setRecallWindow(input);
  }

  // Public: the queue screen hangs in the hall for everyone to see; it shows numbers, not people.
  @Query(() => QueueBoard, {
    description:
      "What a centre's queue screen shows: now calling, waiting per category, estimated waits. BAD_USER_INPUT for an unknown centre.",
  })
  queueBoard(
    @Arg("centre", () => String, {
      nullable: true,
      description: "The centre's code (its own numbers and windows); default KAIXUAN.",
    })
    centre: string | null,
  ) {
    return this.s.queue.board(centre);
  }
}
