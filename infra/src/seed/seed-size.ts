/** How much demo data to write. */
export interface SeedSize {
  citizens: number;
  employers: number;
  jobPostings: number;
  /** Outpatient visits beyond the demo hospitals' own records (scale tests). */
  extraVisits: number;
  /**
   * Service-hall cases beyond the demo centres' own records (scale tests), with their evaluations
   * and called tickets in proportion (`./hall-cases.ts`); PostgreSQL only. None when absent.
   */
  extraCases?: number;
}

/** The demo data set `npm start` writes into an empty DATA_DIR. */
export const DEMO_SIZE: SeedSize = { citizens: 5_000, employers: 300, jobPostings: 600, extraVisits: 0, extraCases: 0 };

/** Reads `--citizens N --employers N --job-postings N --visits N --cases N` over the demo defaults. */
export function parseSeedArgs(argv: string[]): SeedSize {
  const size: Required<SeedSize> = { extraCases: 0, ...DEMO_SIZE };
  const keys: Record<string, keyof Required<SeedSize>> = {
    "--citizens": "citizens",
    "--employers": "employers",
    "--job-postings": "jobPostings",
    "--visits": "extraVisits",
    "--cases": "extraCases",
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = keys[argv[i]];
    const value = Number(argv[i + 1]);
    if (!key || !Number.isInteger(value) || value < 0) {
      throw new Error(
        `usage: npm run seed -- [--citizens N] [--employers N] [--job-postings N] [--visits N] [--cases N] (bad: ${argv[i]} ${argv[i + 1] ?? ""})`,
      );
    }
    size[key] = value;
  }
  if (size.employers === 0 && (size.citizens > 0 || size.jobPostings > 0))
    throw new Error("--employers must be at least 1");
  return size;
}
