import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { isObjectType } from "graphql";
import { type Role } from "@onewindow/contracts";
import { makeCreditCode, makeIdNumber, declaredRoles } from "@onewindow/platform";
import { tax } from "./index";
import { allowed, auditRows, openDepartmentDatabase, refusedWith, rowCounts } from "@onewindow/testing";
import { TABLES } from "./tax.fixture";

/** Root fields anyone may call: federation's own (each entity's fields carry their own rules). */
const PUBLIC_ROOT_FIELDS = new Set(["Query._entities", "Query._service"]);

/** Types that are a person's records, or an employer's tax records: every field must name its readers. */
const GUARDED_TYPES = ["Citizen", "TaxReturn", "TaxSummary", "WithholdingReturn"];

const person = (n: number) => makeIdNumber("330104", "1980-05-05", n);
const company = (n: number) => makeCreditCode("330104", 30_000 + n);
const officer = (role: Role) => ({ userId: role, roles: [role], purpose: "unit test" });
const CLERK = officer("window_clerk");
const TAX = officer("tax_officer");

const CITIZENS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { taxSummary(year: 2023) { taxDue } taxReturns { year } } } }`;
const EMPLOYERS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employer { taxStanding taxArrears withholdingReturns { totalCount } } } }`;
const citizens = (...ids: string[]) => ({ r: ids.map((idNumber) => ({ __typename: "Citizen", idNumber })) });
const employers = (...codes: string[]) => ({ r: codes.map((creditCode) => ({ __typename: "Employer", creditCode })) });
const FILE = `mutation ($i: FileTaxReturnInput!) { fileTaxReturn(input: $i) { taxDue citizen { idNumber } } }`;
const WITHHOLD = `mutation ($i: FileWithholdingReturnInput!) { fileWithholdingReturn(input: $i) { period arrears } }`;
const aReturn = (idNumber: string) => ({ i: { idNumber, year: 2024, wageIncome: 70_000, taxWithheld: 100 } });
const aWithholding = {
  i: { creditCode: company(1), period: "2024-03", employees: 2, wagesTotal: 20_000, taxWithheld: 300, taxPaid: 300 },
};

/** Tax over a fresh database with two people's 2023 returns and one employer's withholding. */
async function seeded() {
  const t = await openDepartmentDatabase(tax);
  await t.services.taxReturns.file({ idNumber: person(1), year: 2023, wageIncome: 70_000, taxWithheld: 100 });
  await t.services.taxReturns.file({ idNumber: person(2), year: 2023, wageIncome: 90_000, taxWithheld: 100 });
  await t.services.withholdingReturns.file({
    creditCode: company(1),
    period: "2024-01",
    employees: 2,
    wagesTotal: 20_000,
    taxWithheld: 300,
    taxPaid: 200,
  });
  return t;
}

test("every root field of tax names its roles, or is on the public list", async () => {
  const { schema } = await seeded();
  for (const type of [schema.getQueryType()!, schema.getMutationType()!]) {
    for (const field of Object.keys(type.getFields())) {
      const name = `${type.name}.${field}`;
      if (PUBLIC_ROOT_FIELDS.has(name)) continue;
      assert.ok(
        declaredRoles(type.name, field)?.length,
        `${name} has no @Authorized: add one, or add it to the public list if anonymous callers may use it`,
      );
    }
  }
  for (const typeName of [...GUARDED_TYPES, "Employer"]) {
    const type = schema.getType(typeName);
    assert.ok(isObjectType(type), typeName);
    for (const field of Object.keys(type.getFields())) {
      // The credit code is the key the gateway hops on, and public on the business licence.
      if (typeName === "Employer" && field === "creditCode") continue;
      assert.ok(declaredRoles(typeName, field)?.length, `${typeName}.${field} has no @Authorized`);
    }
  }
  for (const field of Object.keys(schema.getMutationType()!.getFields()))
    assert.deepEqual(declaredRoles("Mutation", field), ["tax_officer"], field);
});

