import { In, type DataSource, type EntityManager } from "typeorm";
import { BadUserInputError, NotFoundError, optionalText, parseIdNumber, type Clock } from "@onewindow/platform";
import { Delivery } from "../delivery/delivery.entity";
import { NOTIFICATIONS as M } from "../messages";
import { DeliveryStatus } from "../delivery/delivery.enums";
import { ContactChannel } from "./contact-channel.entity";
import { Consent } from "./consent.entity";
import { AssistanceCategory, ChannelKind, ConsentTopic, RecordedVia } from "./contact.enums";
import type {
  GiveConsentInput,
  RemoveContactChannelInput,
  SetContactChannelInput,
  WithdrawConsentInput,
} from "./contact.inputs";

/** Mainland mobile numbers: 11 digits, 13x–19x. */
const MOBILE = /^1[3-9]\d{9}$/;
/** An address nodemailer and a person can both read: one @, no spaces, a dot in the domain. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/** A message not sent yet, whose address follows the person's channel. */
const UNSENT = [DeliveryStatus.PENDING, DeliveryStatus.HELD];

/** The person an input names, its ID number normalised, or BAD_USER_INPUT. */
const personOf = (idNumber: string) => parseIdNumber(idNumber).idNumber;

/** A person's channels and consents: recorded, changed, withdrawn, and read in batches. */
export class ContactService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Records (or replaces) a person's mobile number or e-mail address; what is queued to the old one goes to the new. */
  async setChannel(input: SetContactChannelInput, via: RecordedVia): Promise<ContactChannel> {
    const idNumber = personOf(input.idNumber);
    const address = (input.address ?? "").trim();
    if (input.kind === ChannelKind.SMS && !MOBILE.test(address)) throw new BadUserInputError(M.mobileNumber, "address");
    if (input.kind === ChannelKind.EMAIL && (address.length > 100 || !EMAIL.test(address)))
      throw new BadUserInputError(M.emailAddress, "address");
    return this.db.transaction(async (tx) => {
      const row =
        (await tx.findOneBy(ContactChannel, { idNumber, kind: input.kind })) ??
        tx.create(ContactChannel, { idNumber, kind: input.kind });
      Object.assign(row, { address, recordedVia: via, updatedAt: this.clock().toISOString() });
      await tx.update(Delivery, { idNumber, channel: input.kind, status: In(UNSENT) }, { address });
      return tx.save(row);
    });
  }

  /** Removes a channel and cancels what was queued to it; NOT_FOUND when the person has none of that kind. */
  async removeChannel(input: RemoveContactChannelInput): Promise<boolean> {
    const idNumber = personOf(input.idNumber);
    return this.db.transaction(async (tx) => {
      const { affected } = await tx.delete(ContactChannel, { idNumber, kind: input.kind });
      if (!affected) throw new NotFoundError(input.kind === ChannelKind.SMS ? M.noSmsChannel : M.noEmailChannel);
      await tx.update(
        Delivery,
        { idNumber, channel: input.kind, status: In(UNSENT) },
        { status: DeliveryStatus.CANCELLED, lastError: "channel removed" },
      );
      return true;
    });
  }

  /**
   * Gives (or gives again) a consent. A NEWS consent names the audience the person wants to be
   * reached in; a SERVICE_NOTICES consent takes none (it is about their own affairs).
   */
  async give(input: GiveConsentInput, via: RecordedVia): Promise<Consent> {
    const idNumber = personOf(input.idNumber);
    const community = optionalText(input.community, "community", 50);
    const category = input.assistanceCategory ?? null;
    if (category && !Object.values(AssistanceCategory).includes(category))
      throw new BadUserInputError(
        M.unknownAssistanceCategory.with({ category: String(category) }),
        "assistanceCategory",
      );
    if (input.topic === ConsentTopic.SERVICE_NOTICES && (community || category))
      throw new BadUserInputError(M.serviceNoticesTakeNoAudience, community ? "community" : "assistanceCategory");
    return this.db.transaction(async (tx) => {
      const row =
        (await tx.findOneBy(Consent, { idNumber, topic: input.topic })) ??
        tx.create(Consent, { idNumber, topic: input.topic });
      Object.assign(row, {
        granted: true,
        community,
        assistanceCategory: category,
        recordedVia: via,
        grantedAt: this.clock().toISOString(),
        withdrawnAt: null,
      });
      return tx.save(row);
    });
  }

  /** Withdraws a consent (opt-out): messages of that topic stop, those already queued too. */
  async withdraw(input: WithdrawConsentInput, via: RecordedVia): Promise<Consent> {
    const idNumber = personOf(input.idNumber);
    return this.db.transaction(async (tx) => {
      const row = await tx.findOneBy(Consent, { idNumber, topic: input.topic });
      if (!row)
        throw new NotFoundError(
          input.topic === ConsentTopic.SERVICE_NOTICES ? M.noServiceNoticesConsent : M.noNewsConsent,
        );
      if (!row.granted) return row;
      Object.assign(row, { granted: false, recordedVia: via, withdrawnAt: this.clock().toISOString() });
      return tx.save(row);
    });
  }

  /** True when `idNumber` has a standing consent to `topic`. */
  async hasConsent(tx: EntityManager, idNumber: string, topic: ConsentTopic): Promise<boolean> {
    return tx.existsBy(Consent, { idNumber, topic, granted: true });
  }

  /** The channels of a batch of people, by person. */
  async channelsOf(idNumbers: readonly string[], tx: EntityManager = this.db.manager): Promise<ContactChannel[][]> {
    const rows = await tx.find(ContactChannel, { where: { idNumber: In([...idNumbers]) }, order: { kind: "ASC" } });
    return idNumbers.map((id) => rows.filter((r) => r.idNumber === id));
  }

  /** The consents of a batch of people, by person. */
  async consentsOf(idNumbers: readonly string[]): Promise<Consent[][]> {
    const rows = await this.db
      .getRepository(Consent)
      .find({ where: { idNumber: In([...idNumbers]) }, order: { topic: "ASC" } });
    return idNumbers.map((id) => rows.filter((r) => r.idNumber === id));
  }
}
