import { defineMessages } from "@onewindow/contracts/i18n";

/*
 * Every text of labor security a person reads: refusals, and the reasons, notes and reminders
 * the department builds for the window. Chinese first, as a clerk reads it aloud to a citizen;
 * the English is the error's `message` for API clients. A part that has words of its own in each
 * language (a ground's name, the reasons of a refusal) is passed to `with` as `{ zh, en }`.
 */

/** The register of people and employers, jobs and unemployment registration. */
export const LABOR = defineMessages("labor", {
  citizenNotFound: {
    zh: "身份证号码 {idNumber} 尚未登记",
    en: "no citizen is registered with ID number {idNumber}",
  },
  citizenAlreadyRegistered: {
    zh: "身份证号码 {idNumber} 已登记，不能重复登记",
    en: "citizen {idNumber} is already registered",
  },
  employerNotFound: {
    zh: "统一社会信用代码 {creditCode} 的用人单位尚未登记",
    en: "no employer is registered with credit code {creditCode}",
  },
  employerAlreadyRegistered: {
    zh: "统一社会信用代码 {creditCode} 的用人单位已登记，不能重复登记",
    en: "employer {creditCode} is already registered",
  },
  retirementCategoryUnknown: {
    zh: "退休年龄类别应为 WORKER（工人）或 CADRE（干部）",
    en: "must be WORKER or CADRE",
  },
  retirementCategoryAfterRetirement: {
    zh: "公民 {idNumber} 已退休，退休年龄类别不再变更",
    en: "citizen {idNumber} is retired; the category no longer changes",
  },
  employmentAfterRetirement: {
    zh: "公民 {idNumber} 已退休，退休后的就业不在此登记",
    en: "citizen {idNumber} is retired; employment after retirement is not recorded here",
  },
  under16: {
    zh: "该公民 {date} 时未满 16 周岁",
    en: "the citizen would be under 16 on {date}",
  },
  currentJobStartedLater: {
    zh: "新工作开始日期 {startDate} 早于现有工作的开始日期 {currentStart}",
    en: "the current job started on {currentStart}, after {startDate}",
  },
  unemploymentAfterRetirement: {
    zh: "公民 {idNumber} 已退休，不能办理失业登记",
    en: "citizen {idNumber} is retired and cannot register as unemployed",
  },
  alreadyUnemployed: {
    zh: "公民 {idNumber} 已办理失业登记，不能重复登记",
    en: "citizen {idNumber} is already registered as unemployed",
  },
  unemploymentAtRetirementAge: {
    zh: "该公民 {statutoryDate} 已达法定退休年龄（{ageYears} 周岁 {ageMonths} 个月），{registeredOn} 不能办理失业登记",
    en: "at or past the statutory retirement date {statutoryDate} (age {ageYears} years {ageMonths} months) on {registeredOn}",
  },
  notADate: {
    zh: "日期应为实际存在的日历日期，格式 YYYY-MM-DD，现为 {value}",
    en: "expected an existing date as YYYY-MM-DD, got {value}",
  },
  endBeforeStart: {
    zh: "结束日期 {end} 早于开始日期 {start}",
    en: "the end {end} is before the start {start}",
  },
  oneOf: {
    zh: "应为 {allowed} 之一，现为 {value}",
    en: "unknown value {value}; one of {allowed}",
  },
});

