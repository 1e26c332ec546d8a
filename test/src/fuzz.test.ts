import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import net from "node:net";
import { makeCreditCode, makeIdNumber, SeededRandom } from "@onewindow/platform";
import { startStack, type As, type Stack } from "./harness/stack";

/**
 * A seeded barrage of malformed requests at the gateway. The same seed sends the same requests
 * (`FUZZ_SEED=n` to try another; a failure names the seed and the case).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_123);
const REQUESTS = 1200;
const CONCURRENCY = 8;
/** The gateway's default `GATEWAY_BODY_LIMIT`. */
const BODY_LIMIT = 100_000;

/** One generated request: through fetch, or as raw bytes on a socket when fetch cannot say it. */
interface FuzzCase {
  kind: string;
  method?: string;
  /** Appended to `/graphql` (a query string). */
  search?: string;
  headers?: Record<string, string>;
  /** An ArrayBuffer-backed view: what fetch takes as a body (with or without the DOM library's types). */
  body?: string | Uint8Array<ArrayBuffer>;
  /** Raw HTTP/1.1 bytes, sent as they are. */
  raw?: string;
  /** Whom a fetch request speaks for (token and purpose); none: no such headers. */
  caller?: As;
}

type Shape = Omit<FuzzCase, "kind">;

interface FuzzResponse {
  /** 0: the server closed the connection without answering (raw requests only). */
  status: number;
  text: string;
}

