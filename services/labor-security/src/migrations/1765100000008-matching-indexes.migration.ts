import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Matching counts the postings sharing a job seeker's skills from `job_posting_skill` alone. Each
 * tag now carries its posting's closing date (postings never change it once posted), and the
 * index by skill holds it, so that the count skips the tags of closed postings, which a board
 * keeps by the ten thousand. The posting itself is still checked; a null date is counted.
 */
export class MatchingIndexes1765100000008 implements MigrationInterface {
  name = "MatchingIndexes1765100000008";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("job_posting_skill", new TableColumn({ name: "expires_on", type: "date", isNullable: true }));
    await q.query(
      "UPDATE job_posting_skill SET expires_on = (SELECT j.expires_on FROM job_posting j WHERE j.id = job_posting_skill.posting_id)",
    );
    await q.dropIndex("job_posting_skill", "job_posting_skill_by_skill");
    await q.createIndex(
      "job_posting_skill",
      new TableIndex({ name: "job_posting_skill_open", columnNames: ["skill", "expires_on", "posting_id"] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("job_posting_skill", "job_posting_skill_open");
    await q.createIndex(
      "job_posting_skill",
      new TableIndex({ name: "job_posting_skill_by_skill", columnNames: ["skill", "posting_id"] }),
    );
    await q.dropColumn("job_posting_skill", "expires_on");
  }
}
