import { describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { Kind, parse, type EnumTypeDefinitionNode } from "graphql";
import { DEPARTMENTS, ERROR_CODES, ROLES } from "@onewindow/contracts";
import { DEPARTMENT_LABELS, ENUM_LABELS, ENUM_NAMES, ERROR_CODE_LABELS, ROLE_LABELS } from "@onewindow/contracts/i18n";
import { supergraphPath } from "@onewindow/infra";

/**
 * Chinese first: whatever the API can answer with has a Chinese label the pages show and the
 * schema documents. Reads the committed supergraph and the sources, so it needs no stack.
 */
const root = path.join(__dirname, "..", "..");
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
/** Federation's own enums: the gateway's plumbing, never shown to a person. */
const FEDERATION_ENUM = /^(join__|link__)/;

const enums: EnumTypeDefinitionNode[] = parse(fs.readFileSync(supergraphPath, "utf8")).definitions.filter(
  (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && !FEDERATION_ENUM.test(d.name.value),
);

describe("every enum value of the API has a Chinese label", () => {
  test("each value of each enum in the supergraph has one in ENUM_LABELS, in Chinese", () => {
    assert.ok(enums.length > 40, `the supergraph's enums were read: ${enums.length}`);
    const missing: string[] = [];
    for (const type of enums)
      for (const { name } of type.values ?? []) {
        const label = ENUM_LABELS[type.name.value]?.[name.value];
        if (!label || !HAN.test(label)) missing.push(`${type.name.value}.${name.value}: ${label ?? "none"}`);
      }
    assert.deepEqual(missing, [], "add them to shared/contracts/src/i18n/enum-labels.ts");
  });

  test("no label is left for an enum or a value the API no longer has", () => {
    const values = new Map(enums.map((t) => [t.name.value, new Set((t.values ?? []).map((v) => v.name.value))]));
    const stale = Object.entries(ENUM_LABELS).flatMap(([type, labels]) =>
      values.has(type)
        ? Object.keys(labels)
            .filter((value) => !values.get(type)!.has(value))
            .map((value) => `${type}.${value}`)
        : [type],
    );
    assert.deepEqual(stale, []);
  });

  test("the schema's descriptions open with the labels (buildFederatedSchema put them there)", () => {
    const unlabelled = enums.flatMap((type) =>
      (type.values ?? [])
        .filter((v) => !v.description?.value.startsWith(ENUM_LABELS[type.name.value]?.[v.name.value] ?? "\0"))
        .map((v) => `${type.name.value}.${v.name.value}`),
    );
    assert.deepEqual(unlabelled, [], "run `npm run compose`");
  });

  test("each enum type has its Chinese name, and only the API's enums do", () => {
    assert.deepEqual(Object.keys(ENUM_NAMES).sort(), enums.map((t) => t.name.value).sort());
    assert.deepEqual(
      Object.entries(ENUM_NAMES).filter(([, name]) => !HAN.test(name)),
      [],
    );
  });

  test("each department and each role has a Chinese name", () => {
    assert.deepEqual(Object.keys(DEPARTMENT_LABELS).sort(), DEPARTMENTS.map((d) => d.service).sort());
    assert.deepEqual(Object.keys(ROLE_LABELS).sort(), [...ROLES].sort());
    for (const label of [...Object.values(DEPARTMENT_LABELS), ...Object.values(ROLE_LABELS)]) assert.match(label, HAN);
  });
});

/** The TypeScript sources (not tests or fixtures: they may use codes no one answers with) under `dir`. */
function* sources(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", "dist", "generated"].includes(entry.name) || entry.name.startsWith(".")) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(file);
    else if (/\.ts$/.test(entry.name) && !/\.(test|fixture|d)\.ts$/.test(entry.name)) yield file;
  }
}

/**
 * Where a code is written: `extensions: { code: "X" … }` (a GraphQLError's), `OneWindowError("X", …)`,
 * and string unions of codes (`type LimitCode = "QUERY_TOO_DEEP" | …`) that a helper puts into extensions.
 */
const CODE_PATTERNS = [
  /extensions\s*:\s*\{[^{}]*?\bcode\s*:\s*(["'][A-Z][A-Z0-9_]*["'])/g,
  /OneWindowError\(\s*(["'][A-Z][A-Z0-9_]*["'])/g,
  /\btype\s+\w*Code\s*=\s*([^;]+);/g,
];

function codesInSources(): Map<string, string> {
  const found = new Map<string, string>();
  const dirs = ["gateway/src", "shared", "services"].map((d) => path.join(root, d));
  for (const dir of dirs)
    for (const file of sources(dir)) {
      const text = fs.readFileSync(file, "utf8");
      for (const pattern of CODE_PATTERNS)
        for (const match of text.matchAll(pattern))
          for (const [, code] of match[1]!.matchAll(/["']([A-Z][A-Z0-9_]*)["']/g))
            if (!found.has(code!)) found.set(code!, path.relative(root, file));
    }
  return found;
}

describe("every error code has a Chinese label", () => {
  const codes = codesInSources();

  test("the scan of the sources finds the codes it should (it has not gone blind)", () => {
    for (const code of ["BAD_USER_INPUT", "FORBIDDEN", "QUERY_TOO_DEEP", "SLOW_CONSUMER", "BAD_REQUEST"])
      assert.ok(codes.has(code), `${code} among ${[...codes.keys()].join(", ")}`);
  });

  test("ERROR_CODES and every code the sources answer with are in ERROR_CODE_LABELS, in Chinese", () => {
    const all = new Map<string, string>([...ERROR_CODES.map((c): [string, string] => [c, "ERROR_CODES"]), ...codes]);
    const missing = [...all]
      .filter(([code]) => !ERROR_CODE_LABELS[code] || !HAN.test(ERROR_CODE_LABELS[code].zh))
      .map(([code, where]) => `${code} (${where})`);
    assert.deepEqual(missing, [], "add them to shared/contracts/src/i18n/error-labels.ts");
  });
});
