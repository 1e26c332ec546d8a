/** How much demo data to write. */
export interface SeedSize {
  citizens: number;
  employers: number;
  jobPostings: number;
  /** Outpatient visits beyond the demo hospitals' own records (scale tests). */
  extraVisits: number;
}

/** The demo data set `npm start` writes into an empty DATA_DIR. */
export const DEMO_SIZE: SeedSize = { citizens: 5_000, employers: 300, jobPostings: 600, extraVisits: 0 };

/** Reads `--citizens N --employers N --job-postings N --visits N` over the demo defaults. */
export function parseSeedArgs(argv: string[]): SeedSize {
  const size = { ...DEMO_SIZE };
  const keys: Record<string, keyof SeedSize> = {
    "--citizens": "citizens",
    "--employers": "employers",
    "--job-postings": "jobPostings",
    "--visits": "extraVisits",
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = keys[argv[i]];
    const value = Number(argv[i + 1]);
    if (!key || !Number.isInteger(value) || value < 0) {
      throw new Error(
        `usage: npm run seed -- [--citizens N] [--employers N] [--job-postings N] [--visits N] (bad: ${argv[i]} ${argv[i + 1] ?? ""})`,
      );
    }
    size[key] = value;
  }
  if (size.employers === 0 && (size.citizens > 0 || size.jobPostings > 0))
    throw new Error("--employers must be at least 1");
  return size;
}
