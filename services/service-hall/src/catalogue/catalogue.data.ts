import { HallDepartment } from "./catalogue.enums";

/** One item of the guide as the catalogue migration inserts it. */
export interface CatalogueEntry {
  code: string;
  name: string;
  department: HallDepartment;
  departments: string[];
  materials: string[];
  steps: string[];
  legalBasis: string;
  timeLimitDays: number;
  feeFen: number;
  confirmedBy: string;
}

const ID = "居民身份证原件";
const COUNTER = ["窗口受理", "审核材料", "当场办结"];
const entry = (
  code: string,
  name: string,
  department: HallDepartment,
  departments: string[],
  materials: string[],
  legalBasis: string,
  timeLimitDays: number,
  steps: string[] = timeLimitDays === 0 ? COUNTER : ["窗口受理", "审核材料", "审批", "办结告知"],
  confirmedBy = "",
): CatalogueEntry => ({
  code,
  name,
  department,
  departments,
  materials,
  steps,
  legalBasis,
  timeLimitDays,
  feeFen: 0,
  confirmedBy,
});

const {
  LABOR_SECURITY: LS,
  MEDICAL_INSURANCE: MI,
  UNEMPLOYMENT: UE,
  EMPLOYMENT_ASSISTANCE: EA,
  ENTERPRISE_RETIREES: ER,
  TAX: TX,
} = HallDepartment;
const LABOR = "人力资源和社会保障局";
const SOCIAL_INSURANCE = "社会保险事业管理中心";
const MEDICAL = "医疗保障局";
const TAXATION = "税务局";
const STREET = "街道劳动保障管理站";
/** 《中华人民共和国增值税法》, in force from 2026-01-01 in place of 《中华人民共和国增值税暂行条例》. */
export const VAT_LAW = "《中华人民共和国增值税法》";

/**
 * The hall's service guide: item types a street service centre in Hangzhou handles for labour
 * security, medical insurance, unemployment, employment assistance, enterprise retirees and
 * tax. All items are free of charge, as public employment and social insurance services are by
 * law (就业促进法 第三十五条).
 */
