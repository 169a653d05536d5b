/**
 * Tables owned by 一网通办 (government services): sites, windows, the item catalogue and its
 * versions, and the published catalogue's search index. Instants are epoch ms; JSON columns are text.
 */

import type { CasesTables } from './cases/cases.tables';
import type { HallTables } from './hall/hall.tables';
import type { RatingsTables } from './ratings/tables';

export interface ServicesTables extends CasesTables, RatingsTables, HallTables {
  /** The administrative service centre and the community service centres (社区行政服务中心). */
  svc_sites: {
    id: string;
    code: string;
    name: string;
    kind: string; // centre | community
    address: string;
    lng: number;
    lat: number;
    phone: string | null;
    halls: string; // JSON [{ code, name }]
    hours: string; // JSON OpeningHours
    community_org_id: string | null;
    created_at: number;
    updated_at: number;
  };
  /** Windows (窗口) of a site: 综合窗口, department, enterprise, pick-up, consultation. */
  svc_windows: {
    id: string;
    site_id: string;
    number: string;
    hall_code: string | null;
    kind: string;
    name: string;
    department_id: string | null;
    active: number;
    created_at: number;
    updated_at: number;
  };
  /** An item of the catalogue (主项 / 子项 / 业务办理项): its working draft and the latest published version number. */
  svc_items: {
    id: string;
    code: string; // the implementation code (实施编码), unique
    level: string; // main | sub | task
    parent_id: string | null;
    name: string;
    department_id: string;
    status: string; // draft | published | withdrawn
    draft: string; // JSON ItemGuide
    draft_dirty: number; // 1 while the draft differs from the latest published version
    version: number; // the latest published version; 0 = never published
    created_at: number;
    updated_at: number;
  };
  /** Every published version of a guide (办事指南), immutable: a case keeps the version it was accepted under. */
  svc_item_versions: {
    item_id: string;
    version: number;
    guide: string; // JSON ItemGuide
    note: string | null;
    published_at: number;
    published_by: string | null;
  };
  /** The published catalogue (one row per item with a published, not withdrawn version): what the public searches. */
  svc_catalogue: {
    item_id: string;
    version: number;
    code: string;
    level: string;
    parent_id: string | null;
    name: string;
    initials: string; // pinyin initials of the name (bdcdj)
    department_id: string;
    department_name: string;
    item_type: string;
    case_type: string;
    online_depth: string;
    visits: number;
    mailable: number;
    promised_days: number;
    legal_days: number;
    published_at: number;
  };
  /** The search index of the published catalogue: jieba words and character pairs, with weights. */
  svc_item_terms: { term: string; item_id: string; weight: number };
  /** Which site handles which published item (from the guide's sites). */
  svc_site_items: { site_id: string; item_id: string };
  /** The life events (出生, 入学, 开办企业 …) a published item belongs to. */
  svc_item_life_events: { item_id: string; life_event: string };
}
