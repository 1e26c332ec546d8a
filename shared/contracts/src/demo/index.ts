/**
 * `@onewindow/contracts/demo`: the demo population every department's seed agrees on. Each
 * department writes its own records of the same deterministic residents, employers and job
 * postings (`demoPerson`, `demoEmployer`, `demoJobPosting`), so the demo data agrees across
 * departments without any of them importing another or reading another's tables. With it, what
 * it is made with: a seeded PRNG and valid ID numbers and credit codes, which the platform
 * re-exports. A separate entry: the main entry of contracts stays types and constants.
 */
export {
  COMMUNITIES,
  HANGZHOU_REGIONS,
  demoEmployer,
  demoJobPosting,
  demoPerson,
  type DemoEmployer,
  type DemoPerson,
  type DemoPopulation,
} from "./demo-people";
export { SeededRandom } from "./seeded-random";
export {
  CREDIT_CODE_ALPHABET,
  addDays,
  creditCodeCheckCharacter,
  idNumberCheckCharacter,
  makeCreditCode,
  makeIdNumber,
  organizationCodeCheckCharacter,
} from "./identifiers";