export const CATALOGUE: CatalogueEntry[] = [
  entry(
    "LS001",
    "就业登记",
    LS,
    [STREET, LABOR],
    [ID, "劳动合同或用工证明"],
    "《就业服务与就业管理规定》第六十二条",
    0,
  ),
  entry(
    "LS002",
    "《就业创业证》申领",
    LS,
    [STREET, LABOR],
    [ID, "近期一寸免冠照片"],
    "《就业服务与就业管理规定》第六十三条",
    0,
  ),
  entry(
    "LS003",
    "劳动合同备案",
    LS,
    [STREET],
    ["用人单位营业执照复印件", "劳动合同文本"],
    "《中华人民共和国劳动合同法》",
    0,
  ),
  entry(
    "LS004",
    "社会保险个人权益记录查询打印",
    LS,
    [SOCIAL_INSURANCE],
    [ID],
    "《中华人民共和国社会保险法》第七十四条",
    0,
  ),
  entry(
    "LS005",
    "城乡居民基本养老保险参保登记",
    LS,
    [SOCIAL_INSURANCE],
    [ID, "户口簿"],
    "《中华人民共和国社会保险法》第二十条",
    0,
  ),
  entry(
    "LS006",
    "职工基本养老保险关系转移接续",
    LS,
    [SOCIAL_INSURANCE],
    [ID, "参保缴费凭证", "基本养老保险关系转移接续申请表"],
    "《城镇企业职工基本养老保险关系转移接续暂行办法》",
    15,
  ),
  entry(
    "LS007",
    "劳动保障监察投诉受理",
    LS,
    [LABOR, "劳动保障监察大队"],
    [ID, "投诉书", "劳动关系证明材料"],
    "《劳动保障监察条例》第十八条",
    5,
  ),
  entry(
    "LS008",
    "劳动人事争议调解申请",
    LS,
    [STREET, "劳动人事争议调解委员会"],
    [ID, "调解申请书", "证据材料"],
    "《中华人民共和国劳动争议调解仲裁法》第十四条",
    15,
  ),
  entry(
    "LS009",
    "职业技能培训补贴申领",
    LS,
    [LABOR],
    [ID, "职业资格或技能等级证书", "培训结业证明"],
    "《中华人民共和国就业促进法》第四十八条",
    10,
  ),
  entry(
    "UE001",
    "失业登记",
    UE,
    [STREET, LABOR],
    [ID, "解除或终止劳动合同证明"],
    "《就业服务与就业管理规定》第六十三条",
    0,
  ),
  entry(
    "UE002",
    "失业保险金申领",
    UE,
    [LABOR, SOCIAL_INSURANCE],
    [ID, "解除或终止劳动合同证明", "本人银行账户"],
    "《中华人民共和国社会保险法》第四十五条；《失业保险条例》第十四条",
    3,
  ),
  entry(
    "UE003",
    "失业保险期间医疗补助金申领",
    UE,
    [SOCIAL_INSURANCE],
    [ID, "医疗费用票据"],
    "《失业保险条例》第十条",
    5,
  ),
  entry(
    "UE004",
    "失业保险关系转移",
    UE,
    [SOCIAL_INSURANCE],
    [ID, "失业保险关系转移申请表"],
    "《失业保险条例》第二十二条",
    10,
  ),
  entry("UE005", "失业人员求职登记", UE, [STREET], [ID, "《就业创业证》"], "《就业服务与就业管理规定》第六十四条", 0),
  entry(
    "EA001",
    "就业困难人员认定（“4050”人员等）",
    EA,
    [STREET, LABOR],
    [ID, "户口簿", "《就业创业证》"],
    "《中华人民共和国就业促进法》第五十二条",
    5,
  ),
  entry(
    "EA002",
    "零就业家庭认定",
    EA,
    [STREET, LABOR],
    [ID, "户口簿", "家庭成员失业登记证明"],
    "《中华人民共和国就业促进法》第五十六条",
    5,
  ),
  entry(
    "EA003",
    "灵活就业人员社会保险补贴申领",
    EA,
    [LABOR, SOCIAL_INSURANCE],
    [ID, "社会保险缴费凭证"],
    "《中华人民共和国就业促进法》第五十二条",
    10,
  ),
  entry(
    "EA004",
    "公益性岗位安置申请",
    EA,
    [STREET, LABOR],
    [ID, "就业困难人员认定证明"],
    "《中华人民共和国就业促进法》第五十二条",
    10,
  ),
  entry(
    "EA005",
    "创业担保贷款申请",
    EA,
    [LABOR, "经办银行"],
    [ID, "营业执照", "创业计划书"],
    "《中华人民共和国就业促进法》第十五条",
    15,
  ),
  entry("EA006", "求职登记与职业介绍", EA, [STREET], [ID], "《就业服务与就业管理规定》第二十五条", 0),
  entry(
    "ER001",
    "企业职工退休审批",
    ER,
    [LABOR, MEDICAL, TAXATION],
    [ID, "户口簿", "本人档案", "职工退休申请表"],
    "《中华人民共和国社会保险法》第十六条；《国务院关于工人退休、退职的暂行办法》",
    15,
    [
      "窗口受理",
      "人社部门审批退休并核定基本养老金",
      "医保部门转入退休人员医保",
      "税务部门登记养老金免税收入",
      "各部门确认后办结",
    ],
    "labor,insurance,tax",
  ),
  entry("ER002", "退休人员社会化管理服务登记", ER, [STREET], [ID, "退休证"], "《中华人民共和国社会保险法》", 0),
  entry(
    "ER003",
    "退休人员养老金领取资格认证",
    ER,
    [SOCIAL_INSURANCE],
    [ID, "退休证"],
    "《中华人民共和国社会保险法》",
    0,
  ),
  entry(
    "ER004",
    "退休人员丧葬补助金、抚恤金申领",
    ER,
    [SOCIAL_INSURANCE],
    ["死亡证明", "申领人身份证", "亲属关系证明"],
    "《中华人民共和国社会保险法》第十七条",
    10,
  ),
  entry(
    "ER005",
    "退休人员基本医疗保险待遇核定",
    ER,
    [MEDICAL],
    [ID, "退休审批表"],
    "《中华人民共和国社会保险法》第二十七条",
    5,
  ),
  entry("ER006", "困难退休人员帮扶救助申请", ER, [STREET], [ID, "退休证", "家庭收入证明"], "《社会救助暂行办法》", 10),
  entry(
    "MI001",
    "职工基本医疗保险参保登记",
    MI,
    [MEDICAL],
    ["单位参保登记表", "职工身份证复印件"],
    "《中华人民共和国社会保险法》第二十三条",
    0,
  ),
  entry(
    "MI002",
    "城乡居民基本医疗保险参保登记",
    MI,
    [MEDICAL],
    [ID, "户口簿"],
    "《中华人民共和国社会保险法》第二十五条",
    0,
  ),
  entry(
    "MI003",
    "基本医疗保险关系转移接续",
    MI,
    [MEDICAL],
    [ID, "参保凭证"],
    "《流动就业人员基本医疗保障关系转移接续暂行办法》",
    15,
  ),
  entry("MI004", "异地就医备案", MI, [MEDICAL], [ID, "异地就医备案表"], "《中华人民共和国社会保险法》第二十九条", 0),
  entry(
    "MI005",
    "医疗费用零星报销",
    MI,
    [MEDICAL],
    [ID, "医疗费用发票", "费用明细清单", "出院小结"],
    "《中华人民共和国社会保险法》第二十八条",
    20,
  ),
  entry(
    "MI006",
    "门诊特殊病种待遇认定",
    MI,
    [MEDICAL],
    [ID, "病历资料", "诊断证明"],
    "《中华人民共和国社会保险法》第二十八条",
    10,
  ),
  entry(
    "MI007",
    "社会保障卡申领",
    MI,
    [SOCIAL_INSURANCE],
    [ID, "近期一寸免冠照片"],
    "《中华人民共和国社会保险法》第五十八条",
    10,
  ),
  entry(
    "TX001",
    "个人所得税综合所得年度汇算申报",
    TX,
    [TAXATION],
    [ID, "收入及扣除凭证"],
    "《中华人民共和国个人所得税法》第十条",
    0,
  ),
  entry(
    "TX002",
    "个体工商户税务登记信息确认",
    TX,
    [TAXATION],
    ["营业执照", "经营者身份证"],
    "《中华人民共和国税收征收管理法》第十五条",
    0,
  ),
  // The VAT Law (adopted 2024-12-25) is in force from 2026-01-01 and replaced the Provisional Regulations.
  entry("TX003", "增值税小规模纳税人申报", TX, [TAXATION], ["增值税纳税申报表"], VAT_LAW, 0),
  entry("TX004", "代开增值税发票", TX, [TAXATION], [ID, "合同或交易证明"], "《中华人民共和国发票管理办法》", 0),
  entry("TX005", "个人所得税纳税记录开具", TX, [TAXATION], [ID], "《中华人民共和国税收征收管理法》", 0),
  entry(
    "TX006",
    "退休人员基本养老金免税确认",
    TX,
    [TAXATION],
    [ID, "退休证"],
    "《中华人民共和国个人所得税法》第四条",
    0,
  ),
];
