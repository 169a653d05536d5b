/** Tables owned by the platform layer (no business words). Instants are epoch ms. */
export interface PlatformTables {
  sessions: {
    id: string; // sha-256 of the cookie value
    user_id: string;
    csrf_token: string;
    created_at: number;
    expires_at: number;
    ip: string | null;
  };
  api_keys: {
    id: string;
    name: string;
    prefix: string;
    key_hash: string;
    permissions: string; // JSON string[]
    created_by: string | null;
    created_at: number;
    revoked_at: number | null;
    last_used_at: number | null;
  };
  audit_log: {
    seq: number;
    at: number;
    actor_id: string | null;
    actor_name: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
    before: string | null; // JSON
    after: string | null; // JSON
    ip: string | null;
    prev_hash: string;
    hash: string;
  };
  audit_head: {
    id: number; // always 1: the row whose lock orders appends
    seq: number;
    hash: string;
  };
  events: {
    seq: number;
    id: string;
    type: string;
    entity_type: string | null;
    entity_id: string | null;
    data: string; // JSON
    at: number;
  };
  jobs: {
    id: string;
    kind: string;
    dedupe_key: string | null;
    run_at: number;
    payload: string; // JSON
    status: 'pending' | 'running' | 'done' | 'failed';
    attempts: number;
    max_attempts: number;
    locked_by: string | null;
    locked_until: number | null;
    last_error: string | null;
    created_at: number;
    finished_at: number | null;
  };
  job_runs: {
    id: string;
    job_id: string;
    node_id: string;
    at: number;
  };
  calendar_years: {
    year: number;
    holidays: string; // JSON string[] of YYYY-MM-DD
    workdays: string; // JSON string[]
    source: string | null;
    updated_at: number;
    updated_by: string | null;
  };
  files: {
    id: string;
    name: string;
    content_type: string;
    size: number;
    sha256: string;
    storage_key: string;
    created_at: number;
    created_by: string | null;
  };
  idempotency_keys: {
    scope: string;
    key: string;
    request_hash: string;
    status: number;
    response: string; // JSON
    created_at: number;
  };
  settings: {
    key: string;
    value: string; // JSON
    updated_at: number;
  };
}
