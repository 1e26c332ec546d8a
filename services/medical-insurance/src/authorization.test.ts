import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { declaredRoles } from "@onewindow/platform";
import { isObjectType } from "graphql";
import type { Role } from "@onewindow/contracts";
import { MedicalInsuranceScheme } from "./enrolment/enrolment.enums";
import { allowed, auditRows, openDepartmentDatabase, refusedWith, rowCounts } from "@onewindow/testing";
import { medicalInsurance } from "./index";
import { company, person, TABLES } from "./medical-insurance.fixture";
import type { Services } from "./services";

/** Root fields anyone may call: federation's own (each entity's fields carry their own rules). */
const PUBLIC_ROOT_FIELDS = new Set(["Query._entities", "Query._service"]);

/** Types that are a person's records: every field must name its readers. */
const PERSONAL_TYPES = ["Citizen", "MedicalInsurance", "Claim"];

const officer = (role: Role) => ({ userId: role, roles: [role], purpose: "unit test" });
const CLERK = officer("window_clerk");
const INSURANCE = officer("insurance_officer");

const CITIZENS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { medicalInsurance { scheme monthlyContribution } insuranceClaims { totalCount } } } }`;
const EMPLOYERS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employer { insuredEmployeeCount monthlyContributions } } }`;
const citizens = (...ids: string[]) => ({ r: ids.map((idNumber) => ({ __typename: "Citizen", idNumber })) });
const employers = (...codes: string[]) => ({ r: codes.map((creditCode) => ({ __typename: "Employer", creditCode })) });
const ENROL = `mutation ($i: EnrollMedicalInsuranceInput!) { enrollMedicalInsurance(input: $i) { scheme since } }`;
const CLAIM = `mutation ($i: SubmitClaimInput!) { submitClaim(input: $i) { visitDate totalCost } }`;

async function seed(s: Services): Promise<void> {
  await s.enrolments.enroll({
    idNumber: person(1),
    scheme: MedicalInsuranceScheme.EMPLOYEE,
    creditCode: company(1),
    since: "2023-01-01",
  });
  await s.enrolments.enroll({ idNumber: person(2), scheme: MedicalInsuranceScheme.RESIDENT, since: "2023-01-01" });
  await s.claims.submit({
    idNumber: person(1),
    hospitalCode: "JD001",
    visitDate: "2024-03-05",
    totalCost: 100,
    drugCost: 40,
  });
}

test("every root field of medical insurance names its roles, or is on the public list", async () => {
  const { schema } = await openDepartmentDatabase(medicalInsurance);
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
  for (const typeName of [...PERSONAL_TYPES, "Employer"]) {
    const type = schema.getType(typeName);
    assert.ok(isObjectType(type), typeName);
    for (const field of Object.keys(type.getFields())) {
      // The credit code is the key the gateway hops on, and public on the business licence.
      if (typeName === "Employer" && field === "creditCode") continue;
      assert.ok(declaredRoles(typeName, field)?.length, `${typeName}.${field} has no @Authorized`);
    }
  }
  for (const field of Object.keys(schema.getMutationType()!.getFields()))
    assert.deepEqual(declaredRoles("Mutation", field), ["insurance_officer"], field);
});

test("only insurance officers run insurance mutations", async () => {
  const { db, run } = await openDepartmentDatabase(medicalInsurance);
  const enrol = { i: { idNumber: person(3), scheme: "RESIDENT", since: "2024-01-01" } };
  for (const role of [
    "labor_officer",
    "tax_officer",
    "window_clerk",
    "analyst",
    "hospital_admin",
    "auditor",
    "citizen",
  ] as Role[]) {
    refusedWith(
      await run({ ...officer(role), idNumber: person(3) }, ENROL, enrol),
      "FORBIDDEN",
      /enrollMedicalInsurance/,
    );
    refusedWith(
      await run({ ...officer(role), idNumber: person(3) }, CLAIM, {
        i: { idNumber: person(3), hospitalCode: "JD001", visitDate: "2024-03-05", totalCost: 1, drugCost: 0 },
      }),
      "FORBIDDEN",
      /submitClaim/,
    );
  }
  refusedWith(await run({}, ENROL, enrol), "UNAUTHENTICATED");
  assert.deepEqual(await rowCounts(db, TABLES), { enrolment: 0, claim: 0, outbox_event: 0 });
  assert.deepEqual(allowed(await run(INSURANCE, ENROL, enrol)).enrollMedicalInsurance, {
    scheme: "RESIDENT",
    since: "2024-01-01",
  });
});

