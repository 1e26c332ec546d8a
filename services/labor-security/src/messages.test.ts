import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { graphql } from "graphql";
import { catalogueEntries, placeholdersOf, type Message } from "@onewindow/contracts/i18n";
import { openDepartmentDatabase, rejectsWith } from "@onewindow/testing";
import { laborSecurity } from "./index";
import { person } from "./labor-security.fixture";
import * as catalogues from "./messages";

/*
 * The department's texts: a refusal reaches the client with the Chinese a clerk reads in
 * `extensions.localizedMessage` and the English in `message`; every text of the catalogue is
 * written in both languages with the same placeholders.
 */

test("a refusal carries the Chinese in extensions.localizedMessage and the English in message", async () => {
  const { services: s, schema, context } = await openDepartmentDatabase(laborSecurity);
  const idNumber = person(1);
  await s.citizens.register({ idNumber, name: "张三" });
  const err = await rejectsWith(s.citizens.register({ idNumber, name: "张三" }), "CONFLICT", {
    message: new RegExp(`^citizen ${idNumber} is already registered$`),
  });
  assert.equal(err.extensions.localizedMessage, `身份证号码 ${idNumber} 已登记，不能重复登记`);

  // Through the schema, as the gateway receives it: a rule's refusal names its field and reason too.
  const answer = await graphql({
    schema,
    source: `mutation ($i: RecordReferralOutcomeInput!) { recordReferralOutcome(input: $i) { status } }`,
    variableValues: { i: { referralId: "x", outcome: "HIRED" } },
    contextValue: context({ userId: "clerk", roles: ["window_clerk"], purpose: "unit test" }),
  });
  const [error] = answer.errors ?? [];
  assert.ok(error, JSON.stringify(answer));
  assert.equal(error.message, "referralId: not a referral id: x");
  assert.deepEqual(error.extensions, {
    code: "BAD_USER_INPUT",
    field: "referralId",
    localizedMessage: "推荐编号无效：x",
  });
});

test("every text is written in Chinese and English, with the Chinese placeholders in the English", () => {
  const entries = Object.values(catalogues).flatMap((catalogue) =>
    catalogueEntries(catalogue as Readonly<Record<string, Message>>),
  );
  assert.ok(entries.length > 100, `${entries.length} texts`);
  for (const { key, zh, en } of entries) {
    assert.match(key, /^labor(\.[a-z]+)?\.[a-zA-Z0-9]+$/);
    assert.match(zh, /\p{Script=Han}/u, `${key}: Chinese`);
    assert.ok(en.trim().length > 0, `${key}: English`);
    const inEnglish = new Set(placeholdersOf(en));
    for (const name of placeholdersOf(zh)) assert.ok(inEnglish.has(name), `${key}: {${name}} missing in English`);
  }
});
