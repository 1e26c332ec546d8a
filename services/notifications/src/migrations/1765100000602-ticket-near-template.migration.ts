import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The "your number is near" template (叫号提醒), for the hall's `ticket.near` event. Urgent: it
 * is sent only while the hall is calling, and held until morning it would be worthless.
 */
const TEMPLATE = {
  code: "TICKET_NEAR",
  topic: "SERVICE_NOTICES",
  subject: "叫号提醒",
  body: "您在{服务中心}取的{号码}号前面还有{人数}位，请回到大厅留意叫号。",
  variables: "服务中心,号码,人数",
};

export class TicketNearTemplate1765100000602 implements MigrationInterface {
  name = "TicketNearTemplate1765100000602";

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === "postgres";
    const p = (i: number) => (postgres ? `$${i}` : "?");
    await q.query(
      `INSERT INTO message_template (code, topic, urgent, subject, body, variables, updated_at) VALUES (${[1, 2, 3, 4, 5, 6, 7].map(p).join(", ")})`,
      [
        TEMPLATE.code,
        TEMPLATE.topic,
        postgres ? true : 1,
        TEMPLATE.subject,
        TEMPLATE.body,
        TEMPLATE.variables,
        new Date().toISOString(),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM message_template WHERE code = ${q.connection.options.type === "postgres" ? "$1" : "?"}`,
      [TEMPLATE.code],
    );
  }
}
