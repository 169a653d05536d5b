/** The order of search hits (pure): how well each entry's keys match what was typed. */

export interface Keys {
  name: string;
  name_key: string;
  alias_key: string;
  address_key: string;
}

/** Lower is better: the name is it, starts with it, an alias does, the name has it, an alias has it, the address. */
export function matchRank(key: string, r: Keys): number {
  const aliases = r.alias_key ? r.alias_key.split('|') : [];
  if (r.name_key === key) return 0;
  if (aliases.includes(key)) return 1;
  if (r.name_key.startsWith(key)) return 2;
  if (aliases.some((a) => a.startsWith(key))) return 3;
  if (r.name_key.includes(key)) return 4;
  if (aliases.some((a) => a.includes(key))) return 5;
  if (r.address_key.startsWith(key)) return 6;
  if (r.address_key.includes(key)) return 7;
  return 8;
}

/** The matching entries, best first; equal matches by the shorter name, then by name. */
export function rankHits<R extends Keys>(key: string, rows: readonly R[]): R[] {
  return rows
    .map((r) => ({ r, rank: matchRank(key, r) }))
    .filter((x) => x.rank < 8)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.r.name_key.length - b.r.name_key.length ||
        (a.r.name < b.r.name ? -1 : a.r.name > b.r.name ? 1 : 0),
    )
    .map((x) => x.r);
}
