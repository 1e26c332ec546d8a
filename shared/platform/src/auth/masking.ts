/** `330102199003071234` → `330102********1234`: region and last four stay, birth date and sequence go. */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length === 18 ? `${idNumber.slice(0, 6)}********${idNumber.slice(14)}` : "*".repeat(idNumber.length);
}

/** `王小明` → `王**`: the family name stays. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? "*" : chars[0] + "*".repeat(chars.length - 1);
}
