import { BadUserInputError } from "@onewindow/platform";

/** Normalises a hospital code input (trim, upper case) and checks its shape. */
export function parseHospitalCode(value: string, field = "hospitalCode"): string {
  const code = (value ?? "").trim().toUpperCase();
  if (!/^[A-Z0-9-]{2,20}$/.test(code)) {
    throw new BadUserInputError(`hospital code "${value}" must be 2 to 20 letters, digits or dashes`, field);
  }
  return code;
}
