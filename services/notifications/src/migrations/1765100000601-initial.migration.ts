import { Table, type MigrationInterface, type QueryRunner, type TableColumnOptions } from "typeorm";

const text = (name: string, length: string, isNullable = false): TableColumnOptions => ({
  name,
  type: "varchar",
  length,
  isNullable,
});
const id: TableColumnOptions = {
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment",
};
const instant = (name: string, isNullable = false) => text(name, "32", isNullable);

/**
 * The templates the department starts with: one per event it notifies on, and two for news.
 * Their wording is data (`setMessageTemplate`); their placeholders are what the trigger fills in.
 * News carries the opt-out (退订) that carriers require of messages a person did not ask for one by one.
 */
const TEMPLATES = [
  {
    code: "CASE_COMPLETED",
    topic: "SERVICE_NOTICES",
    subject: "办件办结通知",
    body: "您的办件（编号{办件编号}）已于{办结日期}办结，请携带身份证件到服务大厅窗口领取办理结果。",
    variables: "办件编号,办结日期",
  },
  {
    code: "REFERRAL_MADE",
    topic: "SERVICE_NOTICES",
    subject: "岗位推荐通知",
    body: "街道就业服务中心已向您推荐岗位“{岗位}”，用人单位将与您联系，请保持电话畅通。",
    variables: "岗位",
  },
  {
    code: "BENEFIT_PAID",
    topic: "SERVICE_NOTICES",
    subject: "失业保险金发放通知",
    body: "您{月份}的失业保险金{金额}元已发放，剩余可领取{剩余月数}个月。",
    variables: "月份,金额,剩余月数",
  },
  {
    code: "RELIEF_GRANTED",
    topic: "SERVICE_NOTICES",
    subject: "慰问金发放通知",
    body: "您的{活动}慰问金{金额}元已发放，请注意查收。",
    variables: "活动,金额",
  },
  {
    code: "FOLLOW_UP_DUE",
    topic: "SERVICE_NOTICES",
    subject: "出院随访提醒",
    body: "您已于{出院日期}出院，医院近期将电话回访您的康复情况，请保持电话畅通。",
    variables: "出院日期",
  },
  {
    code: "JOB_FAIR",
    topic: "NEWS",
    subject: "招聘会通知",
    body: "{日期}在{地点}举办招聘会，欢迎参加。退订请登录一窗通办或到服务窗口办理。",
    variables: "日期,地点",
  },
  {
    code: "TRAINING_COURSE",
    topic: "NEWS",
    subject: "职业技能培训报名通知",
    body: "职业技能培训“{课程}”开始报名，{截止日期}截止，详询社区服务站。退订请登录一窗通办或到服务窗口办理。",
    variables: "课程,截止日期",
  },
];

/** Notifications' tables: contact channels, consents, message templates (seeded), the delivery log, broadcasts. */
export class NotificationsInitial1765100000601 implements MigrationInterface {
  name = "NotificationsInitial1765100000601";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "contact_channel",
        columns: [
          id,
          text("id_number", "18"),
          text("kind", "10"),
          text("address", "100"),
          text("recorded_via", "10"),
          instant("updated_at"),
        ],
        indices: [{ name: "contact_channel_person_kind", columnNames: ["id_number", "kind"], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: "consent",
        columns: [
          id,
          text("id_number", "18"),
          text("topic", "20"),
          { name: "granted", type: "boolean" },
          text("community", "50", true),
          text("assistance_category", "30", true),
          text("recorded_via", "10"),
          instant("granted_at"),
          instant("withdrawn_at", true),
        ],
        indices: [
          { name: "consent_person_topic", columnNames: ["id_number", "topic"], isUnique: true },
          // A broadcast's audience: standing news consents of a community or group, paged by id.
          { name: "consent_audience", columnNames: ["topic", "granted", "community", "assistance_category", "id"] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "message_template",
        columns: [
          { ...text("code", "40"), isPrimary: true },
          text("topic", "20"),
          { name: "urgent", type: "boolean" },
          text("subject", "100"),
          text("body", "500"),
          text("variables", "300"),
          instant("updated_at"),
          text("updated_by", "100", true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "delivery",
        columns: [
          id,
          text("id_number", "18"),
          text("channel", "10"),
          text("address", "100"),
          text("template_code", "40"),
          text("topic", "20"),
          { name: "urgent", type: "boolean" },
          text("subject", "100"),
          text("text", "500"),
          text("source_key", "80"),
          text("status", "12"),
          { name: "attempts", type: "integer" },
          instant("next_attempt_at"),
          text("last_error", "200", true),
          text("provider_id", "100", true),
          instant("created_at"),
          instant("sent_at", true),
        ],
        indices: [
          // A fact seen twice queues nothing twice.
          { name: "delivery_source", columnNames: ["source_key", "id_number", "channel"], isUnique: true },
          // The queue: what is due, oldest first.
          { name: "delivery_due", columnNames: ["status", "next_attempt_at"] },
          // A person's messages (newest first) and what they were sent in the last hour.
          { name: "delivery_person_sent", columnNames: ["id_number", "sent_at"] },
          { name: "delivery_person_created", columnNames: ["id_number", "created_at"] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "broadcast",
        columns: [
          id,
          text("template_code", "40"),
          text("community", "50", true),
          text("assistance_category", "30", true),
          instant("scheduled_at"),
          { name: "recipients", type: "integer" },
          { name: "messages", type: "integer" },
          text("created_by", "100", true),
          instant("created_at"),
        ],
      }),
    );
    const columns = ["code", "topic", "urgent", "subject", "body", "variables", "updated_at"];
    const postgres = q.connection.options.type === "postgres";
    const placeholders = columns.map((_, i) => (postgres ? `$${i + 1}` : "?")).join(", ");
    const now = new Date().toISOString();
    for (const t of TEMPLATES) {
      await q.query(`INSERT INTO message_template (${columns.join(", ")}) VALUES (${placeholders})`, [
        t.code,
        t.topic,
        postgres ? false : 0,
        t.subject,
        t.body,
        t.variables,
        now,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["broadcast", "delivery", "message_template", "consent", "contact_channel"])
      await q.dropTable(table);
  }
}
