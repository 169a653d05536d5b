import type { PlatformContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { dummyHash, verifyPassword } from '../../platform/auth/passwords';
import { apiKeyPrefix, safeEqual, sha256 } from '../../platform/auth/tokens';
import type { Principal } from '../../platform/auth/principal';
import type { AuditContext } from '../../platform/audit';
import {
  clearFailedLogins,
  findApiKeyByPrefix,
  findOrg,
  findUser,
  findUserByUsername,
  markApiKeyUsed,
  recordFailedLogin,
} from './repo';
import { createSession, deleteSession, findSession } from './sessions.repo';
import { STREET_WIDE_ROLES, permissionsOf } from './roles';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const IP_WINDOW_MS = 5 * 60_000;
const IP_MAX_ATTEMPTS = 30;

/** Per-address attempt counter: slows password spraying across many usernames. */
class AttemptWindow {
  private hits = new Map<string, number[]>();
  allow(key: string, now: number): boolean {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < IP_WINDOW_MS);
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 10_000) this.hits.clear();
    return list.length <= IP_MAX_ATTEMPTS;
  }
}

export class AuthService {
  private ipWindow = new AttemptWindow();
  constructor(private p: PlatformContext) {}

  async login(username: string, password: string, ip: string | null) {
    const now = this.p.clock.now();
    if (!this.ipWindow.allow(ip ?? '-', now)) {
      throw new AppError(
        429,
        'rate_limited',
        '登录尝试过于频繁，请稍后再试 / too many login attempts, try again later',
      );
    }
    const user = await findUserByUsername(this.p.db, username);
    if (!user || user.disabled) {
      await verifyPassword(await dummyHash(), password);
      throw new AppError(401, 'invalid_credentials', '用户名或密码错误 / wrong username or password');
    }
    if (user.locked_until && Number(user.locked_until) > now) {
      throw new AppError(
        423,
        'account_locked',
        `账号已临时锁定 / account locked until ${new Date(Number(user.locked_until)).toISOString()}`,
        { lockedUntil: Number(user.locked_until) },
      );
    }
    const ok = await verifyPassword(user.password_hash, password);
    const ctx: AuditContext = { actorId: user.id, actorName: user.username, ip };
    if (!ok) {
      const failed = user.failed_logins + 1;
      const lock = failed >= MAX_FAILED_LOGINS;
      await this.p.transact(ctx, async (w) => {
        await recordFailedLogin(
          w.trx,
          user.id,
          lock ? 0 : failed,
          lock ? now + LOCK_MINUTES * 60_000 : user.locked_until,
        );
        w.audit({
          action: lock ? 'auth.locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          after: { failedLogins: failed },
        });
      });
      if (lock) {
        throw new AppError(
          423,
          'account_locked',
          `连续${MAX_FAILED_LOGINS}次密码错误，账号锁定${LOCK_MINUTES}分钟 / account locked for ${LOCK_MINUTES} minutes`,
        );
      }
      throw new AppError(401, 'invalid_credentials', '用户名或密码错误 / wrong username or password');
    }
    return this.p.transact(ctx, async (w) => {
      await clearFailedLogins(w.trx, user.id);
      const session = await createSession(w.trx, user.id, now, this.p.config.sessionHours, ip);
      w.audit({ action: 'auth.login', entityType: 'user', entityId: user.id });
      return { ...session, userId: user.id, maxAgeSec: this.p.config.sessionHours * 3600 };
    });
  }

  async logout(token: string, ctx: AuditContext) {
    await this.p.transact(ctx, async (w) => {
      await deleteSession(w.trx, token);
      w.audit({ action: 'auth.logout', entityType: 'user', entityId: ctx.actorId });
    });
  }

  async bySession(token: string): Promise<Principal | null> {
    const session = await findSession(this.p.db, token, this.p.clock.now());
    if (!session) return null;
    const principal = await this.principalOf(session.user_id);
    if (!principal) return null;
    return { ...principal, sessionId: session.id, csrfToken: session.csrf_token };
  }

  async principalOf(userId: string): Promise<Principal | null> {
    const user = await findUser(this.p.db, userId);
    if (!user || user.disabled) return null;
    const org = await findOrg(this.p.db, user.org_id);
    const roles: string[] = JSON.parse(user.roles);
    return {
      kind: 'user',
      id: user.id,
      name: user.username,
      roles,
      permissions: permissionsOf(roles),
      orgId: user.org_id,
      orgPath: org?.path ?? null,
      allScope: roles.some((r) => STREET_WIDE_ROLES.has(r)),
    };
  }

  async byApiKey(key: string): Promise<Principal | null> {
    const prefix = apiKeyPrefix(key);
    if (!prefix) return null;
    const row = await findApiKeyByPrefix(this.p.db, prefix);
    if (!row || row.revoked_at || !safeEqual(row.key_hash, sha256(key))) return null;
    const now = this.p.clock.now();
    // last-used is a convenience figure, not a state change worth an audit row; write it at most once a minute
    if (!row.last_used_at || now - Number(row.last_used_at) > 60_000) {
      await markApiKeyUsed(this.p.db, row.id, now);
    }
    return {
      kind: 'apikey',
      id: row.id,
      name: `apikey:${row.name}`,
      roles: [],
      permissions: new Set<string>(JSON.parse(row.permissions)),
      orgId: null,
      orgPath: null,
      allScope: true,
    };
  }
}
