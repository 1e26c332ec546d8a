import { buildFederatedSchema } from "@onewindow/platform";
import { BroadcastResolver } from "./broadcast/broadcast.resolver";
import { citizenReference } from "./citizen/citizen.reference";
import { CitizenResolver } from "./citizen/citizen.resolver";
import { Citizen } from "./citizen/citizen.stub";
import { ContactResolver } from "./contact/contact.resolver";
import type { Services } from "./services";
import { MessageTemplateResolver } from "./template/message-template.resolver";

const resolvers = [CitizenResolver, ContactResolver, MessageTemplateResolver, BroadcastResolver] as const;

/** The notifications department's subgraph schema; resolvers get the department's services injected. */
export function buildNotificationsSchema(s: Services) {
  return buildFederatedSchema({
    department: "notifications",
    resolvers,
    services: s,
    // Nothing here returns a Citizen: the entity is only extended, so it is listed to be emitted.
    orphanedTypes: [Citizen],
    referenceResolvers: { Citizen: citizenReference() },
  });
}