/** Retirement: the statutory dates, flexible early and delayed retirement, the lawful grounds. */
export const LABOR_RETIREMENT = defineMessages("labor.retirement", {
  groundNeedsReference: {
    zh: "以“{ground}”提前退休须填写{evidence}",
    en: "a ground needs the document proving it: early retirement for {ground} needs {evidence}",
  },
  referenceWithoutGround: {
    zh: "未选择提前退休情形，不应填写证明文件编号",
    en: "a reference without a ground",
  },
  alreadyRetired: {
    zh: "公民 {idNumber} 已于 {retiredOn} 退休",
    en: "citizen {idNumber} retired on {retiredOn} already",
  },
  afterLatestDate: {
    zh: "退休日期 {retiredOn} 晚于最晚退休日期 {latestDate}（法定退休日期 {statutoryDate} 后弹性延迟最长 {maxDelayMonths} 个月）；逾期补办的，退休日期不得晚于 {latestDate}",
    en: "after the latest lawful retirement date {latestDate}: {retiredOn} (the statutory date {statutoryDate} and a flexible delay of at most {maxDelayMonths} months); a late application retires on {latestDate} at the latest",
  },
  beforeEarliestDate: {
    zh: "退休日期 {retiredOn} 早于最早可退休日期 {earliestDate}（法定退休日期 {statutoryDate}，弹性提前退休最长 {maxEarlyMonths} 个月且不得早于原法定退休年龄 {originalAgeYears} 周岁）；更早退休须有法定提前退休情形（earlyRetirementGround）",
    en: "before the earliest lawful retirement date {earliestDate}: {retiredOn} (the statutory date {statutoryDate}, flexible early retirement at most {maxEarlyMonths} months before it and never below the original age of {originalAgeYears}); earlier retirement needs a lawful ground (earlyRetirementGround)",
  },
  belowGroundAge: {
    zh: "以“{ground}”提前退休，{gender}职工须年满 {minAge} 周岁（{source}）；该公民 {retiredOn} 时 {age} 周岁，最早 {from}",
    en: "below the ground's minimum age {minAge}: early retirement for {ground} needs {gender} employees of {minAge} or over ({source}); the citizen is {age} on {retiredOn}, {from} at the earliest",
  },
  men: { zh: "男", en: "men" },
  women: { zh: "女", en: "women" },
  targetBelowOriginal: {
    zh: "目标年龄 {target} 不得低于原法定退休年龄 {original}",
    en: "must not be below originalAgeYears {original}, got {target}",
  },
  startBirthMonth: {
    zh: "出生起始年月应为 YYYY-MM，现为 {value}",
    en: "expected YYYY-MM, got {value}",
  },
  ruleNotFound: {
    zh: "没有退休年龄规则 {code}（应为 MALE、FEMALE_CADRE 或 FEMALE_WORKER）",
    en: "no rule {code} (MALE, FEMALE_CADRE or FEMALE_WORKER)",
  },
});

/**
 * The grounds the law lists, as a clerk names them: early retirement (国发〔1978〕104号 第一条;
 * `retirement-age.data.ts` holds their ages and sources) and work forbidden to women employees
 * (国务院令第619号 附录; `job-posting.data.ts`).
 */
export const LABOR_GROUNDS = defineMessages("labor.grounds", {
  specialTypeWork: {
    zh: "从事特殊工种（井下、高空、高温、特别繁重体力劳动或其他有害身体健康的工作）",
    en: "special-type work (underground, high-altitude, high-temperature, especially heavy or otherwise harmful work)",
  },
  specialTypeWorkEvidence: {
    zh: "特殊工种提前退休审批文号",
    en: "the number of the special-type work early retirement approval",
  },
  illnessCompleteDisability: {
    zh: "因病或非因工致残，经劳动能力鉴定委员会确认完全丧失劳动能力",
    en: "complete loss of working capacity from illness or a non-work injury, confirmed by the labor capacity appraisal committee",
  },
  illnessCompleteDisabilityEvidence: {
    zh: "劳动能力鉴定结论书编号",
    en: "the number of the labor capacity appraisal conclusion",
  },
  miningUnderground: { zh: "矿山井下作业", en: "underground mining work" },
  physicalLaborIntensityLevel4: {
    zh: "体力劳动强度分级标准中规定的第四级体力劳动强度的作业",
    en: "work of level IV physical labor intensity under the classification standard",
  },
  heavyLoadBearing: {
    zh: "每小时负重6次以上、每次负重超过20公斤的作业，或者间断负重、每次负重超过25公斤的作业",
    en: "carrying loads over 20 kg more than 6 times an hour, or intermittent loads over 25 kg",
  },
});

