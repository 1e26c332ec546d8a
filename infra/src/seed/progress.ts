/**
 * A progress line on stderr for long work (seeding a million rows): a bar when stderr is a
 * terminal, otherwise a plain line every few seconds so CI logs stay readable.
 */
export class Progress {
  private readonly started = Date.now();
  private lastPrint = 0;
  private done = false;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  update(done: number): void {
    const now = Date.now();
    const finished = done >= this.total;
    if (this.done) return;
    this.done = finished;
    const interval = process.stderr.isTTY ? 100 : 3000;
    if (!finished && now - this.lastPrint < interval) return;
    this.lastPrint = now;
    const ratio = this.total ? Math.min(1, done / this.total) : 1;
    const seconds = ((now - this.started) / 1000).toFixed(1);
    const counts = `${done.toLocaleString("en-US")}/${this.total.toLocaleString("en-US")}`;
    if (process.stderr.isTTY) {
      const width = 30;
      const bar = "#".repeat(Math.round(ratio * width)).padEnd(width, ".");
      process.stderr.write(
        `\r  [${bar}] ${(ratio * 100).toFixed(0).padStart(3)}% ${this.label} ${counts} ${seconds}s${finished ? "\n" : ""}`,
      );
    } else {
      process.stderr.write(`  ${this.label}: ${counts} (${(ratio * 100).toFixed(0)}%) ${seconds}s\n`);
    }
  }
}
