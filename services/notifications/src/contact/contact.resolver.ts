import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from "type-graphql";
import { hasRole, refuse, type RequestContext } from "@onewindow/platform";
import { CONTACT_WRITERS } from "../access";
import type { Services } from "../services";
import { Consent } from "./consent.entity";
import { ContactChannel } from "./contact-channel.entity";
import { RecordedVia } from "./contact.enums";
import {
  GiveConsentInput,
  RemoveContactChannelInput,
  SetContactChannelInput,
  WithdrawConsentInput,
} from "./contact.inputs";
import { NOTIFICATIONS_ACT } from "../messages";

/**
 * A person's channels and consents: a window clerk records them at the person's request (with a
 * purpose), a signed-in citizen their own. Every write is on the audit trail under the person.
 */
@Resolver()
export class ContactResolver {
  constructor(private readonly s: Services) {}

  @Authorized(CONTACT_WRITERS)
  @Mutation(() => ContactChannel, {
    description:
      "Records (or replaces) a person's mobile number or e-mail address: a window clerk, or the citizen for themselves. BAD_USER_INPUT for a number or address that is not one.",
  })
  setContactChannel(
    @Arg("input", () => SetContactChannelInput, { description: "The person and the channel." })
    input: SetContactChannelInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ContactChannel> {
    return this.s.contacts.setChannel(input, this.own(ctx, input.idNumber, info, "ContactChannel"));
  }

  @Authorized(CONTACT_WRITERS)
  @Mutation(() => Boolean, {
    description:
      "Removes a person's mobile number or e-mail address; messages not yet sent to it are cancelled. NOT_FOUND when none is recorded.",
  })
  removeContactChannel(
    @Arg("input", () => RemoveContactChannelInput, { description: "The person and the channel." })
    input: RemoveContactChannelInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<boolean> {
    this.own(ctx, input.idNumber, info, "ContactChannel");
    return this.s.contacts.removeChannel(input);
  }

  @Authorized(CONTACT_WRITERS)
  @Mutation(() => Consent, {
    description:
      "Records a person's consent to a kind of message (given again after a withdrawal too). NEWS names the community and/or assistance group whose broadcasts they want.",
  })
  giveConsent(
    @Arg("input", () => GiveConsentInput, { description: "The person and what they agree to." })
    input: GiveConsentInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Consent> {
    return this.s.contacts.give(input, this.own(ctx, input.idNumber, info, "Consent"));
  }

  @Authorized(CONTACT_WRITERS)
  @Mutation(() => Consent, {
    description:
      "Withdraws a consent (退订 / opt-out): no message of that kind is sent any more, queued ones included. NOT_FOUND when none was given.",
  })
  withdrawConsent(
    @Arg("input", () => WithdrawConsentInput, { description: "The person and what they no longer want." })
    input: WithdrawConsentInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Consent> {
    return this.s.contacts.withdraw(input, this.own(ctx, input.idNumber, info, "Consent"));
  }

  /**
   * A citizen writes only their own; a clerk anyone's. The answer is a read of the person,
   * checked before the write; the act is on the trail under the person whatever it selects.
   */
  private own(ctx: RequestContext, idNumber: string, info: GraphQLResolveInfo, typeName: string): RecordedVia {
    const clerk = hasRole(ctx.caller, "window_clerk");
    if (!clerk && ctx.caller.idNumber !== idNumber) refuse(ctx.caller, NOTIFICATIONS_ACT.recordOthersContacts);
    ctx.access.readBeforeWrite(idNumber, info, typeName);
    return clerk ? RecordedVia.WINDOW : RecordedVia.SELF;
  }
}
