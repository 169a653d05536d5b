/**
 * Permission matching for showing navigation and buttons (the server still checks every call).
 * A granted permission may be exact ('admin.users'), a wildcard ('admin.*') or everything ('*').
 * A required permission may be exact or a wildcard: 'admin.*' means "any admin.… permission".
 */
function covers(granted: string, required: string): boolean {
  if (granted === '*' || granted === required) return true;
  if (granted.endsWith('.*') && required.startsWith(granted.slice(0, -1))) return true;
  if (required.endsWith('.*')) {
    const prefix = required.slice(0, -1); // 'admin.'
    return granted.startsWith(prefix);
  }
  return false;
}

export function hasPermission(granted: readonly string[], required: string | undefined): boolean {
  if (!required) return true;
  return granted.some((g) => covers(g, required));
}

/** Whether `can` allows every permission needed (one, a list of all needed, or none). */
export function canAll(
  can: (permission: string | undefined) => boolean,
  needed: string | readonly string[] | undefined,
): boolean {
  return typeof needed === 'string' || needed === undefined ? can(needed) : needed.every((p) => can(p));
}