/** The names of education levels, as a clerk says them. */
export const LABOR_EDUCATION = defineMessages("labor.education", {
  primary: { zh: "小学", en: "primary school" },
  juniorHigh: { zh: "初中", en: "junior high school" },
  seniorHigh: { zh: "高中", en: "senior high school" },
  vocational: { zh: "中专/职高", en: "secondary vocational school" },
  juniorCollege: { zh: "大专", en: "junior college" },
  bachelor: { zh: "本科", en: "bachelor's degree" },
  postgraduate: { zh: "研究生", en: "postgraduate degree" },
});

/** The job board, job-seeker profiles, matching and referrals (送岗位). */
export const LABOR_JOBS = defineMessages("labor.jobs", {
  salaryMaxBelowMin: {
    zh: "最高月薪不得低于最低月薪 {salaryMin} 元",
    en: "must not be below salaryMin {salaryMin}",
  },
  maxAgeBelowMin: {
    zh: "最高年龄不得低于最低年龄 {minAge} 岁",
    en: "must not be below minAge {minAge}",
  },
  expiresBeforeToday: {
    zh: "截止日期应为今天（{today}）或以后的有效日期，现为 {value}",
    en: "must be an existing date from today ({today}) on, got {value}",
  },
  tooManyIds: { zh: "一次最多查询 {max} 个岗位编号", en: "at most {max} ids" },
  notAPostingId: { zh: "岗位编号无效：{value}", en: "not a job posting id: {value}" },
  groundWithoutRequirement: {
    zh: "不限性别的岗位不填写性别限制依据",
    en: "a ground only goes with a MALE requirement",
  },
  femaleOnly: {
    zh: "招聘不得限定性别：国家规定的女职工禁忌从事的劳动范围只可作为仅招男性的依据，没有仅招女性的法定依据（《就业促进法》第二十七条、《妇女权益保障法》第四十三条）",
    en: "a posting may not ask for women only: the work forbidden to women employees justifies a men-only posting, nothing justifies a women-only one (Employment Promotion Law art. 27, Law on the Protection of Women's Rights and Interests art. 43)",
  },
  maleWithoutGround: {
    zh: "招聘不得限定性别，除非岗位属于国家规定的女职工禁忌从事的劳动范围（《就业促进法》第二十七条、《妇女权益保障法》第四十三条；《女职工劳动保护特别规定》附录）：仅招男性须在 genderRequirementGround 中注明所属情形",
    en: "MALE only needs a listed ground in genderRequirementGround: a posting may not ask for one gender unless the work is forbidden to women employees (Employment Promotion Law art. 27, Law on the Protection of Women's Rights and Interests art. 43, Special Rules on the Labor Protection of Female Employees, appendix)",
  },
  groundDoesNotJustify: {
    zh: "“{ground}”不能作为此性别要求的依据",
    en: "the ground does not justify {requirement}: {ground}",
  },
  tooManyTags: { zh: "最多 {max} 个标签", en: "at most {max} tags" },
  tagTooLong: { zh: "每个标签最长 {max} 个字：{tag}", en: "a tag is at most {max} characters: {tag}" },
  negativeSalaryWish: { zh: "期望月薪不能为负数", en: "must not be negative" },
  matchesFirst: { zh: "一次列出的岗位数应在 1 到 {max} 之间，现为 {first}", en: "must be 1..{max}, got {first}" },

  // Why a posting is closed to a person (matching leaves it out, a referral to it is refused).
  postingClosed: { zh: "岗位已截止招聘", en: "the posting is closed" },
  tooYoung: {
    zh: "年龄 {age} 岁，低于岗位要求的 {minAge} 岁",
    en: "aged {age}, below the posting's minimum age of {minAge}",
  },
  tooOld: {
    zh: "年龄 {age} 岁，超过岗位要求的 {maxAge} 岁",
    en: "aged {age}, above the posting's maximum age of {maxAge}",
  },
  educationBelow: { zh: "岗位要求{education}及以上学历", en: "the posting asks for {education} or above" },
  forbiddenToWomen: {
    zh: "岗位属于女职工禁忌从事的劳动（{ground}）",
    en: "the work is forbidden to women employees ({ground})",
  },

  // Why a posting suits a person (the reasons of a match).
  ageWithin: { zh: "年龄符合 {minAge}–{maxAge} 岁要求", en: "age within {minAge}–{maxAge}" },
  ageFrom: { zh: "年龄符合 {minAge} 岁及以上要求", en: "aged {minAge} or over" },
  ageUpTo: { zh: "年龄符合 {maxAge} 岁及以下要求", en: "aged {maxAge} or under" },
  educationMet: { zh: "学历符合{education}及以上要求", en: "education of {education} or above" },
  skillsShared: { zh: "技能匹配：{skills}", en: "skills: {skills}" },
  salaryAboveWish: { zh: "月薪 {min}–{max} 元高于期望", en: "pay {min}–{max} yuan a month, above the wish" },
  salaryReachesWish: { zh: "月薪 {min}–{max} 元可达期望", en: "pay {min}–{max} yuan a month, reaching the wish" },
  salaryBelowWish: {
    zh: "月薪 {min}–{max} 元低于期望的 {wish} 元",
    en: "pay {min}–{max} yuan a month, below the wish of {wish} yuan",
  },
  industryWished: { zh: "行业符合意向：{industry}", en: "wished industry: {industry}" },

  // Referrals.
  referralAfterRetirement: {
    zh: "公民 {idNumber} 已退休，不再推荐就业岗位",
    en: "citizen {idNumber} is retired",
  },
  postingNotFound: { zh: "没有编号为 {postingId} 的岗位", en: "no job posting {postingId}" },
  requirementNotMet: {
    zh: "{unmet}，不能推荐",
    en: "the person does not meet the posting's requirements: {unmet}",
  },
  alreadyReferred: {
    zh: "此人已推荐到该岗位，尚无结果",
    en: "{idNumber} already has an open referral to posting {postingId}",
  },
  noVacancyLeft: {
    zh: "岗位共 {vacancies} 个空缺，已有 {active} 人在推荐中或已录用，不能再推荐",
    en: "no vacancy left: {vacancies} vacancies, {active} people referred or hired",
  },
  notAReferralId: { zh: "推荐编号无效：{value}", en: "not a referral id: {value}" },
  hiredWithoutStartDate: { zh: "录用须填写到岗日期", en: "HIRED needs the first day of work" },
  startDateWithoutHire: { zh: "只有录用才填写到岗日期", en: "only HIRED has a start date" },
  referralNotFound: { zh: "没有编号为 {id} 的推荐", en: "no referral {id}" },
  outcomeAlreadyRecorded: {
    zh: "该推荐已有结果（{status}），不能再次登记",
    en: "referral {id} is already {status}",
  },
  startBeforeReferral: {
    zh: "到岗日期 {startDate} 早于推荐日期 {referredOn}",
    en: "starts before the referral: {startDate} is before {referredOn}",
  },
  statsPeriodTooLong: { zh: "统计期间最长十年", en: "at most ten years" },
});

