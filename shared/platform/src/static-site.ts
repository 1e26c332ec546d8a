import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Static files a process serves besides GraphQL (the gateway's bundled dashboard and explorer):
 * a few page paths mapped to HTML files, and one folder of hashed assets. Nothing is fetched
 * from another origin: the Content-Security-Policy says so to the browser.
 */
export interface StaticSite {
  /** The folder the files are read from (a Vite `dist`). */
  root: string;
  /** Exact path (and the same with a trailing slash) → an HTML file under root, e.g. `/dashboard` → `dashboard/index.html`. */
  pages: Record<string, string>;
  /** A URL prefix served from the same-named folder under root, e.g. `/assets/`. */
  assetPrefix?: string;
}

/** Only the page's own origin: scripts, styles, fonts, images (data: URIs for inlined icons) and the GraphQL endpoint. */
export const STATIC_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and CodeMirror set style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  // Also the pages' WebSocket to /graphql: 'self' admits ws:/wss: to the same host (CSP Level 3).
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** The file under root a request path names, or undefined (not ours, or an attempt to leave root). */
export function staticFile(site: StaticSite, pathname: string): { file: string; page: boolean } | undefined {
  const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  const page = site.pages[trimmed];
  if (page) return { file: path.join(site.root, page), page: true };
  const prefix = site.assetPrefix;
  if (!prefix || !pathname.startsWith(prefix)) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(1));
  } catch {
    return undefined;
  }
  // No traversal, no hidden files, no backslashes or NULs: only plain names under the prefix.
  if (
    relative.includes("\0") ||
    relative.includes("\\") ||
    relative.split("/").some((part) => part === "" || part.startsWith("."))
  )
    return undefined;
  const root = path.resolve(site.root);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return undefined;
  return { file, page: false };
}

/**
 * Answers a GET or HEAD for a static file; resolves false (nothing written) when the path is not
 * the site's or the file does not exist, so that the caller answers 404 its usual way.
 */
export async function serveStatic(
  site: StaticSite,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const found = staticFile(site, pathname);
  if (!found) return false;
  const info = await stat(found.file).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    "content-type": CONTENT_TYPES[path.extname(found.file).toLowerCase()] ?? "application/octet-stream",
    "content-length": info.size,
    "content-security-policy": STATIC_CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    // Vite names assets by content hash; pages must be re-read to pick up a new build.
    "cache-control": found.page ? "no-cache" : "public, max-age=31536000, immutable",
  });
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(found.file).on("error", reject).pipe(res).on("finish", resolve).on("error", reject);
  });
  return true;
}
