import { Table, type MigrationInterface, type QueryRunner, type TableColumnOptions } from "typeorm";

const id: TableColumnOptions = {
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment",
};
const date = (name: string, isNullable = false): TableColumnOptions => ({ name, type: "date", isNullable });
const text = (name: string, length: string, isNullable = false): TableColumnOptions => ({
  name,
  type: "varchar",
  length,
  isNullable,
});
const window = (isNullable: boolean): TableColumnOptions => text("window_code", "20", isNullable);

/**
 * The service hall's tables: the guide, queue tickets, cases and their department tasks,
 * evaluations and the rectification ledger. Every index serves a named look-up or aggregate.
 */
export class ServiceHallInitial1763800000501 implements MigrationInterface {
  name = "ServiceHallInitial1763800000501";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "service_item",
        columns: [
          { name: "code", type: "varchar", length: "10", isPrimary: true },
          text("name", "60"),
          text("department", "24"),
          { name: "departments", type: "text" },
          { name: "materials", type: "text" },
          { name: "steps", type: "text" },
          text("legal_basis", "300"),
          { name: "time_limit_days", type: "integer" },
          { name: "fee_fen", type: "integer" },
          { name: "confirmed_by", type: "varchar", length: "40", default: "''" },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "queue_ticket",
        columns: [
          id,
          date("day"),
          text("category", "24"),
          { name: "seq", type: "integer" },
          text("number", "8"),
          text("priority", "10"),
          { name: "green_channel", type: "boolean" },
          text("status", "8"),
          text("taken_at", "32"),
          text("called_at", "32", true),
          date("called_on", true),
          window(true),
          { name: "wait_seconds", type: "integer", isNullable: true },
        ],
        indices: [
          // Numbering: one number per category per day, also when two tickets race.
          { name: "queue_ticket_number", columnNames: ["day", "category", "seq"], isUnique: true },
          // callNextTicket and the board: today's waiting tickets by category, green channel first.
          { name: "queue_ticket_waiting", columnNames: ["day", "status", "category", "green_channel", "id"] },
          // averageWaitMinutes: tickets called in a period, by window and category.
          { name: "queue_ticket_called", columnNames: ["called_on", "window_code", "category"] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_case",
        columns: [
          id,
          text("id_number", "18"),
          text("item_code", "10"),
          text("department", "24"),
          window(false),
          { name: "ticket_id", type: "integer", isNullable: true },
          text("ticket_number", "8", true),
          { name: "appointment", type: "boolean", default: false },
          text("proxy_id_number", "18", true),
          text("status", "10"),
          date("opened_on"),
          text("opened_at", "32"),
          date("deadline"),
          date("completed_on", true),
          text("completed_at", "32", true),
        ],
        indices: [
          // Citizen.cases: a batch of citizens' cases, newest first.
          { name: "hall_case_person", columnNames: ["id_number", "opened_at"] },
          // overdueCases: open cases by deadline.
          { name: "hall_case_overdue", columnNames: ["status", "deadline"] },
          // hallKpis: covers the grouped count of cases completed in a period.
          {
            name: "hall_case_completed",
            columnNames: ["completed_on", "window_code", "department", "deadline", "opened_on"],
          },
        ],
        foreignKeys: [
          { columnNames: ["item_code"], referencedTableName: "service_item", referencedColumnNames: ["code"] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "case_task",
        columns: [
          id,
          { name: "case_id", type: "integer" },
          text("id_number", "18"),
          text("department", "12"),
          text("status", "10"),
          date("confirmed_on", true),
          text("event_id", "36", true),
          text("event_type", "120", true),
        ],
        indices: [
          // One task per department per case; also a case's tasks.
          { name: "case_task_case_department", columnNames: ["case_id", "department"], isUnique: true },
          // A department's event about a citizen finds their pending tasks.
          { name: "case_task_pending", columnNames: ["id_number", "department", "status"] },
        ],
        foreignKeys: [{ columnNames: ["case_id"], referencedTableName: "hall_case", referencedColumnNames: ["id"] }],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_rectification",
        columns: [
          id,
          text("source", "16"),
          text("description", "500"),
          window(true),
          { name: "evaluation_id", type: "integer", isNullable: true },
          date("opened_on"),
          date("deadline"),
          text("status", "10"),
          date("resolved_on", true),
          text("action", "500", true),
        ],
        indices: [
          // hallKpis: items due in a period, resolved by their deadline or not.
          { name: "hall_rectification_due", columnNames: ["deadline", "window_code", "resolved_on"] },
          // The ledger by status, earliest deadline first.
          { name: "hall_rectification_status", columnNames: ["status", "deadline"] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "hall_evaluation",
        columns: [
          id,
          { name: "case_id", type: "integer", isNullable: true },
          window(false),
          text("department", "24", true),
          text("channel", "8"),
          text("rating", "20"),
          date("evaluated_on"),
          { name: "rectification_id", type: "integer", isNullable: true },
        ],
        indices: [
          // hallKpis: covers the grouped count of a period's evaluations.
          {
            name: "hall_evaluation_period",
            columnNames: ["evaluated_on", "window_code", "department", "channel", "rating"],
          },
          // A case's evaluations.
          { name: "hall_evaluation_case", columnNames: ["case_id"] },
        ],
        foreignKeys: [
          { columnNames: ["case_id"], referencedTableName: "hall_case", referencedColumnNames: ["id"] },
          {
            columnNames: ["rectification_id"],
            referencedTableName: "hall_rectification",
            referencedColumnNames: ["id"],
          },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "hall_evaluation",
      "hall_rectification",
      "case_task",
      "hall_case",
      "queue_ticket",
      "service_item",
    ])
      await q.dropTable(table);
  }
}
