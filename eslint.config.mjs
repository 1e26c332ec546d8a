// @ts-check
/**
 * ESLint for the TypeScript of every package, with type information (tsconfig.check.json, which
 * holds sources and tests alike): promises are awaited or handled, and `any` does not leak into
 * typed code unnoticed. Formatting is Prettier's, not ESLint's.
 */
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/node_modules/**", "coverage/**", "dashboard/**", "**/*.js", "**/*.mjs"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: { project: ["./tsconfig.check.json"], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "no-duplicate-imports": ["error", { allowSeparateTypeImports: true }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unsafe-assignment": "error",
      "@typescript-eslint/no-unsafe-member-access": "error",
      "@typescript-eslint/no-unsafe-call": "error",
      "@typescript-eslint/no-unsafe-return": "error",
      "@typescript-eslint/no-unsafe-argument": "error",
      // `_name` leaves a destructured field out of the rest on purpose (`{ signature: _s, ...rest }`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // OpenTelemetry's SDK is required only when tracing is on, synchronously, at start-up; the
      // Redis client only by a department whose cache is in Redis (REDIS_URL), on first use.
      "@typescript-eslint/no-require-imports": ["error", { allow: ["^@opentelemetry/", "^ioredis$"] }],
    },
  },
  {
    // Tests (and the stack of processes they and the benchmark drive, whose `query` answers are
    // untyped GraphQL) read answers, JSON bodies and log lines as untyped data on purpose: a wrong
    // guess about their shape fails the test that made it, which is the point of the test. The
    // promise rules stay on there: an assertion in a promise nobody awaits can never fail.
    files: [
      "**/*.test.ts",
      "**/*.fixture.ts",
      "test/src/**/*.ts",
      "shared/testing/src/**/*.ts",
      "infra/src/stack/**/*.ts",
    ],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
);
