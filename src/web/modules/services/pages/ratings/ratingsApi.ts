/** The 好差评 routes the page calls, typed from the ratings contract (through the one client, src/web/api.ts). */
import type { Static } from '@sinclair/typebox';
import { api } from '../../../../api';
import type {
  CallbackBody,
  ExplainBody,
  FixBody,
  Rectification,
  RectificationList,
  Stats,
} from '../../../../../modules/services/ratings/ratings.contract';
import type { SiteList } from '../../../../../modules/services/sites/sites.contract';

export type StatsView = Static<typeof Stats>;
export type RectificationView = Static<typeof Rectification>;
export type StatsBy = StatsView['by'];

const enc = encodeURIComponent;
const base = '/api/services/ratings';

export const ratingsApi = {
  /** the sites with their windows: names for the by-window figures */
  sites: (signal?: AbortSignal) => api.get<Static<typeof SiteList>>('/api/services/sites', undefined, { signal }),
  stats: (by: StatsBy, signal?: AbortSignal) => api.get<StatsView>(`${base}/stats`, { by }, { signal }),
  queue: (query: { status?: string; overdue?: boolean }, signal?: AbortSignal) =>
    api.get<Static<typeof RectificationList>>(`${base}/rectifications`, query, { signal }),
  callback: (id: string, body: Static<typeof CallbackBody>) =>
    api.post<RectificationView>(`${base}/rectifications/${enc(id)}/callback`, body),
  fix: (id: string, body: Static<typeof FixBody>) =>
    api.post<RectificationView>(`${base}/rectifications/${enc(id)}/fix`, body),
  groundless: (id: string, body: Static<typeof ExplainBody>) =>
    api.post<RectificationView>(`${base}/rectifications/${enc(id)}/groundless`, body),
};
