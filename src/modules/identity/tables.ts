export type OrgKind = 'street' | 'department' | 'community' | 'unit' | 'grid';

export interface IdentityTables {
  orgs: {
    id: string;
    parent_id: string | null;
    /** Materialised path of ids, '/root/child/…/self/': a subtree is a prefix match. */
    path: string;
    name: string;
    kind: OrgKind;
    code: string;
    department_type: string | null;
    sort: number;
    created_at: number;
  };
  users: {
    id: string;
    username: string;
    name: string;
    password_hash: string | null;
    org_id: string;
    roles: string; // JSON Role[]
    phone: string | null;
    id_card: string | null;
    /** 坐席分机号: where the caller-ID hook finds the agent a call rings for (unique). */
    extension: string | null;
    disabled: number;
    failed_logins: number;
    locked_until: number | null;
    created_at: number;
    updated_at: number;
  };
}
