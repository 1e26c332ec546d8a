import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Employment aid (送岗位): a job seeker's profile, the hard requirements and skills of a posting
 * that matching filters and joins on (skills normalised into `job_posting_skill`, so that the
 * database finds the postings sharing a skill through an index), and the centre's referrals.
 */
export class JobSeekersAndReferrals1764900000004 implements MigrationInterface {
  name = "JobSeekersAndReferrals1764900000004";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "job_seeker_profile",
        columns: [
          { name: "id_number", type: "varchar", length: "18", isPrimary: true },
          { name: "skills", type: "text" },
          { name: "desired_industries", type: "text" },
          { name: "desired_min_salary_fen", type: "bigint", isNullable: true },
          { name: "preferred_districts", type: "text" },
          { name: "availability", type: "varchar", length: "20" },
          { name: "updated_at", type: "varchar", length: "32" },
        ],
      }),
    );
    await q.addColumn(
      "job_posting",
      new TableColumn({ name: "min_education", type: "varchar", length: "20", isNullable: true }),
    );
    // Matching's fallback candidates: the best-paid open postings first.
    await q.createIndex(
      "job_posting",
      new TableIndex({ name: "job_posting_salary_max", columnNames: ["salary_max_fen"] }),
    );
    await q.createTable(
      new Table({
        name: "job_posting_skill",
        columns: [
          { name: "posting_id", type: "integer", isPrimary: true },
          { name: "skill", type: "varchar", length: "40", isPrimary: true },
        ],
        // Matching looks postings up by skill.
        indices: [{ name: "job_posting_skill_by_skill", columnNames: ["skill", "posting_id"] }],
        foreignKeys: [
          {
            columnNames: ["posting_id"],
            referencedTableName: "job_posting",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "referral",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "id_number", type: "varchar", length: "18" },
          { name: "posting_id", type: "integer" },
          { name: "credit_code", type: "varchar", length: "18" },
          { name: "status", type: "varchar", length: "12" },
          { name: "note", type: "varchar", length: "500", isNullable: true },
          { name: "referred_on", type: "date" },
          { name: "community", type: "varchar", length: "60", isNullable: true },
          { name: "categories", type: "varchar", length: "100" },
          { name: "registered_on", type: "date", isNullable: true },
          { name: "outcome_on", type: "date", isNullable: true },
          { name: "start_date", type: "date", isNullable: true },
          { name: "outcome_note", type: "varchar", length: "500", isNullable: true },
        ],
        indices: [
          { name: "referral_posting_status", columnNames: ["posting_id", "status"] },
          { name: "referral_person", columnNames: ["id_number"] },
          { name: "referral_referred_on", columnNames: ["referred_on"] },
        ],
        foreignKeys: [
          { columnNames: ["posting_id"], referencedTableName: "job_posting", referencedColumnNames: ["id"] },
          { columnNames: ["id_number"], referencedTableName: "citizen", referencedColumnNames: ["id_number"] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("referral");
    await q.dropTable("job_posting_skill");
    await q.dropIndex("job_posting", "job_posting_salary_max");
    await q.dropColumn("job_posting", "min_education");
    await q.dropTable("job_seeker_profile");
  }
}
