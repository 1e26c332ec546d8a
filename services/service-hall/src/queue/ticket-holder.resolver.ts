import type { GraphQLResolveInfo } from "graphql";
import { Authorized, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { loaderFor, refuse, type RequestContext } from "@onewindow/platform";
import { CASE_READERS, HALL_WRITERS } from "../access";
import { HALL_ACT } from "../messages";
import { Citizen, citizenStub } from "../citizen/citizen.stub";
import type { Services } from "../services";
import { HELD_TICKETS_SHOWN } from "./held-tickets";
import { QueueTicket } from "./queue-ticket.entity";

/**
 * A ticket's holder and a person's tickets, for the window clerk's workbench: the ticket just
 * called opens its holder's record, and the record lists the person's tickets. Tickets stay
 * public (the hall's screen and machine); only the link to a person is personal, so both fields
 * name their readers, demand a purpose and are audited like `Citizen.cases`.
 */
@Resolver(() => QueueTicket)
export class TicketHolderResolver {
  constructor(private readonly s: Services) {}

  @Authorized(HALL_WRITERS)
  @FieldResolver(() => Citizen, {
    nullable: true,
    description:
      "Whose ticket it is, when the hall knows (an appointment's check-in, a citizen signed in at the machine); null for a ticket taken unsigned. Window clerks, with a purpose; audited.",
  })
  holder(@Root() ticket: QueueTicket, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Citizen | null {
    if (!ticket.holderIdNumber) return null;
    ctx.access.read([ticket.holderIdNumber], info, "Citizen");
    ctx.access.recordAct(ticket.holderIdNumber, "QueueTicket.holder");
    return citizenStub(ticket.holderIdNumber);
  }
}

/** `Citizen.queueTickets`, batched across every citizen in the request. */
@Resolver(() => Citizen)
export class CitizenQueueTicketsResolver {
  constructor(private readonly s: Services) {}

  @Authorized(CASE_READERS)
  @FieldResolver(() => [QueueTicket], {
    description: `The person's queue tickets (those the hall knows the holder of), newest first, at most ${HELD_TICKETS_SHOWN}.`,
  })
  async queueTickets(
    @Root() citizen: Citizen,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<QueueTicket[]> {
    if (!ctx.access.maySee(citizen.idNumber)) refuse(ctx.caller, HALL_ACT.readOthersTickets);
    ctx.access.read([citizen.idNumber], info, "QueueTicket");
    return (
      (await loaderFor<string, QueueTicket[]>(ctx, "ticketsHeld", (ids) => this.s.queue.heldBy(ids)).load(
        citizen.idNumber,
      )) ?? []
    );
  }
}