/** What no response may contain: stack frames, source paths, SQL or driver errors. */
const LEAKS: [string, RegExp][] = [
  // Inside JSON a stack's newlines are escaped: "\n    at fn (file:1:2)".
  ["a stack frame", /\bat [\w$.<>]+ \(|\\n\s+at \S|^\s+at \S/m],
  ["a source path", /\.(ts|js):\d+|node_modules|\/work\/|file:\/\//],
  [
    "SQL",
    /\b(SELECT|INSERT)\b|QueryFailedError|SQLITE|sqlite3|syntax error at or near|violates [a-z ]*constraint|relation "[^"]*" does not exist/,
  ],
];

const OPERATOR_QUERIES = {
  citizen: `query ($id: ID!) { citizen(idNumber: $id) { idNumber name birthDate } }`,
  employer: `query ($code: ID!) { employer(creditCode: $code) { creditCode name } }`,
  registerCitizen: `mutation ($input: RegisterCitizenInput!) { registerCitizen(input: $input) { idNumber gender birthDate } }`,
  registerEmployer: `mutation ($input: RegisterEmployerInput!) { registerEmployer(input: $input) { creditCode } }`,
  postJob: `mutation ($input: PostJobInput!) { postJob(input: $input) { title } }`,
};

const PUBLIC_QUERIES = [
  `{ serviceItems(keyword: "退休") { code name } }`,
  `query ($k: String) { serviceItems(keyword: $k) { code name } }`,
  `{ jobPostings(first: 5) { totalCount edges { node { title salaryMin } } } }`,
  `query ($f: JobPostingFilter, $n: Int) { jobPostings(filter: $f, first: $n) { totalCount } }`,
  `{ hospitals { name } }`,
  `{ queueBoard { nowCalling { number window } } }`,
];

/** Characters for random text: ASCII, CJK, control characters, quotes, escapes, surrogates, NUL. */
const ALPHABET = [
  ..."abcdefghijklmnopqrstuvwxyz0123456789 _-{}[]():,.!$@#%&*+=/\\\"'`~<>?|;\t\n\r",
  "退休",
  "王",
  "芳",
  "社区",
  "\u0000",
  "\u0007",
  "\u001f",
  "\u2028",
  "\ud800",
  "\ufffd",
  "😀",
  "X",
];

/** Percent-encodes text that may hold lone surrogates (which encodeURIComponent refuses). */
function encode(text: string): string {
  return encodeURIComponent(
    text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"),
  );
}

/** Builds the malformed requests, deterministically from the seed. */
class Generator {
  private readonly rng: SeededRandom;
  constructor(seed: number) {
    this.rng = new SeededRandom(seed);
  }

  text(max = 40): string {
    const n = this.rng.int(0, max);
    let out = "";
    for (let i = 0; i < n; i++) out += this.rng.pick(ALPHABET);
    return out;
  }

  name(): string {
    const first = "abcdefghijklmnopqrstuvwxyz_";
    let out = this.rng.pick([...first]);
    for (let i = this.rng.int(0, 12); i > 0; i--) out += this.rng.pick([...first, ..."0123456789"]);
    return out;
  }

  /** Any JSON value, sometimes nested. */
  jsonValue(depth = 0): unknown {
    switch (this.rng.int(0, depth > 3 ? 5 : 7)) {
      case 0:
        return null;
      case 1:
        return this.rng.chance(0.5);
      case 2:
        return this.rng.pick([0, -1, 1.5, 1e308, -1e-308, 2 ** 53 + 1, 2_147_483_648]);
      case 3:
        return this.text();
      case 4:
        return "";
      case 5:
        return this.rng.int(-1000, 1000);
      case 6:
        return Array.from({ length: this.rng.int(0, 4) }, () => this.jsonValue(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: this.rng.int(0, 4) }, () => [this.name(), this.jsonValue(depth + 1)]),
        );
    }
  }

  /** An ID number that is wrong in one way or another (and now and then a valid one). */
  idNumber(): unknown {
    const valid = makeIdNumber(
      this.rng.pick(["330102", "110105", "440305"]),
      `19${this.rng.int(40, 99)}-0${this.rng.int(1, 9)}-1${this.rng.int(0, 9)}`,
      this.rng.int(0, 999),
    );
    switch (this.rng.int(0, 11)) {
      case 0:
        return valid;
      case 1:
        return valid.slice(0, 17) + (valid[17] === "0" ? "1" : "0"); // wrong check character
      case 2:
        return valid.slice(0, 6) + "19900230" + valid.slice(14); // 30 February
      case 3:
        return valid.slice(0, this.rng.int(0, 17)); // too short
      case 4:
        return valid + this.text(5); // too long
      case 5:
        return valid.toLowerCase().replace(/\d/, "x");
      case 6:
        return this.rng.int(0, 10 ** 9); // a number where a string goes
      case 7:
        return this.text(30);
      case 8:
        return "9".repeat(this.rng.int(1, 5000));
      case 9:
        return null;
      case 10:
        return [valid];
      default:
        return valid.replace(/^\d{6}/, "000000");
    }
  }

  /** A unified social credit code that is wrong in one way or another (and now and then a valid one). */
  creditCode(): unknown {
    const valid = makeCreditCode("330104", this.rng.int(1, 90_000_000));
    switch (this.rng.int(0, 7)) {
      case 0:
        return valid;
      case 1:
        return valid.slice(0, 17) + (valid[17] === "0" ? "1" : "0");
      case 2:
        return valid.replace(/[A-Z]/, "I"); // a letter the code never uses
      case 3:
        return valid.slice(0, this.rng.int(0, 17));
      case 4:
        return this.text(20);
      case 5:
        return this.rng.int(0, 10 ** 6);
      case 6:
        return { code: valid };
      default:
        return valid.toLowerCase();
    }
  }

  /** A GraphQL document nested `depth` levels: through unknown fields, or through the schema's real Citizen ↔ Case cycle. */
  nestedQuery(depth: number): string {
    if (this.rng.chance(0.5)) return "{" + "a{".repeat(depth) + "b" + "}".repeat(depth + 1);
    const rounds = Math.max(1, Math.floor(depth / 4));
    return `{ citizen(idNumber: "x") { ${"cases { edges { node { citizen { ".repeat(rounds)}name${" } } } }".repeat(rounds)} } }`;
  }

  next(): FuzzCase {
    const kinds: { value: [string, () => Shape]; weight: number }[] = [
      { value: ["broken JSON", () => this.brokenJson()], weight: 14 },
      { value: ["wrong JSON types", () => this.wrongTypes()], weight: 14 },
      { value: ["huge strings", () => this.hugeStrings()], weight: 6 },
      { value: ["deep nesting", () => this.deepNesting()], weight: 9 },
      { value: ["unknown fields and arguments", () => this.unknownFields()], weight: 12 },
      { value: ["invalid ID numbers and credit codes", () => this.invalidIds()], weight: 16 },
      { value: ["content types", () => this.contentTypes()], weight: 9 },
      { value: ["HTTP methods and query strings", () => this.methods()], weight: 8 },
      { value: ["headers", () => this.headers()], weight: 6 },
      { value: ["malformed HTTP", () => this.rawHttp()], weight: 6 },
    ];
    const [kind, make] = this.rng.weighted(kinds);
    return { kind, ...make() };
  }

  private json(body: unknown, headers: Record<string, string> = {}): Shape {
    return { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
  }

  brokenJson(): Shape {
    const valid = JSON.stringify({ query: this.rng.pick(PUBLIC_QUERIES), variables: { k: this.text(10) } });
    const bodies = [
      () => valid.slice(0, this.rng.int(0, valid.length - 1)),
      () => {
        const i = this.rng.int(0, valid.length);
        return valid.slice(0, i) + this.text(3) + valid.slice(i);
      },
      () => valid.replace(/"/g, "'"),
      () => valid.replace(/}$/, ",}"),
      () => "\ufeff" + valid,
      () => valid + this.text(5),
      () => "{".repeat(this.rng.int(1, 5000)),
      () => "[".repeat(this.rng.int(1, 30000)) + "]".repeat(this.rng.int(0, 3)),
      () => `{"query": "{ serviceItems { code } }", "variables": {"k": NaN}}`,
      () => `{"query": "\\u00"}`,
      () => `{"query": "\\ud800\\udc00${this.text()}"}`,
      () => "",
      () => "null",
      () => this.text(200),
    ];
    if (this.rng.chance(0.15)) {
      // Bytes that are not UTF-8 at all.
      const bytes = new Uint8Array(this.rng.int(1, 400)).map(() => this.rng.int(0, 255));
      return { method: "POST", headers: { "content-type": "application/json" }, body: bytes };
    }
    return { method: "POST", headers: { "content-type": "application/json" }, body: this.rng.pick(bodies)() };
  }

  wrongTypes(): Shape {
    const query = this.rng.pick(PUBLIC_QUERIES);
    const bodies: unknown[] = [
      { query: this.rng.pick([42, ["{ hospitals { name } }"], { query }, null, true, -0.5]) },
      { query, variables: this.rng.pick(["{}", "k", 5, [1, 2], true, `{"k":"退休"}`]) },
      { query, operationName: this.rng.pick([5, [], {}, true, this.text(), ""]) },
      {
        query,
        extensions: this.rng.pick([
          "x",
          5,
          [],
          { persistedQuery: { version: 1, sha256Hash: this.text(64) } },
          { persistedQuery: "x" },
        ]),
      },
      { query, variables: { k: this.jsonValue(), f: this.jsonValue(), n: this.jsonValue() } },
      {
        query: PUBLIC_QUERIES[3],
        variables: {
          f: { minSalary: this.rng.pick(["many", -1, 1e308, null, [5]]), openOnly: this.rng.pick(["yes", 1, null]) },
          n: this.rng.pick([-1, 101, 1.5, "10", 2 ** 31, 0]),
        },
      },
      this.rng.pick([[{ query }], "query", 123, [], {}, true]),
      this.jsonValue(),
      { [this.name()]: this.jsonValue(), query: this.rng.chance(0.5) ? query : undefined },
    ];
    return this.json(this.rng.pick(bodies), this.rng.chance(0.3) ? { "apollo-require-preflight": "1" } : {});
  }

  hugeStrings(): Shape {
    // Sizes around the body limit: the JSON around the string pushes some of them just over it.
    const size = this.rng.pick([
      1_000,
      10_000,
      50_000,
      BODY_LIMIT - 200,
      BODY_LIMIT - 60,
      BODY_LIMIT - 50,
      BODY_LIMIT,
      BODY_LIMIT + 1,
      BODY_LIMIT + 1_000,
      3 * BODY_LIMIT,
    ]);
    const filler = this.rng.pick(["x", "退", "\\", '"', " ", "{"]).repeat(Math.ceil(size / 3));
    const fill = filler.slice(0, size);
    switch (this.rng.int(0, 5)) {
      case 0:
        return this.json({ query: PUBLIC_QUERIES[1], variables: { k: fill } });
      case 1:
        return this.json({ query: `{ serviceItems(keyword: ${JSON.stringify(fill)}) { code } }` });
      case 2:
        return this.json({ query: `# ${fill.replace(/\n/g, "")}\n{ hospitals { name } }` });
      case 3:
        return this.json({ query: PUBLIC_QUERIES[0], operationName: fill });
      // Declares more than the limit, sends little: refused on the declaration.
      case 4:
        return {
          raw: `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${BODY_LIMIT + 1}\r\n\r\n{"query":"`,
        };
      default:
        return this.json({ query: `{ ${"hospitals { name } ".repeat(Math.ceil(size / 20))} }` });
    }
  }

  deepNesting(): Shape {
    const depth = this.rng.pick([13, 20, 50, 200, 1_000, 5_000, 20_000]);
    switch (this.rng.int(0, 4)) {
      case 0:
      case 1:
        return this.json({ query: this.nestedQuery(depth) });
      case 2:
        return {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: `{"query":${JSON.stringify(PUBLIC_QUERIES[1])},"variables":{"k":${"[".repeat(depth)}${"]".repeat(depth)}}}`,
        };
      case 3:
        return this.json({
          query: `{ jobPostings(filter: ${"{ keyword: ".repeat(depth)}"x"${" }".repeat(depth)}) { totalCount } }`,
        });
      default:
        return this.json({ query: `{ serviceItems(keyword: ${"[".repeat(depth)}${"]".repeat(depth)}) { code } }` });
    }
  }

  unknownFields(): Shape {
    const queries = [
      () => `{ ${this.name()} }`,
      () => `{ hospitals { ${this.name()} name } }`,
      () => `{ serviceItems(${this.name()}: 1) { code } }`,
      () =>
        `{ serviceItems(keyword: ${this.rng.pick(["5", "true", "null", '["a"]', "{a: 1}", "$undeclared", "ENUM"])}) { code } }`,
      () => `{ jobPostings(filter: { ${this.name()}: true }) { totalCount } }`,
      () => `{ hospitals { name } } fragment ${this.name()} on ${this.name()} { x }`,
      () => `{ hospitals @${this.name()} { name } }`,
      () => `{ hospitals { name ...on ${this.name()} { x } } }`,
      () => `query ($v: ${this.name()}) { hospitals { name } }`,
      () => `{ takeQueueTicket(input: { category: ${this.name().toUpperCase()} }) { number } }`,
      () => `mutation { ${this.name()}(input: {}) { x } }`,
      () => `subscription { ${this.name()} }`,
      () => `{ __type(name: ${JSON.stringify(this.text(10))}) { name fields { name } } }`,
      () => `{ hospitals { name } ${this.text(20)} }`,
    ];
    return this.json({
      query: this.rng.pick(queries)(),
      variables: this.rng.chance(0.3) ? { [this.name()]: this.jsonValue() } : undefined,
    });
  }

  invalidIds(): Shape {
    const caller: As = this.rng.pick<As>([
      "anonymous",
      { roles: ["window_clerk"], user: "fuzz-clerk", purpose: "fuzz" },
      { roles: ["labor_officer"], user: "fuzz-officer", purpose: "fuzz" },
    ]);
    const pick = this.rng.int(0, 4);
    const [query, variables] =
      pick === 0
        ? [OPERATOR_QUERIES.citizen, { id: this.idNumber() }]
        : pick === 1
          ? [OPERATOR_QUERIES.employer, { code: this.creditCode() }]
          : pick === 2
            ? [
                OPERATOR_QUERIES.registerCitizen,
                {
                  input: {
                    idNumber: this.idNumber(),
                    name: this.rng.chance(0.8) ? this.text(12) : this.jsonValue(),
                    community: this.rng.chance(0.5) ? this.text(200) : undefined,
                  },
                },
              ]
            : pick === 3
              ? [OPERATOR_QUERIES.registerEmployer, { input: { creditCode: this.creditCode(), name: this.text(20) } }]
              : [
                  OPERATOR_QUERIES.postJob,
                  {
                    input: {
                      creditCode: this.creditCode(),
                      title: this.text(30),
                      salaryMin: this.rng.pick([-1, 0, 1e9, "x", null]),
                      salaryMax: this.rng.pick([0, 1, 5000.123, -5]),
                      minAge: this.rng.pick([-1, 200, 2 ** 31, 1.5]),
                      expiresOn: this.rng.pick(["2025-02-30", "tomorrow", "", 20250101, "9999-12-31"]),
                    },
                  },
                ];
    return {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
      caller,
    };
  }

  contentTypes(): Shape {
    const type = this.rng.pick([
      undefined,
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=xyz",
      "application/graphql",
      "application/xml",
      "application/json; charset=utf-16",
      "application/json, text/html",
      "json",
      "a/b/c",
      "",
      "application/graphql-response+json",
      'application/json; charset="\u00ff"',
    ]);
    const body = this.rng.pick([
      JSON.stringify({ query: PUBLIC_QUERIES[0] }),
      "query=%7B__typename%7D",
      "{ hospitals { name } }",
      `--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--xyz--`,
    ]);
    const headers: Record<string, string> = {};
    if (type !== undefined) headers["content-type"] = type;
    if (this.rng.chance(0.4)) headers["apollo-require-preflight"] = "true";
    return { method: "POST", headers, body };
  }

  methods(): Shape {
    const method = this.rng.pick(["GET", "GET", "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "POST"]);
    const search = this.rng.pick([
      "",
      `?query=${encode(PUBLIC_QUERIES[0])}`,
      `?query=${encode("mutation { takeQueueTicket(input: { category: TAX }) { number } }")}`,
      `?query=${encode(PUBLIC_QUERIES[1])}&variables=${encode(this.text(10))}`,
      `?query=${encode(PUBLIC_QUERIES[1])}&variables=${encode(JSON.stringify({ k: this.jsonValue() }))}`,
      `?query=${encode(PUBLIC_QUERIES[0])}&extensions=${encode(this.text(10))}`,
      `?query=${encode(PUBLIC_QUERIES[0])}&query=${encode("{ hospitals { name } }")}`,
      `?${this.text(20).replace(/[#\s]/g, "")}`,
      `?query=%E0%A4%A&operationName=%ZZ`,
      `?query=${"a".repeat(this.rng.pick([100, 8_000, 20_000]))}`,
    ]);
    const headers: Record<string, string> = this.rng.chance(0.6) ? { "apollo-require-preflight": "true" } : {};
    const hasBody = method !== "GET" && method !== "HEAD" && this.rng.chance(0.7);
    if (hasBody) headers["content-type"] = "application/json";
    return { method, search, headers, body: hasBody ? JSON.stringify({ query: PUBLIC_QUERIES[0] }) : undefined };
  }

  headers(): Shape {
    const headers: Record<string, string> = { "content-type": "application/json" };
    switch (this.rng.int(0, 6)) {
      case 0:
        headers.authorization = this.rng.pick([
          "Bearer",
          "Bearer ",
          "Basic dXNlcjpwYXNz",
          `Bearer ${this.text(40).replace(/[^\x21-\x7e]/g, "")}`,
          "Bearer a.b.c",
          "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYXVkaXRvciJdLCJleHAiOjk5OTk5OTk5OTl9.",
        ]);
        break;
      case 1:
        headers.authorization = `Bearer ${"a".repeat(this.rng.pick([1_000, 15_000]))}`;
        break;
      case 2:
        headers["x-access-purpose"] = this.rng.pick(["%", "%E0%A4%A", "%ZZ", "x".repeat(500), encode(this.text(30))]);
        break;
      case 3:
        headers["x-request-id"] = this.text(20).replace(/[^\x21-\x7e]/g, "") + "x".repeat(this.rng.int(0, 2000));
        break;
      case 4:
        headers["x-apollo-operation-name"] = this.text(10).replace(/[^\x21-\x7e]/g, "") || "x";
        break;
      case 5:
        headers["x-large"] = "y".repeat(20_000);
        break;
      default:
        headers.accept = this.rng.pick([
          "text/html",
          "multipart/mixed",
          "application/graphql-response+json",
          "*/*;q=x",
          "text/event-stream",
        ]);
    }
    return {
      method: "POST",
      headers,
      body: JSON.stringify({ query: this.rng.pick(PUBLIC_QUERIES), variables: { k: "退休", n: 3 } }),
    };
  }

  rawHttp(): Shape {
    const body = JSON.stringify({ query: PUBLIC_QUERIES[0] });
    const raws = [
      () =>
        `${this.rng.pick(["BREW", "get", "G ET", "TRACE", "CONNECT", "PRI", "M-SEARCH", "PROPFIND"])} /graphql HTTP/1.1\r\nHost: x\r\n\r\n`,
      () => `GET /graphql HTTP/${this.rng.pick(["9.9", "1", "x", "1.1.1"])}\r\nHost: x\r\n\r\n`,
      () =>
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n\r\n${body}`,
      () =>
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`,
      () => `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n${body}`,
      () =>
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nContent-Length: 3\r\n\r\n${body}`,
      () => `POST /graphql HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n`,
      () => `POST /graphql HTTP/1.1\r\nHost: x\r\nX-Evil: a\u0000b\r\n\r\n`,
      () =>
        `GET /graphql?query=${encode(PUBLIC_QUERIES[0])} HTTP/1.1\r\nHost: x\r\napollo-require-preflight: 1\r\nConnection: close\r\n\r\n`,
      () => `${this.text(50).replace(/\r|\n/g, "")}\r\n\r\n`,
      () =>
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${(BODY_LIMIT * 2).toString(16)}\r\n${"x".repeat(BODY_LIMIT * 2)}\r\n0\r\n\r\n`,
    ];
    return { raw: this.rng.pick(raws)() };
  }
}

/** Sends one raw HTTP request and reads until the server closes or answers one response. */
function sendRaw(port: number, raw: string): Promise<FuzzResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error("no answer within 10 s"));
    }, 10_000);
    const finish = () => {
      clearTimeout(timer);
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      const split = data.indexOf("\r\n\r\n");
      resolve({ status: m ? Number(m[1]) : 0, text: split < 0 ? "" : data.slice(split + 4) });
    };
    socket.on("data", (chunk) => {
      data += chunk.toString("utf8");
      // One complete response with a content-length is enough.
      const length = /\r\ncontent-length: (\d+)/i.exec(data);
      const split = data.indexOf("\r\n\r\n");
      if (length && split >= 0 && Buffer.byteLength(data.slice(split + 4)) >= Number(length[1])) {
        socket.destroy();
        finish();
      }
    });
    socket.on("close", finish);
    // The server may answer and close before the whole request is written.
    socket.on("error", () => undefined);
    socket.write(raw);
  });
}

