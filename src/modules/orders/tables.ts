/** Tables owned by the work-orders module (一网统管). Instants are epoch ms; JSON columns are text. */
export interface OrdersTables {
  orders: {
    id: string;
    /** 工单号 read on the phone: GC + yyyymmdd + 5-digit daily sequence. */
    number: string;
    channel: string; // hotline | web | wechat | grid | drone | camera | open311 | api | window
    category_code: string | null;
    /** What the classifier suggested at intake, and how sure it was. */
    suggested_category: string | null;
    suggestion_confidence: number | null;
    request_type: string | null;
    title: string;
    description: string;
    address: string | null;
    lng: number | null;
    lat: number | null;
    community_code: string | null;
    grid_code: string | null;
    reporter_name: string | null;
    reporter_phone: string | null;
    reporter_user_id: string | null;
    urgency: string; // normal | urgent | emergency
    state: string;
    unit_id: string | null;
    main_order_id: string | null;
    needs_visit: number;
    attachments: string; // JSON file ids
    source_ref: string | null; // id in the sending system (drone finding, Open311 token…)
    // clocks and progress (mirrors model/OrderSnapshot)
    clock_started_at: number | null;
    clock_stopped_at: number | null;
    dispatched_at: number | null;
    sign_deadline: number | null;
    completion_deadline: number | null;
    reopened_at: number | null;
    suspended: number;
    pauses: string; // JSON PauseSpan[]
    signed_at: number | null;
    first_contact_at: number | null;
    reply: string | null;
    replied_at: number | null;
    visit_result: string | null;
    visited_at: number | null;
    closed_at: number | null;
    archived_at: number | null;
    cancelled_at: number | null;
    return_request: string | null; // JSON
    extension_request: string | null; // JSON
    supervision_level: number;
    bounce_count: number;
    reopen_count: number;
    extension_count: number;
    urge_count: number;
    last_urged_at: number | null;
    /** Raised by the SLA jobs: 'normal' | 'due_soon' | 'overdue'. */
    sla_status: string;
    created_at: number;
    updated_at: number;
    version: number;
    demo: number;
  };
  /** The order's timeline: every step, who, when, with notes. Metrics are recomputed from it. */
  order_events: {
    id: string;
    order_id: string;
    at: number;
    type: string;
    actor_id: string | null;
    actor_name: string | null;
    unit_id: string | null;
    from_state: string | null;
    to_state: string | null;
    note: string | null;
    data: string; // JSON
  };
  order_numbers: {
    day: string; // yyyymmdd
    last: number;
  };
  order_categories: {
    code: string;
    parent_code: string | null;
    name: string;
    level: number;
    leaf: number;
    request_type: string | null;
    department_type: string | null;
    sign_hours: number | null;
    contact_days: number | null;
    complete_normal: number | null;
    complete_urgent: number | null;
    complete_emergency: number | null;
    active: number;
    sort: number;
  };
  /** category × place → responsible unit. More specific rules (longer category prefix, a community) win. */
  routing_rules: {
    id: string;
    category_prefix: string; // '' = any category
    community_code: string | null; // null = any place
    unit_id: string;
    auto_dispatch: number;
    min_confidence: number;
    priority: number;
    note: string | null;
    created_at: number;
  };
  classifier_models: {
    id: string;
    created_at: number;
    samples: number;
    accuracy: number | null;
    model: string; // JSON
  };
  /** Corrections by the centre: the classifier retrains from them. */
  classifier_samples: {
    id: string;
    text: string;
    category_code: string;
    source: string; // 'seed' | 'correction'
    created_at: number;
  };
  notifications: {
    id: string;
    order_id: string | null;
    channel: string; // sms | wechat | internal
    recipient: string; // phone, openid or unit/user id
    recipient_kind: string; // citizen | unit | user
    template: string;
    text: string;
    status: string; // pending | sent | failed
    attempts: number;
    created_at: number;
    sent_at: number | null;
    error: string | null;
  };
  /** Each user's unit notices are seen up to this instant (the bell's unread count). */
  notice_marks: {
    user_id: string;
    seen_at: number;
  };
  /** Files attached by an order step (migration 0010): 'after' = 处置后照片 of the reply. */
  order_files: {
    file_id: string;
    order_id: string;
    stage: string; // after
    created_at: number;
    created_by: string | null;
  };
}
