import { HallDepartment } from "../catalogue/catalogue.enums";

const { LABOR_SECURITY, MEDICAL_INSURANCE, UNEMPLOYMENT, EMPLOYMENT_ASSISTANCE, ENTERPRISE_RETIREES, TAX } =
  HallDepartment;

/**
 * 江干区凯旋街道综合服务中心 as its published work report quotes it for the period "since the
 * 创先争优 campaign began": 受理办结业务7万余件, 按时办结率、现场办结率均为100%, 群众满意率达98%,
 * 发放群众评议表635余份, 汇总整改意见16条, 已落实解决16条, 限期内整改率达100%; 20余个办事服务窗口.
 * The demo period is 2008-01-01..2010-12-31 (the campaign years up to its 2010 award).
 */
export const KAIXUAN = {
  name: "凯旋街道综合服务中心",
  from: "2008-01-01",
  to: "2010-12-31",
  /** 7万余件: every case completed on its opening day (on time and on site). */
  casesHandled: 72_000,
  /** 635 evaluation forms, 16 of them UNSATISFIED: the 16 rectification items (整改意见16条). */
  formEvaluations: 635,
  formBasicallySatisfied: 48,
  unsatisfied: 16,
  /** The counter evaluators' ratings; with the forms, 784 of 800 satisfied = 98%. */
  deviceEvaluations: 165,
  deviceBasicallySatisfied: 12,
  /** Share of green-channel tickets (elderly, disabled), of appointments and of proxies (代办). */
  greenChannelShare: 0.03,
  appointmentShare: 0.05,
  proxyShare: 0.04,
  /** 22 windows (20余个办事服务窗口), each signposted for one line of business. */
  windows: [
    ...["01", "02", "03", "04", "05", "06"].map((window) => ({ window, department: LABOR_SECURITY })),
    ...["07", "08", "09", "10"].map((window) => ({ window, department: MEDICAL_INSURANCE })),
    ...["11", "12", "13"].map((window) => ({ window, department: UNEMPLOYMENT })),
    ...["14", "15", "16"].map((window) => ({ window, department: EMPLOYMENT_ASSISTANCE })),
    ...["17", "18", "19"].map((window) => ({ window, department: ENTERPRISE_RETIREES })),
    ...["20", "21", "22"].map((window) => ({ window, department: TAX })),
  ],
  /** How the cases spread over the lines of business. */
  departmentWeights: [
    { value: LABOR_SECURITY, weight: 30 },
    { value: MEDICAL_INSURANCE, weight: 22 },
    { value: UNEMPLOYMENT, weight: 12 },
    { value: EMPLOYMENT_ASSISTANCE, weight: 10 },
    { value: ENTERPRISE_RETIREES, weight: 12 },
    { value: TAX, weight: 14 },
  ],
  /** What the 16 rectification items were about, and what was done. */
  rectifications: [
    ["等候区座位不足，高峰时段群众站立等候", "休息区增设座椅20个，高峰时段开放备用窗口"],
    ["叫号屏显示不清，老年人看不清号码", "更换大字号显示屏并增加语音叫号"],
    ["退休审批所需材料说明不清，群众多次往返", "修订办事指南，实行一次性告知"],
    ["午间休息时段窗口无人办理", "实行午间轮岗，确保窗口不断档"],
    ["医保转移接续办理进度查询不便", "开通短信提醒，办结即时通知"],
    ["工作人员解释政策不够耐心", "开展服务礼仪和政策解读培训"],
    ["失业保险金申领表格填写复杂", "提供填写样表并安排导办员协助"],
    ["自助触摸电脑信息更新不及时", "指定专人每周更新政策和招聘信息"],
    ["纳税申报窗口排队时间长", "增开纳税申报窗口，推行预约服务"],
    ["窗口人员离岗未放置暂停服务牌", "落实离岗告示制度，纳入日巡查"],
    ["饮水机、老花镜等便民设施维护不及时", "建立便民设施每日检查台账"],
    ["就业援助政策宣传不到位", "每月开展民情直通车送政策活动"],
    ["代办业务手续要求不一致", "统一代办材料清单并公示"],
    ["意见簿反馈答复不及时", "实行意见簿每周汇总、限期答复"],
    ["绿色通道标识不明显", "在取号机和窗口增设绿色通道标识"],
    ["办结告知不规范", "统一办结告知单格式并加盖公章"],
  ] as const,
};