/** Runs `task` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i], i);
      }
    }),
  );
  return results;
}

/** What is wrong with one response, or null. */
function problemWith(c: FuzzCase, res: FuzzResponse): string | null {
  if (res.status >= 500) return `status ${res.status}`;
  for (const [what, pattern] of LEAKS) if (pattern.test(res.text)) return `the response contains ${what}`;
  if (res.status === 0 || c.method === "HEAD" || res.text === "") {
    // A raw request the server hung up on, or a HEAD: there is no body to check. Every other
    // response is JSON.
    return res.status === 0 || c.method === "HEAD" || res.status === 204
      ? null
      : `status ${res.status} with an empty body`;
  }
  let body: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(res.text);
  } catch {
    return `status ${res.status} with a body that is not JSON`;
  }
  if (res.status >= 400 && !Array.isArray(body.errors)) return `status ${res.status} without a GraphQL errors list`;
  for (const error of body.errors ?? []) {
    if (typeof error.extensions?.code !== "string")
      return `an error without extensions.code: ${JSON.stringify(error).slice(0, 200)}`;
    if (typeof error.message !== "string") return `an error without a message`;
    // Malformed input is the client's error; an internal error means something broke on it.
    if (error.extensions.code === "INTERNAL_SERVER_ERROR") return `an internal error: ${error.message}`;
    // Every department is up: none may seem down because of what a request carried.
    if (error.extensions.code === "SERVICE_UNAVAILABLE") return `a department became unavailable: ${error.message}`;
  }
  return null;
}

