import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Debian's chromium for the page tests, driven by playwright-core (no browser download): where it
 * is, why the page tests skip when it is not, the flags it runs with, and where screenshots go
 * (test/artifacts/, git-ignored).
 */
export const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => !!p && existsSync(p),
);

/** False when chromium is there; otherwise why the page tests are skipped. */
export const CHROMIUM_MISSING: false | string = CHROMIUM
  ? false
  : "chromium not found (/usr/bin/chromium, or set CHROMIUM_PATH): `apt-get install -y chromium`, as .ci/run does";

/** Headless, with nothing reaching out of the machine on its own. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where the page tests save their screenshots. */
export const ARTIFACTS = path.join(__dirname, "..", "..", "artifacts");
