/** The workbench's session: the clerk's token, the visit's purpose, and calls to the gateway. */

const TOKEN_KEY = "onewindow.workbench.token";

export interface GraphqlError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; department?: string; localizedMessage?: string; [key: string]: unknown };
}

export interface GraphqlResult<TData> {
  data?: TData | null;
  errors?: GraphqlError[];
}

/** What a person reads of an error: the gateway's Chinese text, else the message. */
export const errorText = (e: GraphqlError) => e.extensions?.localizedMessage ?? e.message;

/** The token: `?token=` (then kept in localStorage and removed from the address bar), else localStorage. */
export function currentToken(): string {
  const url = new URL(location.href);
  const fromQuery = url.searchParams.get("token");
  if (fromQuery) {
    localStorage.setItem(TOKEN_KEY, fromQuery);
    url.searchParams.delete("token");
    history.replaceState(null, "", url.pathname + url.search);
  }
  return localStorage.getItem(TOKEN_KEY) ?? "";
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** Who the token says the clerk is: for display only (the gateway checks the token, not this). */
export interface Clerk {
  name: string | null;
  subject: string;
  roles: string[];
  expired: boolean;
}

export function decodeClerk(token: string): Clerk | null {
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const base64 = part
      .replace(/-/g, "+")
      .replace(/_/g, "/")
      .padEnd(Math.ceil(part.length / 4) * 4, "=");
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : claims.role ? [String(claims.role)] : [];
    return {
      name: typeof claims.name === "string" ? claims.name : null,
      subject: String(claims.sub ?? ""),
      roles,
      expired: typeof claims.exp === "number" && claims.exp * 1000 < Date.now(),
    };
  } catch {
    return null;
  }
}

/** The purpose of the current visit (x-access-purpose), asked once per visit. */
let purpose = "";
export const visitPurpose = () => purpose;
export function setVisitPurpose(value: string): void {
  purpose = value.trim().slice(0, 100);
}

/**
 * Posts an operation with the token and the visit's purpose (or `options.purpose`: the clerk's
 * own work lists state theirs). A network failure comes back as an error like the gateway's.
 */
export async function graphql<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
  query: string,
  variables?: TVariables,
  options: { purpose?: string } = {},
): Promise<GraphqlResult<TData>> {
  const token = localStorage.getItem(TOKEN_KEY);
  const stated = options.purpose ?? purpose;
  try {
    const res = await fetch("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "accept-language": "zh-CN,zh;q=0.9",
        // Percent-encoded: a header carries Latin-1 only, and a purpose is Chinese.
        ...(stated ? { "x-access-purpose": encodeURIComponent(stated) } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables: variables ?? {} }),
    });
    return (await res.json()) as GraphqlResult<TData>;
  } catch {
    return { errors: [{ message: "网络连接失败，请稍后重试", extensions: { code: "NETWORK" } }] };
  }
}
