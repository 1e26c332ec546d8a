import type { GraphQLResolveInfo } from "graphql";
import { Args, Authorized, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import {
  connectionType,
  loaderFor,
  PageArgs,
  pageRequest,
  refuse,
  type Connection,
  type RequestContext,
} from "@onewindow/platform";
import { CONTACT_READERS } from "../access";
import { Consent } from "../contact/consent.entity";
import { ContactChannel } from "../contact/contact-channel.entity";
import { Delivery } from "../delivery/delivery.entity";
import type { Services } from "../services";
import { Citizen } from "./citizen.stub";
import { NOTIFICATIONS_ACT } from "../messages";

export const NotificationConnection = connectionType("Notification", Delivery, "message");

/** Notifications' fields on `Citizen`, each batched across the citizens of a request. */
@Resolver(() => Citizen)
export class CitizenResolver {
  constructor(private readonly s: Services) {}

  @Authorized(CONTACT_READERS)
  @FieldResolver(() => [ContactChannel], { description: "The person's mobile number and e-mail address, as recorded." })
  async contactChannels(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<ContactChannel[]> {
    return (
      (await loaderFor<string, ContactChannel[]>(ctx, "channels", (ids) => this.s.contacts.channelsOf(ids)).load(
        citizen.idNumber,
      )) ?? []
    );
  }

  @Authorized(CONTACT_READERS)
  @FieldResolver(() => [Consent], { description: "What the person agreed to receive, withdrawn consents included." })
  async consents(@Root() citizen: Citizen, @Ctx() ctx: RequestContext): Promise<Consent[]> {
    return (
      (await loaderFor<string, Consent[]>(ctx, "consents", (ids) => this.s.contacts.consentsOf(ids)).load(
        citizen.idNumber,
      )) ?? []
    );
  }

  @Authorized(CONTACT_READERS)
  @FieldResolver(() => NotificationConnection, {
    description: "The messages sent or queued to the person (SMS and e-mail), newest first; addresses masked.",
  })
  notifications(
    @Root() citizen: Citizen,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Delivery>> {
    // Even a count of someone else's messages is theirs (read() alone lets a bare totalCount through).
    if (!ctx.access.maySee(citizen.idNumber)) refuse(ctx.caller, NOTIFICATIONS_ACT.readOthersMessages);
    ctx.access.listing(info);
    ctx.access.readPage([citizen.idNumber], info, "Notification");
    const page = pageRequest(first, after, ctx.cursors.forField(info));
    return loaderFor<string, Connection<Delivery>>(ctx, `notifications:${page.offset}:${page.limit}`, (ids) =>
      this.s.deliveries.pagesFor(ids, page),
    ).load(citizen.idNumber) as Promise<Connection<Delivery>>;
  }
}
