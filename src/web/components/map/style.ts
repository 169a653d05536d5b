import { type GeoCollection } from './geoTypes';

/** Twelve colours that stay apart on a light background, for neighbouring communities. */
export const PALETTE = [
  '#1677ff',
  '#fa8c16',
  '#52c41a',
  '#eb2f96',
  '#722ed1',
  '#13c2c2',
  '#faad14',
  '#2f54eb',
  '#a0d911',
  '#f5222d',
  '#08979c',
  '#d4380d',
];

/** Each community's colour by code, stable across reloads (sorted by code). */
export function communityColors(fc: GeoCollection | undefined): Map<string, string> {
  const codes = [...new Set((fc?.features ?? []).map((f) => String(f.properties?.code ?? '')))].sort();
  return new Map(codes.map((code, i) => [code, PALETTE[i % PALETTE.length]]));
}

const PLACE_COLORS = ['#cf1322', '#0958d9', '#389e0d', '#d46b08', '#531dab', '#08979c'];

/** Places coloured by their kind (stable hash), so schools, stations etc. read apart. */
export function placeColor(kind: string | undefined): string {
  if (!kind) return PLACE_COLORS[0];
  let h = 0;
  for (const ch of kind) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PLACE_COLORS[h % PLACE_COLORS.length];
}

/** A popup body built from text nodes (names come from imported data: never parse them as HTML). */
export function popupBody(title: string, rows: Array<[string, string | undefined]>): HTMLElement {
  const root = document.createElement('div');
  root.className = 'map-popup';
  const h = document.createElement('div');
  h.className = 'map-popup-title';
  h.textContent = title;
  root.appendChild(h);
  for (const [label, value] of rows) {
    if (value === undefined || value === '') continue;
    const row = document.createElement('div');
    const l = document.createElement('span');
    l.className = 'map-popup-label';
    l.textContent = `${label}: `;
    const v = document.createElement('span');
    v.textContent = value;
    row.append(l, v);
    root.appendChild(row);
  }
  return root;
}
