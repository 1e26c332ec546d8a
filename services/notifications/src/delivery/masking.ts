import { ChannelKind } from "../contact/contact.enums";

/**
 * An address as logs and lists show it: a mobile number's middle four digits hidden
 * (138****1234), an e-mail's local part cut to its first character (z***@example.com).
 */
export function maskAddress(kind: ChannelKind, address: string): string {
  if (kind === ChannelKind.SMS) return address.length === 11 ? `${address.slice(0, 3)}****${address.slice(7)}` : "****";
  const at = address.lastIndexOf("@");
  return at > 0 ? `${address[0]}***${address.slice(at)}` : "***";
}
