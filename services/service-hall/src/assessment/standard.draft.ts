import type { StandardData, StandardPointData, StandardTargetData } from "./standard";

/*
 * The demo version of the window standard. The source texts give only its shape (4 categories,
 * 17 targets, 38 points) and its spirit: 亮身份、亮职责、亮承诺 (show who you are, what you do and
 * what you promise), 比技能、比作风、比业绩 (compare skills, conduct and results), assessed by
 * self, leader and peer review. The wording, the weights and the bars below are this project's
 * own drafting from that spirit, marked `draft: true`, to be replaced by the official text (an
 * administrator loads it as a new version with `loadAssessmentStandard`). The migration that
 * seeds it reads this file: leave it as it is and load corrections as new versions.
 */

const point = (code: string, text: string, weight: number, bar: number): StandardPointData => ({
  code,
  text,
  weight,
  bar,
});
const target = (code: string, text: string, points: StandardPointData[]): StandardTargetData => ({
  code,
  text,
  weight: points.reduce((s, p) => s + p.weight, 0),
  points,
});

export const DRAFT_STANDARD_VERSION = "2025-DRAFT";

export const DRAFT_STANDARD: StandardData = {
  version: DRAFT_STANDARD_VERSION,
  title: "窗口服务标准（演示稿）",
  draft: true,
  sourceNote:
    "本版本为项目依据公开资料所述精神（亮身份、亮职责、亮承诺；比技能、比作风、比业绩；自评、领导评、互评）自行拟定的演示稿，" +
    "仅类、项、测评点的数量（4类17项38个测评点）与资料一致；条文、权重和合格线均非官方文本，待正式标准发布后以新版本替换。",
  categories: [
    {
      code: "C1",
      name: "窗口形象（亮身份、亮职责、亮承诺）",
      weight: 20,
      targets: [
        target("T01", "亮身份", [
          point("P01", "工作人员佩戴工作牌，桌牌标明姓名、工号和岗位", 3, 2),
          point("P02", "党员先锋岗、巾帼文明岗等身份标识醒目", 2, 1),
        ]),
        target("T02", "亮职责", [
          point("P03", "窗口公示岗位职责和可办理事项", 3, 2),
          point("P04", "公示办事指南、所需材料和办理时限", 2, 1),
        ]),
        target("T03", "亮承诺", [
          point("P05", "公示服务承诺和监督电话", 3, 2),
          point("P06", "承诺事项定期践诺评诺，结果公示", 2, 1),
        ]),
        target("T04", "环境秩序", [
          point("P07", "窗口整洁，物品摆放有序", 3, 2),
          point("P08", "叫号、导引和便民设施完好可用", 2, 1),
        ]),
      ],
    },
    {
      code: "C2",
      name: "服务规范",
      weight: 30,
      targets: [
        target("T05", "仪容举止", [
          point("P09", "着装整洁，举止端庄", 3, 2),
          point("P10", "不在窗口进食、闲聊或玩手机", 3, 2),
        ]),
        target("T06", "文明用语", [
          point("P11", "使用普通话和文明用语，接待热情", 3, 2),
          point("P12", "无推诿、冷漠、顶撞群众现象", 3, 2),
        ]),
        target("T07", "首问负责与一次告知", [
          point("P13", "首问负责，非本窗口事项指引到位", 3, 2),
          point("P14", "一次性告知所需材料，不让群众多跑", 3, 2),
        ]),
        target("T08", "限时办结", [
          point("P15", "按承诺时限办结", 2, 1),
          point("P16", "即办件当场办结", 2, 1),
          point("P17", "超期件说明原因并跟踪办结", 2, 1),
        ]),
        target("T09", "制度执行", [
          point("P18", "按时到岗，不脱岗、不空岗", 3, 2),
          point("P19", "落实AB岗和请假顶岗制度", 3, 2),
        ]),
      ],
    },
    {
      code: "C3",
      name: "比技能、比作风",
      weight: 25,
      targets: [
        target("T10", "业务技能", [
          point("P20", "熟悉本窗口政策和办理流程", 3, 2),
          point("P21", "具备一窗受理、综合办理能力", 3, 2),
          point("P22", "参加业务培训，考试合格", 2, 1),
        ]),
        target("T11", "作风纪律", [
          point("P23", "廉洁办事，无吃拿卡要", 4, 4),
          point("P24", "无违规收费或变相收费", 2, 2),
        ]),
        target("T12", "学习创新", [
          point("P25", "提出并落实便民服务改进措施", 3, 1),
          point("P26", "推行网上办理，减少群众跑腿", 3, 1),
        ]),
        target("T13", "团队协作", [
          point("P27", "窗口之间衔接顺畅，联办事项协同", 3, 2),
          point("P28", "传帮带，互助补位", 2, 1),
        ]),
      ],
    },
    {
      code: "C4",
      name: "比业绩",
      weight: 25,
      targets: [
        target("T14", "办件质量", [
          point("P29", "办件差错率控制在规定范围内", 3, 2),
          point("P30", "办件材料规范完整，及时归档", 2, 1),
          point("P31", "按期办结率达标", 3, 2),
        ]),
        target("T15", "群众满意", [
          point("P32", "满意度评价达标", 3, 2),
          point("P33", "无有效投诉", 3, 2),
          point("P34", "不满意评价按期整改", 2, 1),
        ]),
        target("T16", "整改落实", [
          point("P35", "测评和巡查发现的问题按期整改", 3, 2),
          point("P36", "意见簿和监督员意见件件有回应", 2, 1),
        ]),
        target("T17", "示范带动", [
          point("P37", "获评服务之星、先锋岗等荣誉", 2, 0),
          point("P38", "经验做法被推广或通报表扬", 2, 0),
        ]),
      ],
    },
  ],
};
