import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
// The contracts package's sources, found as Node finds the package (a workspace link).
const contractsSources = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@onewindow/contracts/package.json")),
  "src",
);

// Four pages, served by the gateway at /dashboard, /explorer, /screen and /workbench, their hashed assets at /assets/.
// Everything is bundled: no CDN, no external origin (the gateway's CSP allows 'self' only).
export default defineConfig({
  root: here("./pages"),
  base: "/",
  publicDir: false,
  logLevel: "warn",
  // The entries of @onewindow/contracts the pages share with the departments (labels, message
  // catalogues, identity checks), from their TypeScript sources: they import nothing outside
  // contracts, so they bundle as they are, without a build of contracts first.
  resolve: {
    alias: [
      {
        find: /^@onewindow\/contracts\/(i18n|identity)$/,
        replacement: `${contractsSources}/$1/index.ts`,
      },
    ],
  },
  build: {
    outDir: here("./dist"),
    emptyOutDir: true,
    assetsDir: "assets",
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // GraphiQL's Radix UI modules start with "use client", meaningless outside React Server Components.
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
      input: {
        dashboard: here("./pages/dashboard/index.html"),
        explorer: here("./pages/explorer/index.html"),
        screen: here("./pages/screen/index.html"),
        workbench: here("./pages/workbench/index.html"),
      },
    },
  },
});
