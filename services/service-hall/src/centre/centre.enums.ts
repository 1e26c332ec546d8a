import { registerEnumType } from "type-graphql";

/** Where a service centre stands in the city's hierarchy (市 → 区 → 街道 → 社区 / 楼宇服务站). */
export enum CentreLevel {
  CITY = "CITY",
  DISTRICT = "DISTRICT",
  STREET = "STREET",
  COMMUNITY = "COMMUNITY",
  BUILDING_STATION = "BUILDING_STATION",
}
registerEnumType(CentreLevel, {
  name: "CentreLevel",
  description: "A service centre's level: the city, a district, a street centre, a community or a building station.",
});

/** What `centreRanking` ranks by: a KPI rate or count of `hallKpis`. */
export enum CentreRankingMetric {
  CASES_HANDLED = "CASES_HANDLED",
  ON_TIME_RATE = "ON_TIME_RATE",
  ON_SITE_RATE = "ON_SITE_RATE",
  EVALUATIONS = "EVALUATIONS",
  SATISFACTION_RATE = "SATISFACTION_RATE",
  RECTIFICATION_RATE = "RECTIFICATION_RATE",
  TICKETS_CALLED = "TICKETS_CALLED",
  AVERAGE_WAIT_MINUTES = "AVERAGE_WAIT_MINUTES",
}
registerEnumType(CentreRankingMetric, {
  name: "CentreRankingMetric",
  description:
    "The KPI a ranking orders by (the hallKpis field of the same name); higher ranks first, except AVERAGE_WAIT_MINUTES, where shorter does.",
});
