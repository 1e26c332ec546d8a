import { addDays, makeCreditCode, makeIdNumber } from "./identifiers";
import { SeededRandom } from "./seeded-random";

/** Hangzhou's districts and counties (GB/T 2260 codes) that ID numbers and credit codes carry. */
export const HANGZHOU_REGIONS = [
  "330102",
  "330105",
  "330106",
  "330108",
  "330109",
  "330110",
  "330111",
  "330112",
  "330113",
  "330114",
  "330122",
  "330127",
  "330182",
] as const;

/** Communities of Kaixuan street (凯旋街道), Shangcheng district, where the service centre stands. */
export const COMMUNITIES = [
  "景芳社区",
  "南肖埠社区",
  "三里亭社区",
  "凯旋社区",
  "景华社区",
  "景昙社区",
  "新塘社区",
  "红梅社区",
  "采荷社区",
  "濮家社区",
];

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊孟秦白江阎";
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国红玉兰志强海燕文斌晓东雪梅佳怡浩宇子涵欣怡俊杰梓萱雨轩浩然";
const EDUCATION = [
  "PRIMARY",
  "JUNIOR_HIGH",
  "SENIOR_HIGH",
  "VOCATIONAL",
  "JUNIOR_COLLEGE",
  "BACHELOR",
  "POSTGRADUATE",
] as const;
const HOUSING = ["OWNED", "RENTED", "PUBLIC_RENTAL", "WITH_FAMILY"] as const;
const FIRST_DAY = "1941-01-01";
const DAYS = 24_100; // 1941-01-01 .. about 2006-12-31: residents aged 19 to 85
const STEP = 7_919; // prime, coprime with DAYS: spreads consecutive residents over all birth dates

/**
 * The size and the day of a demo data set: every department's seed derives the same residents
 * and employers from these three.
 */
export interface DemoPopulation {
  /** How many residents (`demoPerson(0 … citizens - 1)`). */
  citizens: number;
  /** How many employers (`demoEmployer(0 … employers - 1)`); residents work at one of them. */
  employers: number;
  /** The day the data set is written (YYYY-MM-DD): ages, statuses and dates count back from it. */
  today: string;
}

/** What the demo data says about one resident, before any department records it. */
export interface DemoPerson {
  idNumber: string;
  name: string;
  gender: "MALE" | "FEMALE";
  birthDate: string;
  community: string;
  address: string;
  educationLevel: (typeof EDUCATION)[number];
  housingStatus: (typeof HOUSING)[number];
  household: string;
  /** What labor security records: retired, employed (at employer index), registered unemployed, or nothing. */
  status: "RETIRED" | "EMPLOYED" | "UNEMPLOYED" | "NOT_REGISTERED";
  employerIndex: number;
  /** Start of the current job, the unemployment registration or the retirement. */
  since: string;
  /** Monthly wage in yuan while employed. */
  monthlyWage: number;
}

/**
 * The i-th demo resident: deterministic, so every department's seeder (and a test) derives the
 * same people without reading each other's databases. ID numbers are unique for any i below
 * 24,100 × 450 (about ten million).
 */
export function demoPerson(i: number, employers: number, today: string): DemoPerson {
  const rnd = new SeededRandom(i * 2_654_435_761 + 17);
  const region = HANGZHOU_REGIONS[i % HANGZHOU_REGIONS.length];
  // Residents with the same birth date differ in i by a multiple of DAYS, so in sequence.
  const birthDate = addDays(FIRST_DAY, (i * STEP) % DAYS);
  const male = rnd.chance(0.5);
  const sequence = 100 + Math.floor(i / DAYS) * 2 + (male ? 1 : 0);
  const idNumber = makeIdNumber(region, birthDate, sequence);
  const gender = male ? "MALE" : "FEMALE";
  const age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const name = rnd.pick([...SURNAMES]) + rnd.pick([...GIVEN]) + (rnd.chance(0.6) ? rnd.pick([...GIVEN]) : "");
  const community = COMMUNITIES[Math.floor(i / 3) % COMMUNITIES.length];
  let status: DemoPerson["status"] = "NOT_REGISTERED";
  let since = addDays(today, -rnd.int(30, 3000));
  const retirementAge = male ? 60 : 55;
  if (age >= retirementAge + 1 && rnd.chance(0.85)) {
    status = "RETIRED";
    since = `${Number(birthDate.slice(0, 4)) + retirementAge}${birthDate.slice(4, 8)}01`;
  } else if (age < retirementAge) {
    const roll = rnd.next();
    if (roll < 0.78) status = "EMPLOYED";
    else if (roll < 0.86) status = "UNEMPLOYED";
    if (status !== "NOT_REGISTERED" && since < addDays(birthDate, 18 * 366)) since = addDays(birthDate, 18 * 366);
  }
  return {
    idNumber,
    name,
    gender,
    birthDate,
    community,
    address: `杭州市上城区${community.replace("社区", "")}${rnd.int(1, 60)}幢${rnd.int(1, 6)}单元${rnd.int(101, 1802)}室`,
    educationLevel: EDUCATION[Math.min(EDUCATION.length - 1, Math.floor(rnd.next() * rnd.next() * 9))],
    housingStatus: rnd.pick(HOUSING),
    household: `3301${String(Math.floor(i / 3)).padStart(9, "0")}`,
    status,
    employerIndex: rnd.int(0, Math.max(0, employers - 1)),
    since,
    monthlyWage: rnd.int(28, 250) * 100,
  };
}

