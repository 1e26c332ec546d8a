import type { DataSource } from "typeorm";
import type { Caller } from "@onewindow/contracts";
import { BadUserInputError, optionalText, requiredText, type Clock } from "@onewindow/platform";
import { Consent } from "../contact/consent.entity";
import { AssistanceCategory, ConsentTopic } from "../contact/contact.enums";
import type { ContactService } from "../contact/contact.service";
import type { DeliveryService } from "../delivery/delivery.service";
import { NOTIFICATIONS as M } from "../messages";
import { braced, render, type MessageTemplateService } from "../template/message-template.service";
import { Broadcast } from "./broadcast.entity";
import type { SendBroadcastInput } from "./broadcast.inputs";

/** Consents read per page while a broadcast is queued: memory stays bounded whatever the audience's size. */
const PAGE = 500;
const MAX_VARIABLES = 10;
const MAX_AHEAD_DAYS = 90;
const MAX_AHEAD_MS = MAX_AHEAD_DAYS * 86_400_000;
/** A schedule a little in the past (a slow client, a clock a little behind) means now. */
const PAST_TOLERANCE_MS = 5 * 60_000;

/**
 * Broadcasts. The audience is chosen from this department's own data alone: the news consents
 * people gave, with the community and assistance group they asked news for. Notifications does
 * not read labor's register (departments stay apart), and nobody gets news they did not ask for.
 */
export class BroadcastService {
  constructor(
    private readonly db: DataSource,
    private readonly contacts: ContactService,
    private readonly templates: MessageTemplateService,
    private readonly deliveries: DeliveryService,
    private readonly clock: Clock,
  ) {}

  async send(caller: Caller, input: SendBroadcastInput): Promise<Broadcast> {
    const community = optionalText(input.audience?.community, "community", 50);
    const category = input.audience?.assistanceCategory ?? null;
    if (category && !Object.values(AssistanceCategory).includes(category))
      throw new BadUserInputError(
        M.unknownAssistanceCategory.with({ category: String(category) }),
        "assistanceCategory",
      );
    if (!community && !category) throw new BadUserInputError(M.audienceRequired, "audience");
    const template = await this.templates.get(input.templateCode);
    if (template.topic !== ConsentTopic.NEWS)
      throw new BadUserInputError(M.notNewsTemplate.with({ code: template.code }), "templateCode");
    const now = this.clock();
    const at = input.scheduledAt ?? now;
    if (at.getTime() < now.getTime() - PAST_TOLERANCE_MS || at.getTime() > now.getTime() + MAX_AHEAD_MS)
      throw new BadUserInputError(M.scheduledAtRange.with({ days: MAX_AHEAD_DAYS }), "scheduledAt");
    const values = this.valuesOf(input, template.variables);
    // Rendered once here: a missing value is the caller's bad input, before anything is written.
    render(template.body, values);
    return this.db.transaction(async (tx) => {
      const broadcast = await tx.save(
        tx.create(Broadcast, {
          templateCode: template.code,
          community,
          assistanceCategory: category,
          scheduledAt: (at < now ? now : at).toISOString(),
          recipients: 0,
          messages: 0,
          createdBy: caller.userId,
          createdAt: now.toISOString(),
        }),
      );
      const due = new Date(broadcast.scheduledAt);
      for (let afterId = 0; ;) {
        const query = tx
          .createQueryBuilder(Consent, "c")
          .where("c.topic = :topic AND c.granted = :granted AND c.id > :afterId", {
            topic: ConsentTopic.NEWS,
            granted: true,
            afterId,
          })
          .orderBy("c.id", "ASC")
          .take(PAGE);
        if (community) query.andWhere("c.community = :community", { community });
        if (category) query.andWhere("c.assistance_category = :category", { category });
        const consents = await query.getMany();
        if (consents.length === 0) break;
        afterId = consents.at(-1)!.id;
        const channels = await this.contacts.channelsOf(
          consents.map((c) => c.idNumber),
          tx,
        );
        for (const [i, consent] of consents.entries()) {
          const sourceKey = `broadcast:${broadcast.id}`;
          const queued = await this.deliveries.queue(
            tx,
            { idNumber: consent.idNumber, template, values, sourceKey, due },
            channels[i],
          );
          if (queued > 0) broadcast.recipients++;
          broadcast.messages += queued;
        }
      }
      return tx.save(broadcast);
    });
  }

  /** The placeholders' values: each a variable of the template, every variable given. */
  private valuesOf(input: SendBroadcastInput, variables: string[]): Record<string, string> {
    const given = input.variables ?? [];
    if (given.length > MAX_VARIABLES)
      throw new BadUserInputError(M.tooManyVariables.with({ max: MAX_VARIABLES, count: given.length }), "variables");
    const values: Record<string, string> = {};
    for (const v of given) {
      const name = requiredText(v.name, "variables", 20);
      if (!variables.includes(name))
        throw new BadUserInputError(M.noSuchVariable.with({ placeholder: braced([name]) }), "variables");
      values[name] = requiredText(v.value, "variables", 100);
    }
    const missing = variables.filter((v) => !(v in values));
    if (missing.length > 0)
      throw new BadUserInputError(M.variablesMissing.with({ missing: braced(missing) }), "variables");
    return values;
  }
}
