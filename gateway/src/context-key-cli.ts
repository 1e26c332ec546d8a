import { DEPARTMENTS } from "@onewindow/contracts";
import { deriveContextKey, loadBaseConfig, loadContextSecret } from "@onewindow/platform/web";

/**
 * `npm run context-key -- DEPARTMENT…`: prints each department's internal-context key (base64url,
 * one line each; with several departments, `department=key`), derived from the gateway's
 * `INTERNAL_CONTEXT_SECRET` (`_FILE`), or in development from the secret in DATA_DIR/keys. A
 * department is given its own line alone, as `INTERNAL_CONTEXT_KEY`.
 */
function main(argv: string[]): void {
  const known: readonly string[] = DEPARTMENTS.map((d) => d.service);
  const usage = `usage: npm run context-key -- DEPARTMENT…  (${known.join(", ")})`;
  if (argv.length === 0 || argv.includes("--help")) fail(usage, argv.includes("--help") ? 0 : 2);
  const unknown = argv.find((d) => !known.includes(d));
  if (unknown) fail(`unknown department "${unknown}"\n${usage}`);
  const secret = loadContextSecret(process.env, loadBaseConfig().dataDir);
  for (const department of argv) {
    const key = deriveContextKey(secret, department).export().toString("base64url");
    console.log(argv.length === 1 ? key : `${department}=${key}`);
  }
}

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

try {
  main(process.argv.slice(2));
} catch (err) {
  fail((err as Error).message);
}
