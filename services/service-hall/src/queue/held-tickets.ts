import type { DataSource } from "typeorm";
import { QueueTicket } from "./queue-ticket.entity";

/** The most recent tickets `Citizen.queueTickets` lists per person: a visit's worth and then some. */
export const HELD_TICKETS_SHOWN = 20;

/**
 * Tickets held by each of `idNumbers`, newest first, at most {@link HELD_TICKETS_SHOWN} each: one
 * query whatever the batch (a window function numbers each person's rows).
 */
export async function ticketsHeldBy(db: DataSource, idNumbers: readonly string[]): Promise<QueueTicket[][]> {
  const ids = [...idNumbers];
  const rows = await db
    .getRepository(QueueTicket)
    .createQueryBuilder("t")
    .where(
      `t.id IN (SELECT ranked.id FROM (
         SELECT r.id AS id, ROW_NUMBER() OVER (PARTITION BY r.holder_id_number ORDER BY r.id DESC) AS rn
         FROM queue_ticket r WHERE r.holder_id_number IN (:...ids)
       ) ranked WHERE ranked.rn <= :shown)`,
      { ids, shown: HELD_TICKETS_SHOWN },
    )
    .orderBy("t.id", "DESC")
    .getMany();
  return ids.map((id) => rows.filter((t) => t.holderIdNumber === id));
}
