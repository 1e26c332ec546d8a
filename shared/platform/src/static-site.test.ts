import { describe, it } from "@jest/globals";
import assert from "node:assert/strict";
import path from "node:path";
import { STATIC_CSP, staticFile, type StaticSite } from "./static-site";

const site: StaticSite = {
  root: "/srv/dist",
  pages: { "/dashboard": "dashboard/index.html" },
  assetPrefix: "/assets/",
};

describe("static files (the gateway's dashboard and explorer)", () => {
  it("maps a page path, with or without its trailing slash, and assets under their prefix", () => {
    assert.deepEqual(staticFile(site, "/dashboard"), {
      file: path.join("/srv/dist", "dashboard/index.html"),
      page: true,
    });
    assert.deepEqual(staticFile(site, "/dashboard/"), {
      file: path.join("/srv/dist", "dashboard/index.html"),
      page: true,
    });
    assert.deepEqual(staticFile(site, "/assets/app-1a2b.js"), { file: "/srv/dist/assets/app-1a2b.js", page: false });
  });

  it("serves nothing outside the asset folder: no traversal, encoded or not, no hidden files, no other paths", () => {
    for (const bad of [
      "/assets/../package.json",
      "/assets/%2e%2e/package.json",
      "/assets/..%2f..%2fetc%2fpasswd",
      "/assets/%2E%2E%5Cwindows",
      "/assets/a/../../x",
      "/assets/.env",
      "/assets/",
      "/assets//etc/passwd",
      "/assets/%00.js",
      "/assets/%zz",
      "/dashboard/../package.json",
      "/graphql",
      "/",
    ]) {
      assert.equal(staticFile(site, bad), undefined, bad);
    }
  });

  it("lets the browser load from this origin only", () => {
    assert.match(STATIC_CSP, /default-src 'self'/);
    assert.match(STATIC_CSP, /script-src 'self'(;|$)/);
    assert.doesNotMatch(STATIC_CSP, /https?:|\*|unsafe-eval/);
  });
});
