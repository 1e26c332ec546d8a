import { expect, test } from "@jest/globals";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { placeholdersOf, type Message } from "@onewindow/contracts/i18n";

/**
 * Every text a person may read from OneWindow lives in a message catalogue, in Chinese and
 * English: the catalogues are `messages.ts` (and `*.messages.ts`) files beside the code that
 * throws, one per department, the gateway and the platform.
 */
const root = path.resolve(__dirname, "..", "..");
const SOURCE_DIRS = ["shared/contracts/src", "shared/platform/src", "gateway/src", "services"];
const CJK = /[\u3400-\u9fff]/;

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!["node_modules", "dist", "migrations"].includes(entry.name)) sources(file, out);
    } else if (/\.ts$/.test(entry.name) && !/\.(test|fixture|d)\.ts$/.test(entry.name)) out.push(file);
  }
  return out;
}

const files = SOURCE_DIRS.flatMap((dir) => sources(path.join(root, dir)));
const catalogueFiles = files.filter((f) => /(^|[./])messages\.ts$/.test(path.basename(f)));

function isMessage(value: unknown): value is Message {
  const m = value as Message;
  return (
    typeof m?.key === "string" && typeof m.zh === "string" && typeof m.en === "string" && typeof m.with === "function"
  );
}

// Loaded synchronously, as the test's own imports are: the list of files is only known here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (file: string) => require(file) as Record<string, unknown>;
const messages: Message[] = catalogueFiles.flatMap((file) =>
  Object.values(load(file)).flatMap((catalogue) =>
    catalogue && typeof catalogue === "object" ? Object.values(catalogue).filter(isMessage) : [],
  ),
);

test("the departments, the gateway and the platform each have a catalogue", () => {
  const owners = catalogueFiles.map((f) => path.relative(root, f).split(path.sep).slice(0, 2).join("/"));
  for (const dir of fs.readdirSync(path.join(root, "services")))
    assert.ok(owners.includes(`services/${dir}`), `services/${dir} has a messages.ts`);
  assert.ok(owners.includes("gateway/src"));
  assert.ok(owners.includes("shared/platform"));
  expect(messages.length).toBeGreaterThan(200);
});

test("every message has Chinese, uses only placeholders its English has, and a key of its own", () => {
  const seen = new Set<string>();
  for (const message of messages) {
    assert.match(message.zh, CJK, `${message.key} has Chinese`);
    assert.ok(message.en.trim(), `${message.key} has English`);
    const english = new Set(placeholdersOf(message.en));
    for (const name of placeholdersOf(message.zh))
      assert.ok(english.has(name), `${message.key}: {${name}} of the Chinese is not in the English`);
    assert.ok(!seen.has(message.key), `${message.key} is defined twice`);
    seen.add(message.key);
  }
});

test("no error a person reads is written as a string in code", () => {
  // A GraphQLError made from a literal bypasses the catalogues; passing on another error's
  // message (a department's answer, graphql-js's) is fine.
  const offenders = files.flatMap((file) =>
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, i) =>
        /new (GraphQLError|BadUserInputError|NotFoundError|ConflictError|ForbiddenError|RateLimitedError|UnauthenticatedError)\(\s*[`"']/.test(
          line,
        )
          ? [`${path.relative(root, file)}:${i + 1}: ${line.trim()}`]
          : [],
      ),
  );
  assert.deepEqual(offenders, []);
});
