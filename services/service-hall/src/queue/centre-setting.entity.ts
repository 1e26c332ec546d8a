import { ServiceCentre } from "../centre/service-centre.entity";

/**
 * The code of the hall's own centre (凯旋街道综合服务中心): where a ticket, a case or an
 * evaluation belongs when none is named, and the centre `hallKpis` answers for by default.
 */
export const HOME_CENTRE = "KAIXUAN";

/** The default recall window (minutes) of a missed ticket, as the migration seeds it. */
export const DEFAULT_RECALL_WINDOW_MINUTES = 30;

/** A centre's queue settings are columns of its `ServiceCentre` row; the old name stays for the queue's code. */
export { ServiceCentre as CentreSetting };
