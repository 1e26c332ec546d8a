import type { DataSource } from "typeorm";
import { demoPerson } from "@onewindow/contracts/demo";
import type { SeedProgress } from "@onewindow/platform";
import { Consent } from "../contact/consent.entity";
import { ContactChannel } from "../contact/contact-channel.entity";
import { ChannelKind, ConsentTopic, RecordedVia } from "../contact/contact.enums";

/** The demo population's size and day, as the other departments' seeds take them. */
export interface SeedNotificationsDemoOptions {
  citizens: number;
  employers: number;
  today: string;
  onProgress?: SeedProgress;
}

/** Demo residents who gave a mobile number and consented: enough to see messages, few enough to read. */
const DEMO_CONTACTS = 50;

/**
 * The first demo residents (at most 50) with a mobile number (137 0000 0000 + their index,
 * not real numbers), a consent to service notices and one to their community's news, recorded at
 * the window: completing one of their cases at the hall, or a broadcast to their community, then
 * shows at `npm start`'s outbox.
 */
export async function seedNotificationsDemo(db: DataSource, options: SeedNotificationsDemoOptions): Promise<number> {
  const count = Math.min(options.citizens, DEMO_CONTACTS);
  const at = `${options.today}T01:00:00.000Z`;
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const { idNumber, community } = demoPerson(i, options.employers, options.today);
      const via = RecordedVia.WINDOW;
      await tx.insert(ContactChannel, {
        idNumber,
        kind: ChannelKind.SMS,
        address: `1370000${String(i).padStart(4, "0")}`,
        recordedVia: via,
        updatedAt: at,
      });
      for (const topic of [ConsentTopic.SERVICE_NOTICES, ConsentTopic.NEWS])
        await tx.insert(Consent, {
          idNumber,
          topic,
          granted: true,
          community: topic === ConsentTopic.NEWS ? community : null,
          assistanceCategory: null,
          recordedVia: via,
          grantedAt: at,
          withdrawnAt: null,
        });
      options.onProgress?.(i + 1, count, "notification contacts");
    }
  });
  return count;
}
