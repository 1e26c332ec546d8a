import fs from "node:fs";
import { ConfigError } from "../config";

type Env = Record<string, string | undefined>;

/**
 * A key or secret given by environment: `NAME` (the value itself, `\n` for line breaks) or
 * `NAME_FILE` (a path to it); else, outside production, `devFile` when it exists; else undefined.
 * Production never reads development files: whoever can write DATA_DIR (a backup restored, a
 * shared volume) must not be able to plant keys.
 */
export function readKeyMaterial(env: Env, name: string, devFile?: string): string | undefined {
  if (env[name]) return env[name]!.replace(/\\n/g, "\n");
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return fs.readFileSync(file, "utf8");
    } catch {
      throw new ConfigError(`${name}_FILE`, `names no readable file (${file})`);
    }
  }
  if (!devFile || env.NODE_ENV === "production") return undefined;
  try {
    return fs.readFileSync(devFile, "utf8");
  } catch {
    return undefined;
  }
}
