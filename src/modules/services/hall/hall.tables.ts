/**
 * Tables of the hall queue (取号叫号), joined into ServicesTables (services/tables.ts).
 * Instants are epoch ms; JSON columns are text.
 */

export interface HallTables {
  /** A service group (业务分组) of a site: its number series letter, target wait and the items it covers. */
  svc_hall_groups: {
    id: string;
    site_id: string;
    code: string; // A, B … : the prefix of its numbers
    name: string;
    target_wait_min: number;
    item_codes: string; // JSON string[]
    department_id: string | null;
    active: number;
    created_at: number;
    updated_at: number;
  };
  /** A counter (窗口) of the hall: its work profile and whether a clerk has it open. */
  svc_hall_counters: {
    id: string;
    site_id: string;
    number: string; // what the screen says: 请 A023 号到 5 号窗口
    name: string;
    profile: string; // JSON StoredProfile (hall.profile.ts)
    state: string; // open | paused | closed
    pause_reason: string | null;
    clerk_id: string | null;
    clerk_name: string | null;
    created_at: number;
    updated_at: number;
  };
  /** The daily number series of a group: the last number given on a day (Asia/Shanghai). */
  svc_hall_numbers: { group_id: string; day: string; last: number };
  /** One ticket (号) of one visit. */
  svc_hall_tickets: {
    id: string;
    site_id: string;
    group_id: string;
    day: string; // YYYY-MM-DD of issue, Asia/Shanghai
    number: string; // A001
    source: string; // reception | kiosk | appointment | phone
    priority: string; // normal | appointment | green | vip | transfer
    state: string; // ticket-state.ts
    issued_at: number; // the arrival; a transfer keeps it
    called_at: number | null;
    served_at: number | null;
    finished_at: number | null;
    counter_id: string | null; // the counter that called it last
    for_counter_id: string | null; // transferred to this counter in particular
    transferred_at: number | null;
    recalls: number;
    call_reason: string | null; // transferredHere | fairnessCap | score | chosen
    outcome: string | null; // JSON { itemCodes, caseNumbers, note }
    phone: string | null;
    token: string; // the phone page's short token
    updated_at: number;
  };
  /** A ticket's history: every step with who, where and why (the figures are recomputed from it). */
  svc_hall_ticket_events: {
    id: string;
    ticket_id: string;
    site_id: string;
    action: string; // issue | call | recall | noShow | serve | transfer | finish …
    from_state: string | null;
    to_state: string;
    group_id: string;
    counter_id: string | null;
    reason: string | null;
    actor_id: string | null;
    actor_name: string | null;
    at: number;
  };
}
