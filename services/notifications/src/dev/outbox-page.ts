import type { ReceivedSms } from "./sms-simulator";
import type { ReceivedMail } from "./smtp-sink";

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The development outbox (`/outbox` on the SMS simulator under `npm start`): the SMS and e-mails
 * the local sinks received, newest first. Development only: it shows full numbers and texts.
 */
export function outboxPage(sms: readonly ReceivedSms[], mail: readonly ReceivedMail[]): string {
  const smsRows = [...sms]
    .reverse()
    .map((m) => `<tr><td>${escape(m.receivedAt)}</td><td>${escape(m.to)}</td><td>${escape(m.text)}</td></tr>`)
    .join("");
  const mailRows = [...mail]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escape(m.receivedAt)}</td><td>${escape(m.to.join(", "))}</td><td>${escape(m.subject)}</td><td><pre>${escape(m.text)}</pre></td></tr>`,
    )
    .join("");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>发件箱（开发环境） / Outbox (development)</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}pre{margin:0;white-space:pre-wrap}</style>
</head><body>
<h1>发件箱（开发环境）</h1>
<p>本机短信模拟器与 SMTP 收件箱收到的消息，每 5 秒刷新。/ What the local SMS simulator and SMTP sink received; refreshes every 5 s.</p>
<h2>短信 / SMS (${sms.length})</h2>
<table><tr><th>收到时间</th><th>手机号</th><th>内容</th></tr>${smsRows}</table>
<h2>电子邮件 / E-mail (${mail.length})</h2>
<table><tr><th>收到时间</th><th>收件人</th><th>主题</th><th>正文</th></tr>${mailRows}</table>
</body></html>
`;
}
