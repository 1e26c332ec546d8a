import type { PartitionedTable } from "@onewindow/platform";

/**
 * The hall's records PostgreSQL keeps partitioned (docs/adr/0011). Cases and evaluations by
 * year: they are read by id (a case, its evaluations) as often as by period, and an id lookup
 * visits every partition, so few and large. Queue tickets by month: the most numerous, and read
 * by day (the board, the next number), which finds one partition.
 */
export const HALL_PARTITIONS: readonly PartitionedTable[] = [
  { table: "hall_case", column: "opened_on", interval: "year" },
  { table: "hall_evaluation", column: "evaluated_on", interval: "year" },
  { table: "queue_ticket", column: "day", interval: "month" },
];
