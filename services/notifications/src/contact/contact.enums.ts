import { AssistanceCategory, ASSISTANCE_CATEGORY_ENUM } from "@onewindow/contracts";
import { registerEnumType } from "type-graphql";

/** How a person is reached. */
export enum ChannelKind {
  SMS = "SMS",
  EMAIL = "EMAIL",
}

/** What a person agrees to receive. */
export enum ConsentTopic {
  SERVICE_NOTICES = "SERVICE_NOTICES",
  NEWS = "NEWS",
}

/** Who recorded a consent or a channel. */
export enum RecordedVia {
  WINDOW = "WINDOW",
  SELF = "SELF",
}

/**
 * Labor security's employment-assistance groups (就业援助对象), as a broadcast's audience names them.
 * The same values as labor's enum of the same name: the supergraph shares it.
 */

registerEnumType(ChannelKind, {
  name: "ChannelKind",
  description: "How a person is reached.",
  valuesConfig: {
    SMS: { description: "短信: a mainland mobile number." },
    EMAIL: { description: "电子邮件: an e-mail address." },
  },
});

registerEnumType(ConsentTopic, {
  name: "ConsentTopic",
  description: "What a person agrees to receive.",
  valuesConfig: {
    SERVICE_NOTICES: {
      description:
        "办事通知: notices about their own affairs (a case completed, a referral, a payment, a grant, a follow-up call).",
    },
    NEWS: { description: "政策资讯: broadcasts to a community or an assistance group (job fairs, training, policy)." },
  },
});

registerEnumType(RecordedVia, {
  name: "RecordedVia",
  description: "Who recorded it.",
  valuesConfig: {
    WINDOW: { description: "A window clerk, at the person's request." },
    SELF: { description: "The person, signed in." },
  },
});

registerEnumType(AssistanceCategory, ASSISTANCE_CATEGORY_ENUM);
export { AssistanceCategory };
