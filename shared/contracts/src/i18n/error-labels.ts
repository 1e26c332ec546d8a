import type { LocalizedText } from "./message";

/**
 * What each `extensions.code` means, in words a person reads: the fallback `localizedMessage`
 * of an error that carries no message of its own (graphql-js's validation errors, a refusal of
 * Node's HTTP parser), and the label pages show beside a code. Covers OneWindow's codes and the
 * ones Apollo Server, the gateway and the HTTP layer answer with.
 */
export const ERROR_CODE_LABELS: Readonly<Record<string, LocalizedText>> = Object.freeze(
  Object.fromEntries(
    Object.entries({
      BAD_USER_INPUT: ["输入有误，请核对后重试", "The input is not valid"],
      UNAUTHENTICATED: ["未登录或登录已失效，请重新登录", "Not signed in, or the sign-in has expired"],
      FORBIDDEN: ["当前角色无权办理此事项", "Your role may not do this"],
      NOT_FOUND: ["未找到相关记录", "No such record"],
      CONFLICT: ["与已有记录冲突", "This clashes with what is already recorded"],
      RATE_LIMITED: ["操作过于频繁，请稍后再试", "Too many requests; try again later"],
      SERVICE_UNAVAILABLE: ["部门服务暂时不可用，请稍后再试", "A department is unavailable; try again later"],
      BAD_REQUEST: ["请求格式有误", "The request is malformed"],
      PAYLOAD_TOO_LARGE: ["请求内容过大", "The request is too large"],
      HEADERS_TOO_LARGE: ["请求头过大", "The request headers are too large"],
      REQUEST_TIMEOUT: ["请求超时", "The request took too long to arrive"],
      GRAPHQL_PARSE_FAILED: ["查询语句无法解析", "The query cannot be parsed"],
      GRAPHQL_VALIDATION_FAILED: ["查询语句不符合接口定义", "The query does not match the schema"],
      PERSISTED_QUERY_NOT_FOUND: ["预存查询未找到，请发送完整查询", "Persisted query not found"],
      PERSISTED_QUERY_NOT_SUPPORTED: ["不支持预存查询", "Persisted queries are not supported"],
      OPERATION_RESOLUTION_FAILURE: ["无法确定要执行的操作", "The operation to run cannot be determined"],
      QUERY_TOO_DEEP: ["查询嵌套层级过深，请简化查询", "The query is nested too deeply"],
      TOO_MANY_ALIASES: ["查询使用的别名过多，请简化查询", "The query uses too many aliases"],
      QUERY_TOO_COSTLY: ["查询开销过大，请缩小查询范围", "The query would cost too much; ask for less"],
      SLOW_CONSUMER: ["待推送的更新过多，订阅已结束，请重新订阅", "Too many updates waiting: subscribe again"],
      BAD_GATEWAY: ["部门服务应答异常", "A department answered wrongly"],
      INTERNAL_SERVER_ERROR: ["系统内部错误，已记录", "Internal error; the incident has been logged"],
    }).map(([code, [zh, en]]) => [code, Object.freeze({ key: `error.${code}`, zh, en })]),
  ),
);

/** The label of a code, or the internal error's when the code is unknown. */
export function errorCodeLabel(code: string | undefined): LocalizedText {
  return (code !== undefined && ERROR_CODE_LABELS[code]) || ERROR_CODE_LABELS.INTERNAL_SERVER_ERROR!;
}
