import { defineMessages } from "@onewindow/contracts/i18n";

/** What the gateway itself tells a person: sign-in refusals, abuse limits, departments that fail. */
export const GATEWAY = defineMessages("gateway", {
  bearerHeader: {
    zh: "Authorization 请求头格式应为“Bearer <令牌>”",
    en: "the Authorization header must be `Bearer <token>`",
  },
  tokenExpired: { zh: "登录令牌已过期，请重新获取", en: "the token has expired; get a new one" },
  tokenWithoutExpiry: {
    zh: "登录令牌没有有效期（exp），永不过期的令牌不予接受",
    en: "the token has no expiry (exp): tokens that never expire are refused",
  },
  tokenInvalid: { zh: "登录令牌无效", en: "the token is not valid" },
  tokenTooLongLived: {
    zh: "登录令牌有效期超过本网关接受的 {lifetime}，请获取有效期更短的令牌",
    en: "the token lives longer than the {lifetime} this gateway accepts (JWT_MAX_LIFETIME); get a shorter-lived one",
  },
  tokenUnknownRole: {
    zh: "登录令牌含有未知角色（{roles}）",
    en: "the token names an unknown role ({roles})",
  },
  purposeEncoding: {
    zh: "用途说明不是有效的百分号编码文本",
    en: "is not valid percent-encoded text",
  },
  purposeTooLong: { zh: "用途说明最多 {max} 个字符", en: "must be at most {max} characters" },
  tooManyRequests: {
    zh: "请求过于频繁：每分钟最多 {perMinute} 次，请 {retryAfter} 秒后再试",
    en: "too many requests: the limit is {perMinute} per minute; retry in {retryAfter} s",
  },
  queryTooDeep: {
    zh: "查询嵌套 {depth} 层，超过上限 {limit} 层",
    en: "query depth {depth} exceeds the limit of {limit}",
  },
  tooManyAliases: {
    zh: "查询使用了 {count} 个别名，超过上限 {limit} 个",
    en: "the operation uses {count} aliases, more than the limit of {limit}",
  },
  queryTooCostly: {
    zh: "查询估算代价 {cost} 超过上限 {limit}，请减少每页条数或嵌套字段",
    en: "estimated query cost {cost} exceeds the limit of {limit}; ask for smaller pages (first/last) or fewer nested fields",
  },
  nulCharacter: {
    zh: "{where} 含有 NUL 字符（U+0000），任何文本字段都不接受",
    en: "{where} contains the NUL character (U+0000), which no text field accepts",
  },
  operationNameTooLong: {
    zh: "操作名长 {length} 个字符，超过上限 {limit}",
    en: "the operation's name is {length} characters long, more than the limit of {limit}",
  },
  severalOperations: {
    zh: "文档中有多个操作，请用 operationName 指明要执行的操作",
    en: "the document holds several operations: name the one to run in operationName",
  },
  noSuchOperation: {
    zh: "文档中没有名为“{name}”的操作",
    en: 'the document has no operation named "{name}"',
  },
  noRootType: {
    zh: "接口没有 {operation} 根类型：网关只受理查询和变更",
    en: "the schema has no {operation} root type: the gateway answers queries and mutations",
  },
  operationNameRequired: {
    zh: "请求含有多个操作，须用 operationName 指明执行哪一个",
    en: "Must provide operation name if query contains multiple operations.",
  },
  unknownOperation: {
    zh: "请求中没有名为 {operationName} 的操作",
    en: 'Unknown operation named "{operationName}".',
  },
  noOperation: { zh: "请求中没有可执行的操作", en: "Must provide an operation." },
  planExecutionFault: {
    zh: "执行查询时网关内部出错",
    en: "Unexpected error during query plan execution",
  },
  departmentUnavailable: {
    zh: "{department}部门服务暂不可用，本次结果缺少该部门的信息",
    en: "The {department} department is unavailable right now; its fields are missing from this answer.",
  },
  departmentNotJson: {
    zh: "{department}部门服务应答异常",
    en: "The {department} department answered with something other than JSON",
  },
  departmentHttpError: {
    zh: "{department}部门服务应答异常（HTTP {status}）",
    en: "the {department} department answered {status}: {statusText}",
  },
  subscriptionsPerConnection: {
    zh: "一个连接最多 {limit} 个订阅",
    en: "at most {limit} subscriptions on one connection",
  },
  subscriptionNotPublic: {
    zh: "{field} 不是公开订阅：请在 Authorization 请求头中发送令牌（不要放在地址中）",
    en: "{field} is not public: send the token in the Authorization header (never in the address)",
  },
  slowConsumer: {
    zh: "待推送的更新过多，订阅已结束，请重新订阅",
    en: "too many updates waiting: the subscription ended; subscribe again",
  },
  myCasesCitizenOnly: {
    zh: "“我的办件”只推送公民本人的办件：请使用公民本人的令牌登录",
    en: "myCases follows a citizen's own cases: sign in with a citizen's token",
  },
  nameTheOperation: { zh: "请用 operationName 指明要执行的操作", en: "name the operation to run (operationName)" },
  socketCarriesSubscriptions: {
    zh: "此连接只承载订阅；查询和变更请用 POST /graphql 发送",
    en: "this socket carries subscriptions; send queries and mutations as POST /graphql",
  },
  oneSubscriptionField: {
    zh: "一个订阅只能选择 Subscription 的一个字段，且须直接写出（根上不能用片段）",
    en: "a subscription selects exactly one field of Subscription, written out (no fragment at its root)",
  },
  noSubscriptionField: { zh: "Subscription 没有字段 {field}", en: "Subscription has no field {field}" },
  badSubscriptionVariables: { zh: "订阅的变量有误", en: "{detail}" },
});
