import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { checkIdNumber, idNumberCheckCharacter, makeIdNumber, parseIdNumber } from "./id-number";

test("accepts the GB 11643 worked example and reads birth date and gender", () => {
  // The standard's own example: 11010519491231002X, a woman born 1949-12-31.
  assert.deepEqual(checkIdNumber("11010519491231002X"), {
    idNumber: "11010519491231002X",
    region: "110105",
    birthDate: "1949-12-31",
    gender: "FEMALE",
  });
  // The other common textbook example, 440524188001010014 (born 1880, so only its check character).
  assert.equal(idNumberCheckCharacter("44052418800101001"), "4");
});

test("accepts a lower-case x and normalises it", () => {
  assert.equal((checkIdNumber("11010519491231002x") as { idNumber: string }).idNumber, "11010519491231002X");
});

test("says exactly what is wrong", () => {
  const cases: [string, string][] = [
    ["110105194912310021", "check character should be X, got 1"],
    ["330102199002301234", "birth date 1990-02-30 does not exist"],
    ["33010219900230", "must be 18 characters, got 14"],
    ["3301021990023012AB", "must be 17 digits followed by a digit or X"],
    ["990102199001011234", "region code 990102 is not a known province"],
    ["330102189901011234", "birth date 1899-01-01 is before 1900"],
    ["330102299901011234", "birth date 2999-01-01 is in the future"],
  ];
  for (const [input, problem] of cases) assert.deepEqual(checkIdNumber(input), { problem }, input);
});

test("parseIdNumber throws BAD_USER_INPUT naming the field", () => {
  assert.throws(
    () => parseIdNumber("110105194912310021", "input.idNumber"),
    (err: any) => {
      assert.equal(err.extensions.code, "BAD_USER_INPUT");
      assert.equal(err.extensions.field, "input.idNumber");
      assert.match(err.message, /check character should be X/);
      return true;
    },
  );
});

test("makeIdNumber builds numbers that validate, with the gender of the sequence", () => {
  for (let seq = 0; seq < 200; seq++) {
    const id = makeIdNumber("330104", "1966-02-28", seq);
    const info = checkIdNumber(id);
    assert.ok(!("problem" in info), id);
    assert.equal((info as { gender: string }).gender, seq % 2 ? "MALE" : "FEMALE");
  }
});
