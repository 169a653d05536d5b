import type { MqttGuard } from '../../../platform/mqtt';

/**
 * The embedded broker's rule for the Cloud API topics: only docks that logged in with their own
 * user and password may use `thing/…` and `sys/…`, and each only under its own serial number and
 * its aircraft's. (An external broker needs the same ACL: docs/drones.md.)
 */
export function dockGuard(registry: {
  authenticate(username: string, password: string): Promise<string | null>;
  speaksFor(dockSn: string, sn: string): boolean;
  disconnected(sn: string): void;
}): MqttGuard {
  const PREFIX = 'dock:';
  const dockOf = (principal: string) => (principal.startsWith(PREFIX) ? principal.slice(PREFIX.length) : null);
  /** [root, 'product', sn, ...rest] or null */
  const parts = (topic: string) => {
    const p = topic.split('/');
    return (p[0] === 'thing' || p[0] === 'sys') && p[1] === 'product' && p.length >= 4 ? p : null;
  };
  return {
    claims: (topic) => {
      const root = topic.split('/')[0];
      // wildcards at the root would reach into the claimed space too
      return root === 'thing' || root === 'sys' || root === '+' || root === '#';
    },
    async authenticate(username, password) {
      const sn = await registry.authenticate(username, password);
      return sn ? PREFIX + sn : null;
    },
    mayPublish(principal, topic) {
      const dock = dockOf(principal);
      const p = parts(topic);
      if (!dock || !p || p[2].includes('+') || p[2].includes('#')) return false;
      const rest = p.slice(3).join('/');
      const up =
        p[0] === 'sys'
          ? rest === 'status'
          : ['osd', 'state', 'events', 'requests', 'services_reply', 'property/set_reply', 'drc/up'].includes(rest);
      return up && registry.speaksFor(dock, p[2]);
    },
    maySubscribe(principal, topic) {
      const dock = dockOf(principal);
      const p = parts(topic);
      return !!dock && !!p && p[2] === dock;
    },
    disconnected(principal) {
      const dock = dockOf(principal);
      if (dock) registry.disconnected(dock);
    },
  };
}
