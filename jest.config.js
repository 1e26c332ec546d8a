// @ts-check
/**
 * The suite on Jest, as projects. Each package's unit tests run from its TypeScript sources
 * (no build needed): @swc/jest compiles them with decorator metadata, which type-graphql and
 * TypeORM read, and every `@onewindow/*` import is mapped to the package's `src`, so a test sees
 * the code as it is written, not the last build. The end-to-end project runs test/'s compiled
 * files against built processes (the stacks fork `dist`), so `npm test` builds first.
 *
 * `npm test` (infra/scripts/test.mjs) runs the unit projects on two workers and the end-to-end
 * project in band: each of its files starts a whole stack of processes.
 */
const path = require("node:path");

const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: "es2022",
      keepClassNames: true,
    },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  },
];

const services = ["labor-security", "medical-insurance", "tax", "hospital-quality", "service-hall", "notifications"];

/** Workspace packages by name, to their sources. */
const fromSources = {
  "^@onewindow/(contracts|platform|testing)$": "<rootDir>/shared/$1/src/index.ts",
  "^@onewindow/contracts/(demo|i18n|identity)$": "<rootDir>/shared/contracts/src/$1/index.ts",
  "^@onewindow/platform/nats$": "<rootDir>/shared/platform/src/nats/index.ts",
  "^@onewindow/platform/server$": "<rootDir>/shared/platform/src/server.ts",
  "^@onewindow/platform/web$": "<rootDir>/shared/platform/src/web.ts",
  ...Object.fromEntries(services.map((name) => [`^@onewindow/${name}$`, `<rootDir>/services/${name}/src/index.ts`])),
  "^@onewindow/gateway$": "<rootDir>/gateway/src/index.ts",
  "^@onewindow/infra$": "<rootDir>/infra/src/index.ts",
  // Strict deep comparisons across Jest's VM realm (see the file).
  "^node:assert/strict$": "<rootDir>/shared/testing/src/jest-assert.ts",
};

/** @param {string} dir the package's folder */
const unit = (dir) => ({
  displayName: path.basename(dir),
  rootDir: __dirname,
  roots: [`<rootDir>/${dir}/src`],
  testMatch: ["**/*.test.ts"],
  testEnvironment: "node",
  transform: { "^.+\\.ts$": swc },
  moduleNameMapper: fromSources,
  setupFilesAfterEnv: ["<rootDir>/shared/testing/src/jest-setup.ts"],
  collectCoverageFrom: [
    `<rootDir>/${dir}/src/**/*.ts`,
    "!**/*.test.ts",
    "!**/*.fixture.ts",
    "!**/testing/**",
    "!**/migrations/**",
  ],
});

/** @type {import("jest").Config} */
module.exports = {
  testTimeout: 30_000,
  projects: [
    unit("shared/contracts"),
    unit("shared/platform"),
    ...services.map((name) => unit(`services/${name}`)),
    unit("gateway"),
    unit("infra"),
    {
      displayName: "e2e",
      rootDir: __dirname,
      roots: ["<rootDir>/test"],
      testMatch: ["<rootDir>/test/dist/**/*.test.js"],
      testEnvironment: "node",
      // The set-up file from its source, so that Jest, which checks every project's set-up files
      // even when it runs only the unit projects, finds it before anything is built.
      transform: { "^.+\\.ts$": swc },
      moduleNameMapper: { "^node:assert/strict$": "<rootDir>/shared/testing/dist/jest-assert.js" },
      setupFilesAfterEnv: ["<rootDir>/test/src/harness/setup.ts"],
    },
  ],
  coverageReporters: ["text-summary", "lcov"],
};
