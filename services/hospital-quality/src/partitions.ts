import type { PartitionedTable } from "@onewindow/platform";

/**
 * The hospital's records PostgreSQL keeps partitioned by year (docs/adr/0011): the metrics read
 * a year or a month of one hospital, and a record is kept for decades (《医疗机构病历管理规定》
 * 第二十九条: outpatient records 15 years, inpatient records 30), so nothing is ever dropped.
 */
export const HOSPITAL_PARTITIONS: readonly PartitionedTable[] = [
  { table: "outpatient_visit", column: "visit_date", interval: "year" },
  // By discharge: the metrics and the follow-ups count a stay in the period it ended.
  { table: "inpatient_stay", column: "discharged_on", interval: "year" },
];