const INDUSTRIES = [
  "制造业",
  "批发和零售业",
  "住宿和餐饮业",
  "信息技术服务业",
  "建筑业",
  "交通运输业",
  "教育",
  "卫生和社会工作",
  "金融业",
  "居民服务业",
];
const WORDS = [
  "凯旋",
  "景芳",
  "钱江",
  "西子",
  "之江",
  "运河",
  "天堂",
  "望江",
  "城东",
  "新塘",
  "艮山",
  "采荷",
  "庆春",
  "明珠",
  "恒信",
  "华丰",
];
const SUFFIX: Record<string, string[]> = {
  制造业: ["机械制造", "电子科技", "服装", "五金"],
  批发和零售业: ["商贸", "超市", "贸易"],
  住宿和餐饮业: ["餐饮管理", "酒店管理"],
  信息技术服务业: ["网络科技", "信息技术", "软件"],
  建筑业: ["建设工程", "装饰工程"],
  交通运输业: ["物流", "运输"],
  教育: ["教育咨询", "培训"],
  卫生和社会工作: ["医疗管理", "养老服务"],
  金融业: ["投资管理", "融资担保"],
  居民服务业: ["家政服务", "物业管理"],
};

/** What the demo data says about one employer. */
export interface DemoEmployer {
  creditCode: string;
  name: string;
  industry: string;
  address: string;
}

/** The j-th demo employer. */
export function demoEmployer(j: number): DemoEmployer {
  const rnd = new SeededRandom(j * 40_503 + 99);
  const industry = INDUSTRIES[j % INDUSTRIES.length];
  const region = HANGZHOU_REGIONS[j % HANGZHOU_REGIONS.length];
  return {
    creditCode: makeCreditCode(region, 10_000_000 + j * 37),
    name: `杭州${rnd.pick(WORDS)}${rnd.pick(SUFFIX[industry])}有限公司${j >= WORDS.length * 4 ? `第${j}分公司` : ""}`,
    industry,
    address: `杭州市上城区${rnd.pick(WORDS)}路${rnd.int(1, 999)}号`,
  };
}

const JOBS: Record<string, [string, string][]> = {
  制造业: [
    ["数控车工", "持中级工证，三年以上经验"],
    ["装配工", "身体健康，能适应倒班"],
    ["质检员", "中专以上学历"],
  ],
  批发和零售业: [
    ["营业员", "吃苦耐劳，会基本电脑操作"],
    ["理货员", "能适应早班"],
  ],
  住宿和餐饮业: [
    ["厨师", "持厨师证"],
    ["服务员", "形象好，服务意识强"],
    ["前台接待", "会简单英语"],
  ],
  信息技术服务业: [
    ["软件工程师", "本科以上，熟悉Java或TypeScript"],
    ["运维工程师", "熟悉Linux"],
  ],
  建筑业: [
    ["电工", "持电工上岗证"],
    ["施工员", "建筑类专业"],
  ],
  交通运输业: [
    ["货车司机", "持B2驾照"],
    ["快递员", "熟悉杭州城区道路"],
  ],
  教育: [
    ["培训讲师", "大专以上学历"],
    ["课程顾问", "沟通能力强"],
  ],
  卫生和社会工作: [
    ["护理员", "持养老护理员证"],
    ["保洁员", "身体健康"],
  ],
  金融业: [["客户经理", "本科以上，金融类专业"]],
  居民服务业: [
    ["家政服务员", "持健康证"],
    ["保安", "退伍军人优先"],
    ["物业管理员", "高中以上学历"],
  ],
};

/** The k-th demo job posting, at a demo employer. */
export function demoJobPosting(k: number, employers: number, today: string) {
  const rnd = new SeededRandom(k * 7_919 + 3);
  const employerIndex = k % employers;
  const employer = demoEmployer(employerIndex);
  const [title, requirements] = rnd.pick(JOBS[employer.industry]);
  const salaryMin = rnd.int(30, 120) * 100;
  const minAge = rnd.chance(0.5) ? 18 : null;
  return {
    creditCode: employer.creditCode,
    title,
    requirements,
    genderRequirement: "ANY",
    minAge,
    maxAge: minAge === null ? null : rnd.pick([35, 45, 50, 55]),
    salaryMinFen: salaryMin * 100,
    salaryMaxFen: (salaryMin + rnd.int(5, 40) * 100) * 100,
    vacancies: rnd.int(1, 10),
    publishedOn: addDays(today, -rnd.int(0, 120)),
    expiresOn: rnd.chance(0.8) ? addDays(today, rnd.int(-30, 90)) : null,
  };
}
