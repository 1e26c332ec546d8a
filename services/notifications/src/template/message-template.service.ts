import type { DataSource, EntityManager } from "typeorm";
import type { Caller } from "@onewindow/contracts";
import { BadUserInputError, NotFoundError, optionalText, requiredText, type Clock } from "@onewindow/platform";
import { NOTIFICATIONS as M } from "../messages";
import { MessageTemplate } from "./message-template.entity";
import type { SetMessageTemplateInput } from "./message-template.inputs";

/** `{变量}`: a placeholder's name is one to twenty characters without braces. */
const PLACEHOLDER = /\{([^{}\s]{1,20})\}/g;

/** The placeholders `text` uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Fills a template's placeholders. Every placeholder must have a value: a message with a `{…}`
 * left in it is never sent (`setMessageTemplate` keeps the wording to the trigger's variables).
 */
export function render(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder {${name}} has no value`);
    return value;
  });
}

/** Placeholders as a template writes them, listed: `{月份}、{金额}`. */
export const braced = (names: readonly string[]) => names.map((n) => `{${n}}`).join("、");

/** The templates: read, changed by the administrator, filled in for a message. */
export class MessageTemplateService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Every template, by code (a few dozen at most: seeded, not made by clients). */
  list(): Promise<MessageTemplate[]> {
    return this.db.getRepository(MessageTemplate).find({ order: { code: "ASC" } });
  }

  /** A template by code, or NOT_FOUND naming `field`. */
  async get(code: string, tx: EntityManager = this.db.manager): Promise<MessageTemplate> {
    const found = await tx.findOneBy(MessageTemplate, { code: String(code ?? "").slice(0, 40) });
    if (!found) throw new NotFoundError(M.noTemplate.with({ code: String(code) }));
    return found;
  }

  /** New wording for a template; placeholders only from its variables. */
  async set(caller: Caller, input: SetMessageTemplateInput): Promise<MessageTemplate> {
    const body = requiredText(input.body, "body", 300);
    const subject = optionalText(input.subject, "subject", 100);
    return this.db.transaction(async (tx) => {
      const row = await this.get(input.code, tx);
      const unknown = placeholdersIn(body).filter((p) => !row.variables.includes(p));
      if (unknown.length > 0)
        throw new BadUserInputError(
          row.variables.length > 0
            ? M.unknownPlaceholders.with({ unknown: braced(unknown), available: braced(row.variables) })
            : M.unknownPlaceholdersNoneAvailable.with({ unknown: braced(unknown) }),
          "body",
        );
      Object.assign(row, {
        body,
        subject: subject ?? row.subject,
        urgent: input.urgent ?? row.urgent,
        updatedAt: this.clock().toISOString(),
        updatedBy: caller.userId,
      });
      return tx.save(row);
    });
  }
}
