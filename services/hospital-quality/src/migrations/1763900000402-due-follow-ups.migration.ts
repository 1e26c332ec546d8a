import { TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/** Finds the stays still waiting for a follow-up call without scanning every stay. */
export class DueFollowUps1763900000402 implements MigrationInterface {
  name = "DueFollowUps1763900000402";

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      "inpatient_stay",
      new TableIndex({
        name: "inpatient_stay_follow_up_due",
        columnNames: ["hospital_code", "first_reached_on", "discharged_on"],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("inpatient_stay", "inpatient_stay_follow_up_due");
  }
}
