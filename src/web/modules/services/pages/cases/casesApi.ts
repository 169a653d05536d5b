/**
 * The 办件 routes the citizen's pages call, typed from the cases contract (through the one client,
 * src/web/api.ts). The case routes take JSON only: material files go to the platform's
 * POST /api/files (multipart) and the case records their ids (in the form's `attachments` while a
 * draft, in the 补正 step's note when supplied later).
 */
import type { Static } from '@sinclair/typebox';
import { api } from '../../../../api';
import type {
  CaseActionBody,
  CaseDetail,
  CaseList,
  CaseListQuery,
  NewCaseBody,
  SaveCaseBody,
} from '../../../../../modules/services/cases/cases.contract';
import type { UploadedFile } from '../../../../../platform/api.contract';

export type CaseView = CaseDetail;
export type CaseListView = Static<typeof CaseList>;
export type CaseRowView = CaseListView['items'][number];
export type ClockView = NonNullable<CaseDetail['clock']>;
export type FileView = Static<typeof UploadedFile>;
/** The files uploaded per material key, as kept in the form's `attachments` field. */
export type Attachments = Record<string, Array<{ id: string; name: string }>>;

const enc = encodeURIComponent;

export const ATTACHMENTS_FIELD = 'attachments';

export function attachmentsOf(form: Record<string, string> | undefined): Attachments {
  try {
    const v = JSON.parse(form?.[ATTACHMENTS_FIELD] ?? '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Attachments) : {};
  } catch {
    return {};
  }
}

export const casesApi = {
  mine: (q: CaseListQuery, signal?: AbortSignal) =>
    api.get<CaseListView>('/api/services/cases', { ...q, queue: 'mine' } as Record<string, string | number>, {
      signal,
    }),
  get: (id: string, signal?: AbortSignal) => api.get<CaseView>(`/api/services/cases/${enc(id)}`, undefined, { signal }),
  create: (body: NewCaseBody) => api.post<CaseView>('/api/services/cases', body),
  save: (id: string, body: SaveCaseBody) => api.patch<CaseView>(`/api/services/cases/${enc(id)}`, body),
  act: (id: string, body: CaseActionBody) => api.post<CaseView>(`/api/services/cases/${enc(id)}/actions`, body),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<FileView>('/api/files', undefined, { form });
  },
  documentUrl: (id: string, kind: string) => `/api/services/cases/${enc(id)}/documents/${enc(kind)}`,
};