/** Unemployment benefit (失业保险金): the level, claims, the reasons of an assessment, payment runs. */
export const LABOR_BENEFIT = defineMessages("labor.benefit", {
  levelOutOfRange: {
    zh: "失业保险金月标准应大于 0 且不超过 100000 元，现为 {amount} 元",
    en: "must be above 0 and at most 100000, got {amount}",
  },
  levelNotFound: { zh: "没有失业保险金标准 {code}", en: "no benefit level {code}" },
  alreadyClaimed: {
    zh: "该公民已于 {claimedOn} 申领失业保险金",
    en: "benefit already claimed on this registration, on {claimedOn}",
  },
  notEligible: {
    zh: "不符合领取失业保险金条件：{reasons}",
    en: "not eligible for unemployment benefit: {reasons}",
  },
  monthFormat: { zh: "月份应为 YYYY-MM，现为 {month}", en: "expected YYYY-MM, got {month}" },
  monthInFuture: {
    zh: "不能发放未来月份 {month}（当前 {current}）",
    en: "month {month} is in the future (now {current})",
  },

  // The reasons of an assessment, one per condition of 失业保险条例 第十四条, then the entitlement.
  insuredTime: { zh: "{years} 年 {months} 个月", en: "{years} years {months} months" },
  insuredTimeDerived: {
    zh: "{years} 年 {months} 个月（未记录缴费年限，按就业记录推算）",
    en: "{years} years {months} months (no insured time on record: derived from the jobs on record)",
  },
  insuredAYear: { zh: "缴费满一年：累计 {time}", en: "insured for a year or more: {time} in all" },
  insuredUnderAYear: {
    zh: "缴费不满一年：累计 {time}，不符合",
    en: "insured for less than a year: {time} in all",
  },
  involuntaryLoss: {
    zh: "非因本人意愿中断就业：失业登记原因「{reason}」",
    en: "lost work involuntarily: the registration's reason is “{reason}”",
  },
  voluntaryLoss: {
    zh: "本人意愿中断就业（失业登记原因「{reason}」），不符合",
    en: "left work of their own will (the registration's reason is “{reason}”)",
  },
  lossUndecided: {
    zh: "失业原因未记录或不能据以判断（「{reason}」），不符合",
    en: "the registration's reason does not say whether the loss of work was involuntary (“{reason}”)",
  },
  lossNotRecorded: {
    zh: "失业原因未记录或不能据以判断，不符合",
    en: "no reason for the loss of work is recorded",
  },
  registered: {
    zh: "已办理失业登记（{registeredOn}），有求职要求",
    en: "registered as unemployed ({registeredOn}) and seeking work",
  },
  registrationClosed: {
    zh: "失业登记已于 {closedOn} 关闭，不符合",
    en: "the unemployment registration closed on {closedOn}",
  },
  notRegistered: { zh: "未办理失业登记，不符合", en: "not registered as unemployed" },
  entitlement: {
    zh: "领取期限最长 {months} 个月（{entitlementSource}）；条件见{eligibilitySource}",
    en: "benefit for at most {months} months ({entitlementSource}); the conditions: {eligibilitySource}",
  },
  stoppedByNewJob: {
    zh: "{startDate} 起重新就业（用人单位 {creditCode}），自该月起停发",
    en: "re-employed from {startDate} (employer {creditCode}): no payment from that month on",
  },
});

