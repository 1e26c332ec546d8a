import { test } from "@jest/globals";
import assert from "node:assert/strict";
import type { LocalizedText } from "@onewindow/contracts/i18n";
import { checkIdNumber, idNumberCheckCharacter, makeIdNumber, parseIdNumber } from "./id-number";

test("accepts the GB 11643 worked example and reads birth date and gender", () => {
  // The standard's own example: 11010519491231002X, a woman born 1949-12-31.
  assert.deepEqual(checkIdNumber("11010519491231002X"), {
    idNumber: "11010519491231002X",
    region: "110105",
    kind: "RESIDENT",
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
    ["770102199001011234", "region code 770102 is not a known province"],
    ["990102199001011234", "foreign permanent resident number 990102: 90 is not a province"],
    ["810102199001011234", "region code 810102 is not 810000, 820000 or 830000 (residence permit)"],
    ["330102189901011234", "birth date 1899-01-01 is before 1900"],
    ["330102299901011234", "birth date 2999-01-01 is in the future"],
  ];
  for (const [input, problem] of cases) {
    const result = checkIdNumber(input);
    assert.ok("problem" in result, input);
    assert.equal(result.problem.en, problem, input);
    assert.match(result.problem.zh, /[\u4e00-\u9fff]/, input);
  }
});

test("accepts Hong Kong, Macao and Taiwan residence permit numbers (810000, 820000, 830000)", () => {
  // 国办发〔2018〕81号: the permit's number has the structure of a resident ID number, region 8x0000.
  for (const [region, birthDate] of [
    ["810000", "1988-07-01"],
    ["820000", "1999-12-20"],
    ["830000", "1975-10-25"],
  ]) {
    const id = makeIdNumber(region, birthDate, 13);
    assert.deepEqual(checkIdNumber(id), {
      idNumber: id,
      region,
      kind: "HMT_RESIDENCE_PERMIT",
      birthDate,
      gender: "MALE",
    });
    const wrong = id.slice(0, 17) + (id[17] === "0" ? "1" : "0");
    assert.match((checkIdNumber(wrong) as { problem: LocalizedText }).problem.en, /check character should be/);
  }
});

test("accepts the 2023 foreigner's permanent residence card number: 9, province, nationality, birth date", () => {
  // 9 + 11 (accepted in Beijing) + 840 (United States, GB/T 2659 numeric) + 1985-04-12 + sequence 024.
  const id = makeIdNumber("911840", "1985-04-12", 24);
  assert.equal(id.slice(0, 17), "91184019850412024");
  // The check character by hand: sum of digits x weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
  const sum = [9, 1, 1, 8, 4, 0, 1, 9, 8, 5, 0, 4, 1, 2, 0, 2, 4].reduce(
    (acc, d, i) => acc + d * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i],
    0,
  );
  assert.equal(id[17], "10X98765432"[sum % 11]);
  assert.deepEqual(checkIdNumber(id), {
    idNumber: id,
    region: "911840",
    kind: "FOREIGN_PERMANENT_RESIDENT",
    birthDate: "1985-04-12",
    gender: "FEMALE",
  });
  // 71 is Taiwan's code in GB/T 2260, not a place where the immigration administration accepts applications.
  assert.match(
    (checkIdNumber(makeIdNumber("971840", "1985-04-12", 24)) as { problem: LocalizedText }).problem.en,
    /71 is not a province/,
  );
  assert.match(
    (checkIdNumber(makeIdNumber("911840", "1985-02-30", 24)) as { problem: LocalizedText }).problem.en,
    /1985-02-30 does not exist/,
  );
});

test("parseIdNumber throws BAD_USER_INPUT naming the field", () => {
  assert.throws(
    () => parseIdNumber("110105194912310021", "input.idNumber"),
    (err: any) => {
      assert.equal(err.extensions.code, "BAD_USER_INPUT");
      assert.equal(err.extensions.field, "input.idNumber");
      assert.match(err.message, /check character should be X/);
      assert.equal(err.extensions.localizedMessage, "身份证号码校验位应为 X，现为 1");
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
