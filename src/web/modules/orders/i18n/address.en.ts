import type { addressZhCN } from './address.zh-CN';

/** English — the hotline form's address box and duplicate reasons. */
export const addressEn: Record<keyof typeof addressZhCN, string> = {
  'orders.address.placeholder': 'Type an address or a place name, e.g. “桂城地铁站”, and pick from the gazetteer',
  'orders.address.searching': 'Searching the gazetteer…',
  'orders.address.noMatch': 'No place in the gazetteer matches; type the address and click the place on the map',
  'orders.address.picked': 'Place picked: {name}',
  'orders.address.mismatch':
    'The pin is in {pin}, but the {source} points to {named}: check the address or move the pin',
  'orders.address.source.text': 'address text',
  'orders.address.source.place': 'picked place',
  'orders.dup.reason.distance': 'Near, with similar words',
  'orders.dup.reason.address': 'Same address, same category',
  'orders.dup.reason.both': 'Near, and the same address',
};
