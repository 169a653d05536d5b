/** The services routes the pages call, typed from the module's contract (through the one client, src/web/api.ts). */
import type { Static } from '@sinclair/typebox';
import { api } from '../../api';
import type {
  CatalogueFilters,
  Guide,
  MaterialsResult,
  SearchQuery,
  SearchResult,
} from '../../../modules/services/contract';

export type SearchView = Static<typeof SearchResult>;
export type HitView = SearchView['items'][number];
export type FiltersView = Static<typeof CatalogueFilters>;
export type GuideView = Static<typeof Guide>;
export type MaterialsView = Static<typeof MaterialsResult>;
export type SearchParams = Static<typeof SearchQuery>;

const enc = encodeURIComponent;

export const servicesApi = {
  search: (q: SearchParams, signal?: AbortSignal) =>
    api.get<SearchView>('/api/services/catalogue', q as Record<string, string | number>, { signal }),
  filters: (signal?: AbortSignal) => api.get<FiltersView>('/api/services/catalogue/filters', undefined, { signal }),
  guide: (id: string, signal?: AbortSignal) =>
    api.get<GuideView>(`/api/services/guides/${enc(id)}`, undefined, { signal }),
  materials: (id: string, answers: Record<string, string[]>) =>
    api.post<MaterialsView>(`/api/services/guides/${enc(id)}/materials`, { answers }),
};