describe("fuzzing the gateway with malformed requests", () => {
  let stack: Stack;
  beforeAll(async () => {
    // The barrage comes from one address as few callers: no rate limit for this stack.
    stack = await startStack({ env: { GATEWAY_RATE_LIMIT: "10000000" } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test(`${REQUESTS} malformed requests (seed ${SEED}): no 5xx, no stack trace or SQL, every error with a code; the gateway keeps serving`, async () => {
    const generator = new Generator(SEED);
    const cases = Array.from({ length: REQUESTS }, () => generator.next());
    const port = stack.portOf("gateway");
    const codes = new Map<string, number>();
    const statuses = new Map<string, number>();
    const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    const problems: string[] = [];
    const started = Date.now();
    await pool(cases, CONCURRENCY, async (c, i) => {
      let res: FuzzResponse;
      try {
        if (c.raw !== undefined) {
          res = await sendRaw(port, c.raw);
        } else {
          const headers = { ...(c.caller ? await stack.headers(c.caller) : {}), ...c.headers };
          const r = await fetch(stack.gatewayUrl + (c.search ?? ""), {
            method: c.method,
            headers,
            body: c.body,
            signal: AbortSignal.timeout(20_000),
          });
          res = { status: r.status, text: await r.text() };
        }
      } catch (err) {
        // fetch refuses to send some of what the generator makes (a forbidden method, a header
        // it cannot encode); the gateway resetting a connection is also an answer, but no answer
        // within 20 s is a failure.
        const message = String((err as Error).cause ?? err);
        count(statuses, "no answer");
        if (/timeout|aborted/i.test(message) && !/TypeError/.test(message))
          problems.push(`#${i} ${c.kind}: no answer (${message})`);
        return;
      }
      const problem = problemWith(c, res);
      if (problem)
        problems.push(
          `#${i} ${c.kind} ${c.method ?? "raw"}: ${problem}\n  request: ${String(c.raw ?? c.body ?? c.search).slice(0, 200)}\n  response: ${res.text.slice(0, 300)}`,
        );
      count(statuses, String(res.status));
      for (const m of res.text.matchAll(/"code":"([A-Z_]+)"/g)) count(codes, m[1]);
    });
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `seed ${SEED}: ${REQUESTS} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}; error codes ${JSON.stringify(Object.fromEntries(codes))}`,
    );
    assert.deepEqual(problems.slice(0, 10), [], `seed ${SEED}: ${problems.length} bad responses`);
    // The limits and the parser saw their share of the barrage.
    for (const code of [
      "BAD_REQUEST",
      "GRAPHQL_PARSE_FAILED",
      "GRAPHQL_VALIDATION_FAILED",
      "PAYLOAD_TOO_LARGE",
      "BAD_USER_INPUT",
      "QUERY_TOO_DEEP",
    ]) {
      assert.ok(codes.has(code), `no response had ${code}: ${JSON.stringify(Object.fromEntries(codes))}`);
    }

    // Still alive, still right.
    assert.equal(stack.exitCode("gateway"), null);
    const ready = await fetch(stack.gatewayUrl.replace("/graphql", "/readyz"));
    assert.equal(ready.status, 200);
    const res = await stack.query(`{ serviceItems(keyword: "退休") { code name } }`, undefined, "anonymous");
    assert.equal(res.status, 200);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.ok(res.data.serviceItems.length > 0, "the service guide lists retirement items");
    assert.ok(res.data.serviceItems.every((item: { code: string; name: string }) => item.code && item.name.length > 0));
    const board = await stack.query(
      `{ jobPostings(first: 3) { totalCount edges { node { title } } } }`,
      undefined,
      "anonymous",
    );
    assert.equal(board.errors, undefined, JSON.stringify(board.errors));
  });
});
