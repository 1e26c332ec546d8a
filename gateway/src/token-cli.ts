import { parseArgs } from "node:util";
import { isRole, ROLES, type Role } from "@onewindow/contracts";
import { loadBaseConfig, parseIdNumber, tokenRolesProblem } from "@onewindow/platform/web";
import { issueDevToken } from "./auth/dev-token";
import { readMaxLifetime } from "./config";

/**
 * `npm run token -- --role ROLE [--role ROLE2] [--user ID] [--hospital CODE] [--id-number ID] [--name 姓名] [--ttl SECONDS]`:
 * prints a development token for the gateway started on the same DATA_DIR.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: "string", multiple: true },
      user: { type: "string" },
      hospital: { type: "string" },
      "id-number": { type: "string" },
      name: { type: "string" },
      ttl: { type: "string" },
      help: { type: "boolean" },
    },
  });
  const usage = `usage: npm run token -- --role ROLE [--user ID] [--hospital CODE] [--id-number ID] [--name 姓名] [--ttl SECONDS]\nroles: ${ROLES.join(", ")}`;
  if (values.help || !values.role?.length) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  const bad = values.role.find((r) => !isRole(r));
  if (bad) fail(`unknown role "${bad}"\n${usage}`);
  const roles = values.role as Role[];
  const problem = tokenRolesProblem({
    roles,
    hospitalCode: values.hospital ?? null,
    idNumber: values["id-number"] ?? null,
  });
  if (problem) fail(`${problem.en}\n${usage}`);
  const idNumber = values["id-number"];
  if (idNumber) {
    try {
      parseIdNumber(idNumber, "--id-number");
    } catch (err) {
      fail((err as Error).message);
    }
  }
  const name = values.name?.trim();
  if (values.name !== undefined && !(name && name.length <= 40)) fail("--name must be 1 to 40 characters");
  const ttl = values.ttl === undefined ? undefined : Number(values.ttl);
  if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0)) fail("--ttl must be a whole number of seconds");
  const maxLifetime = readMaxLifetime(process.env);
  if (ttl !== undefined && ttl > maxLifetime)
    fail(`--ttl must be at most ${maxLifetime} seconds: the gateway refuses longer-lived tokens (JWT_MAX_LIFETIME)`);
  const { dataDir } = loadBaseConfig();
  console.log(
    await issueDevToken(dataDir, {
      roles,
      user: values.user,
      hospital: values.hospital,
      idNumber,
      name,
      ttlSeconds: ttl,
    }),
  );
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

main().catch((err) => fail((err as Error).message));