/** Relief for retirees in hardship (夏送清凉 / 冬送温暖). */
export const LABOR_RELIEF = defineMessages("labor.relief", {
  amountNotPositive: { zh: "金额应大于 0，现为 {amount}", en: "must be above 0, got {amount}" },
  campaignExists: {
    zh: "{year} 年该季节的救助活动已开设，不能重复开设",
    en: "a {season} campaign of {year} exists",
  },
  notACampaignId: { zh: "救助活动编号无效：{value}", en: "not a campaign id: {value}" },
  campaignNotFound: { zh: "没有编号为 {id} 的救助活动", en: "no campaign {id}" },
  alreadyGranted: {
    zh: "该公民已领取「{campaign}」救助，每次活动限一次",
    en: "already granted by this campaign ({campaign}): once per campaign",
  },
  notRetired: {
    zh: "该公民不是退休人员，不在困难退休人员救助范围",
    en: "not a retiree: relief is for retirees in hardship",
  },
  pensionNotBelowThreshold: {
    zh: "养老金 {pension} 元不低于本次活动标准 {threshold} 元，且社区未报送困难",
    en: "not eligible: the pension of {pension} yuan is not below the campaign's threshold of {threshold} yuan, and the community has not flagged hardship",
  },
  pensionNotRecorded: {
    zh: "养老金未记录，不能按本次活动标准 {threshold} 元认定，且社区未报送困难",
    en: "not eligible: no pension is recorded to compare with the campaign's threshold of {threshold} yuan, and the community has not flagged hardship",
  },
  flaggedOnly: {
    zh: "本次活动仅限社区报送的困难人员，社区未报送该公民",
    en: "not eligible: this campaign is for retirees the community flagged, and this one is not flagged",
  },
  overBudget: {
    zh: "超出「{campaign}」预算：剩余 {remaining} 元，申请 {amount} 元",
    en: "over the campaign's budget ({campaign}): {remaining} yuan left, {amount} yuan asked",
  },
});

