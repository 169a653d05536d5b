/** Which roles the supervision pages act for (a page decision; the server checks the permission). */

/** Roles that see the supervision board's actions. */
export const OVERSIGHT_ROLES = ['dispatcher', 'leader'];
/** Roles that make return visits. */
export const VISIT_ROLES = ['dispatcher'];
