import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { TEMPLATE_READERS, TEMPLATE_WRITERS } from "../access";
import type { Services } from "../services";
import { MessageTemplate } from "./message-template.entity";
import { SetMessageTemplateInput } from "./message-template.inputs";

@Resolver(() => MessageTemplate)
export class MessageTemplateResolver {
  constructor(private readonly s: Services) {}

  @Authorized(TEMPLATE_READERS)
  @Query(() => [MessageTemplate], { description: "The wording of every kind of message the department sends." })
  messageTemplates(): Promise<MessageTemplate[]> {
    return this.s.templates.list();
  }

  @Authorized(TEMPLATE_WRITERS)
  @Mutation(() => MessageTemplate, {
    description:
      "Changes a template's wording (the administrator, audited). BAD_USER_INPUT for a placeholder the template's trigger does not fill; NOT_FOUND for an unknown code. Messages already queued keep their text.",
  })
  setMessageTemplate(
    @Arg("input", () => SetMessageTemplateInput, { description: "The template and its new wording." })
    input: SetMessageTemplateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MessageTemplate> {
    return this.s.templates.set(ctx.caller, input);
  }
}
