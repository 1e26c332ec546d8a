import { BadUserInputError } from "@onewindow/platform";
import { HOSPITAL } from "../messages";

/** Normalises a hospital code input (trim, upper case) and checks its shape. */
export function parseHospitalCode(value: string, field = "hospitalCode"): string {
  const code = (value ?? "").trim().toUpperCase();
  if (!/^[A-Z0-9-]{2,20}$/.test(code)) {
    throw new BadUserInputError(HOSPITAL.hospitalCodeShape.with({ value: String(value) }), field);
  }
  return code;
}