test("only tax officers file returns", async () => {
  const { db, run } = await seeded();
  const before = await rowCounts(db, TABLES);
  for (const role of [
    "labor_officer",
    "insurance_officer",
    "window_clerk",
    "analyst",
    "auditor",
    "citizen",
  ] as Role[]) {
    refusedWith(
      await run({ ...officer(role), idNumber: person(3) }, FILE, aReturn(person(3))),
      "FORBIDDEN",
      /fileTaxReturn/,
    );
    refusedWith(await run(officer(role), WITHHOLD, aWithholding), "FORBIDDEN", /fileWithholdingReturn/);
  }
  refusedWith(await run({}, FILE, aReturn(person(3))), "UNAUTHENTICATED");
  assert.deepEqual(await rowCounts(db, TABLES), before);
  assert.deepEqual(allowed(await run(TAX, FILE, aReturn(person(3)))).fileTaxReturn, {
    taxDue: 300,
    citizen: { idNumber: person(3) },
  });
  assert.deepEqual(allowed(await run({ ...TAX, purpose: null }, WITHHOLD, aWithholding)).fileWithholdingReturn, {
    period: "2024-03",
    arrears: 0,
  });
});

test("analysts and other departments' officers read no tax record", async () => {
  const { db, run } = await seeded();
  for (const role of ["analyst", "labor_officer", "insurance_officer", "hospital_admin", "auditor"] as Role[]) {
    refusedWith(await run(officer(role), CITIZENS, citizens(person(1))), "FORBIDDEN");
    refusedWith(
      await run(officer(role), EMPLOYERS, employers(company(1))),
      "FORBIDDEN",
      /Employer\.(taxStanding|taxArrears|withholdingReturns)/,
    );
  }
  refusedWith(await run({}, EMPLOYERS, employers(company(1))), "UNAUTHENTICATED");
  // Nothing was read, and each refusal is on the record (who, what, why).
  const refusals = await auditRows(db);
  assert.deepEqual(
    refusals.map((r) => r.outcome),
    Array(11).fill("refused"),
  );
  for (const r of refusals)
    assert.match(`${r.fields} ${r.reason}`, /^(Query|Mutation)\.\w+ (FORBIDDEN|UNAUTHENTICATED): ./);
  for (const who of [CLERK, TAX]) {
    assert.deepEqual(allowed(await run(who, CITIZENS, citizens(person(1))))._entities[0], {
      taxSummary: { taxDue: 300 },
      taxReturns: [{ year: 2023 }],
    });
    assert.deepEqual(allowed(await run(who, EMPLOYERS, employers(company(1))))._entities[0], {
      taxStanding: "ARREARS",
      taxArrears: 100,
      withholdingReturns: { totalCount: 1 },
    });
  }
});

test("a citizen reads their own tax position and nobody else's", async () => {
  const { run } = await seeded();
  const me = { userId: "me", roles: ["citizen"] as Role[], idNumber: person(1), purpose: "my own records" };
  assert.deepEqual(allowed(await run(me, CITIZENS, citizens(person(1))))._entities[0].taxSummary, {
    taxDue: 300,
  });
  refusedWith(await run(me, CITIZENS, citizens(person(2))), "FORBIDDEN", /another person/);
  refusedWith(await run(me, EMPLOYERS, employers(company(1))), "FORBIDDEN");
});

test("reading tax records without a stated purpose is FORBIDDEN and names x-access-purpose", async () => {
  const { db, run } = await seeded();
  refusedWith(await run({ ...CLERK, purpose: null }, CITIZENS, citizens(person(1))), "FORBIDDEN", /x-access-purpose/);
  const before = await rowCounts(db, TABLES);
  refusedWith(await run({ ...TAX, purpose: null }, FILE, aReturn(person(3))), "FORBIDDEN", /x-access-purpose/);
  assert.deepEqual(await rowCounts(db, TABLES), before);
  // An employer's standing is no one's personal data: no purpose needed.
  allowed(await run({ ...TAX, purpose: null }, EMPLOYERS, employers(company(1))));
  // Nothing was read, and each refusal is on the record (who, what, why).
  const refusals = await auditRows(db);
  assert.deepEqual(
    refusals.map((r) => r.outcome),
    Array(2).fill("refused"),
  );
  for (const r of refusals)
    assert.match(`${r.fields} ${r.reason}`, /^(Query|Mutation)\.\w+ (FORBIDDEN|UNAUTHENTICATED): ./);
});