/** Subsidised vocational training (送培训). */
export const LABOR_TRAINING = defineMessages("labor.training", {
  notACourseId: { zh: "课程编号无效：{value}", en: "not an id: {value}" },
  notAnEnrolmentId: { zh: "报名编号无效：{value}", en: "not an id: {value}" },
  courseOver: { zh: "结束日期 {endDate} 已过，不能开设该课程", en: "the course has ended ({endDate})" },
  seats: { zh: "名额应为 1 到 {max} 个，现为 {seats}", en: "must be 1..{max}, got {seats}" },
  subsidy: { zh: "补贴应在 0 到 {max} 元之间，现为 {subsidy} 元", en: "must be 0..{max}, got {subsidy}" },
  retired: {
    zh: "公民 {idNumber} 已退休，不参加职业培训补贴课程",
    en: "citizen {idNumber} is retired",
  },
  courseNotFound: { zh: "没有编号为 {id} 的培训课程", en: "no training course {id}" },
  courseEnded: {
    zh: "课程已于 {endDate} 结束，不能报名",
    en: "the course has ended: its last day was {endDate}",
  },
  noSeatLeft: { zh: "课程共 {seats} 个名额，已满", en: "no seat left: all {seats} seats are taken" },
  alreadyEnrolled: { zh: "此人已报名该课程", en: "already enrolled in course {courseId}" },
  certificateWithoutPass: { zh: "未通过不发证书", en: "a certificate needs passed: true" },
  enrolmentNotFound: { zh: "没有编号为 {id} 的报名", en: "no enrolment {id}" },
  resultAlreadyRecorded: {
    zh: "该报名已有结果（{status}），不能再次登记",
    en: "enrolment {id} is already {status}",
  },
  notStarted: {
    zh: "课程 {startDate} 才开始，尚无结果",
    en: "the course has not started: it starts on {startDate}",
  },
});

/** What the outreach list says is due for a person (送政策 / 民情直通车). */
export const LABOR_OUTREACH = defineMessages("labor.outreach", {
  jobMatch: {
    zh: "有合适岗位尚未推荐：{title}（{reasons}）",
    en: "a suitable posting not referred yet: {title} ({reasons})",
  },
  trainingCourse: {
    zh: "可报名培训：{provider}「{title}」，{startDate} 开课，余 {seatsLeft} 个名额，补贴 {subsidy} 元",
    en: "a course to enrol in: {provider}, “{title}”, from {startDate}, {seatsLeft} seats left, subsidy {subsidy} yuan",
  },
  benefitClaim: {
    zh: "符合失业保险金领取条件，尚未申领（每月 {monthlyAmount} 元，最长 {months} 个月）",
    en: "eligible for unemployment benefit and not claimed ({monthlyAmount} yuan a month, at most {months} months)",
  },
});