test("analysts and other departments' officers read no insurance record", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(medicalInsurance);
  await seed(s);
  for (const role of ["analyst", "labor_officer", "tax_officer", "hospital_admin", "auditor"] as Role[]) {
    refusedWith(await run(officer(role), CITIZENS, citizens(person(1))), "FORBIDDEN");
    refusedWith(
      await run(officer(role), EMPLOYERS, employers(company(1))),
      "FORBIDDEN",
      /Employer\.insuredEmployeeCount/,
    );
  }
  // Nothing was read, and each refusal is on the record (who, what, why).
  const refusals = await auditRows(db);
  assert.deepEqual(
    refusals.map((r) => r.outcome),
    Array(10).fill("refused"),
  );
  for (const r of refusals)
    assert.match(`${r.fields} ${r.reason}`, /^(Query|Mutation)\.\w+ (FORBIDDEN|UNAUTHENTICATED): ./);
  // The clerk and the insurance officer do.
  for (const who of [CLERK, INSURANCE]) {
    const data = allowed(await run(who, CITIZENS, citizens(person(1))));
    assert.deepEqual(data._entities[0], {
      medicalInsurance: { scheme: "EMPLOYEE", monthlyContribution: 120 },
      insuranceClaims: { totalCount: 1 },
    });
    assert.deepEqual(allowed(await run(who, EMPLOYERS, employers(company(1))))._entities[0], {
      insuredEmployeeCount: 1,
      monthlyContributions: 570,
    });
  }
});

test("a citizen reads their own insurance and nobody else's", async () => {
  const { services: s, run } = await openDepartmentDatabase(medicalInsurance);
  await seed(s);
  const me = { userId: "me", roles: ["citizen"] as Role[], idNumber: person(2), purpose: "my own records" };
  assert.deepEqual(allowed(await run(me, CITIZENS, citizens(person(2))))._entities[0].medicalInsurance, {
    scheme: "RESIDENT",
    monthlyContribution: 73.33,
  });
  refusedWith(await run(me, CITIZENS, citizens(person(1))), "FORBIDDEN", /another person/);
  // One foreign person in a batch refuses the batch's read of them.
  refusedWith(await run(me, CITIZENS, citizens(person(2), person(1))), "FORBIDDEN", /another person/);
  refusedWith(await run(me, EMPLOYERS, employers(company(1))), "FORBIDDEN");
});

test("reading insurance records without a stated purpose is FORBIDDEN and names x-access-purpose", async () => {
  const { services: s, db, run } = await openDepartmentDatabase(medicalInsurance);
  await seed(s);
  refusedWith(await run({ ...CLERK, purpose: null }, CITIZENS, citizens(person(1))), "FORBIDDEN", /x-access-purpose/);
  // A write answers with the person's record: refused before anything is written.
  const before = await rowCounts(db, TABLES);
  refusedWith(
    await run({ ...INSURANCE, purpose: null }, CLAIM, {
      i: { idNumber: person(2), hospitalCode: "JD001", visitDate: "2024-03-05", totalCost: 1, drugCost: 0 },
    }),
    "FORBIDDEN",
    /x-access-purpose/,
  );
  assert.deepEqual(await rowCounts(db, TABLES), before);
  // Employer totals are no one's personal data: no purpose needed.
  allowed(await run({ ...INSURANCE, purpose: null }, EMPLOYERS, employers(company(1))));
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
  const { services: s, db, run } = await openDepartmentDatabase(medicalInsurance);
  await seed(s);
  const clerk = { ...CLERK, userId: "clerk-3", purpose: "case HC-2025-002" };
  allowed(await run(clerk, CITIZENS, citizens(person(1), person(2))));
  allowed(
    await run(INSURANCE, CLAIM, {
      i: { idNumber: person(2), hospitalCode: "JD001", visitDate: "2024-04-01", totalCost: 80, drugCost: 20 },
    }),
  );
  allowed(await run(INSURANCE, EMPLOYERS, employers(company(1))));
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
    department: "medical-insurance",
  });
  assert.deepEqual(rows, [
    read(person(1), "insuranceClaims,medicalInsurance", clerk),
    read(person(2), "insuranceClaims,medicalInsurance", clerk),
    read(person(2), "Mutation.submitClaim,Claim.totalCost,Claim.visitDate", INSURANCE),
  ]);
});
