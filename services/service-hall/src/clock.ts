import { today } from "@onewindow/shared";

/** The hall's clock; tests pass a fixed one so that days, deadlines and waits are known. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Today's date (China Standard Time) by `clock`. */
export const todayBy = (clock: Clock): string => today(clock());