test("the audit trail gets one row per citizen read, with the fields read", async () => {
  const { db, run } = await seeded();
  const clerk = { ...CLERK, userId: "clerk-5", purpose: "case HC-2025-003" };
  allowed(await run(clerk, CITIZENS, citizens(person(1), person(2))));
  allowed(await run(TAX, FILE, aReturn(person(2))));
  allowed(await run(TAX, EMPLOYERS, employers(company(1))));
  const rows = (await auditRows(db)).map((r) => ({
    idNumber: r.idNumber,
    fields: r.fields,
    roles: r.roles,
    purpose: r.purpose,
    userId: r.userId,
    department: r.department,
  }));
  const read = (idNumber: string, fields: string, who: { roles: Role[]; purpose: string; userId: string }) => ({
    idNumber,
    fields,
    roles: who.roles.join(","),
    purpose: who.purpose,
    userId: who.userId,
    department: "tax",
  });
  assert.deepEqual(rows, [
    read(person(1), "taxReturns,taxSummary", clerk),
    read(person(2), "taxReturns,taxSummary", clerk),
    read(person(2), "Mutation.fileTaxReturn,TaxReturn.citizen,TaxReturn.taxDue", TAX),
  ]);
});

test("the limits set by notice are read by clerks, officers and citizens; only a tax officer changes one, and it is audited", async () => {
  const { db, run } = await seeded();
  const READ = `{ taxLimits(year: 2025) { item fromYear toYear amount unit source } }`;
  const SET = `mutation ($i: SetTaxLimitInput!) { setTaxLimit(input: $i) { item fromYear amount source } }`;
  const change = {
    i: { item: "HOUSING_RENT_TIER_3", fromYear: 2027, amount: 900, source: "国发〔2099〕2号 (test)" },
  };
  const limits = allowed(await run(CLERK, READ)).taxLimits;
  assert.deepEqual(
    limits.find((l: { item: string }) => l.item === "CHILD_EDUCATION"),
    {
      item: "CHILD_EDUCATION",
      fromYear: 2023,
      toYear: null,
      amount: 2000,
      unit: "YUAN_PER_MONTH",
      source: "国发〔2023〕13号",
    },
  );
  assert.equal(limits.find((l: { item: string }) => l.item === "RECONCILIATION_EXEMPT_INCOME").amount, 120_000);
  allowed(await run({ userId: "me", roles: ["citizen"], idNumber: person(1), purpose: null }, READ));
  refusedWith(await run({}, READ), "UNAUTHENTICATED");
  for (const role of ["window_clerk", "analyst", "auditor", "citizen", "labor_officer"] as Role[])
    refusedWith(await run(officer(role), SET, change), "FORBIDDEN", /setTaxLimit/);
  assert.deepEqual(allowed(await run({ ...TAX, userId: "officer-7" }, SET, change)).setTaxLimit, {
    item: "HOUSING_RENT_TIER_3",
    fromYear: 2027,
    amount: 900,
    source: "国发〔2099〕2号 (test)",
  });
  const rows = await auditRows(db);
  const done = rows.filter((r) => r.outcome !== "refused");
  assert.ok(
    done.some((r) => r.userId === "officer-7" && /Mutation\.setTaxLimit/.test(r.fields)),
    JSON.stringify(done),
  );
  assert.equal(rows.filter((r) => r.outcome === "refused" && /setTaxLimit/.test(`${r.fields} ${r.reason}`)).length, 5);
});
