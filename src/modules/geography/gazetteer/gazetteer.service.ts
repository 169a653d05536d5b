/**
 * 地名库: search (what the hotline form's address box asks while the agent types), the admin's
 * list, import (all rows or none, upsert by name + address, audited) and delete.
 */
import type { PlatformContext } from '../../../platform/context';
import type { AuditContext } from '../../../platform/audit';
import { badRequest, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { toWgs84, type CoordSystem } from '../../../platform/geo';
import { normaliseAddress } from '../address.contract';
import type { GazetteerImportResult, GazetteerList, GazetteerPlace, GazetteerRowError } from '../gazetteer.contract';
import type { GeographyService } from '../service';
import { checkRows, readRows } from './gazetteer-file';
import { rankHits } from './gazetteer-rank';
import {
  countGazetteer,
  deleteGazetteerEntry,
  findGazetteerEntry,
  insertGazetteerEntry,
  listCommunityNames,
  listGazetteer,
  listGazetteerKeys,
  searchGazetteer,
  searchGazetteerPrefix,
  updateGazetteerEntry,
  type GazetteerRow,
} from './gazetteer.repo';

/** Matches read before ranking: enough for the best few of a short prefix. */
const SEARCH_POOL = 300;
/** Problems listed in one refusal (a broken file would otherwise list every row). */
const MAX_ERRORS = 200;

export const aliasKey = (alias: string | null) =>
  (alias ?? '')
    .split(/[、;；,，|/]/)
    .map(normaliseAddress)
    .filter(Boolean)
    .join('|');

export class GazetteerService {
  constructor(
    private p: PlatformContext,
    private geo: GeographyService,
  ) {}

  private async names(): Promise<Map<string, string>> {
    return new Map((await listCommunityNames(this.p.db)).map((r) => [r.code, r.name]));
  }

  private view(r: GazetteerRow, names: Map<string, string>): GazetteerPlace {
    return {
      id: r.id,
      name: r.name,
      alias: r.alias,
      kind: r.kind as GazetteerPlace['kind'],
      address: r.address,
      lng: Number(r.lng),
      lat: Number(r.lat),
      communityCode: r.community_code,
      communityName: r.community_code ? (names.get(r.community_code) ?? null) : null,
      source: r.source,
      demo: !!r.demo,
      createdAt: Number(r.created_at),
      updatedAt: Number(r.updated_at),
    };
  }

  /** Entries matching what was typed (normalised), best first: name, then alias, then address. */
  async search(q: string, limit = 10): Promise<GazetteerPlace[]> {
    const key = normaliseAddress(q);
    if (!key) return [];
    const [prefixed, containing, names] = await Promise.all([
      searchGazetteerPrefix(this.p.db, key, 50),
      searchGazetteer(this.p.db, key, SEARCH_POOL),
      this.names(),
    ]);
    const seen = new Set(prefixed.map((r) => r.id));
    const rows = [...prefixed, ...containing.filter((r) => !seen.has(r.id))];
    return rankHits(key, rows)
      .slice(0, limit)
      .map((r) => this.view(r, names));
  }

  async list(f: { q?: string; kind?: string; offset?: number; limit?: number }): Promise<GazetteerList> {
    const filter = {
      key: normaliseAddress(f.q) || undefined,
      kind: f.kind,
      offset: f.offset ?? 0,
      limit: f.limit ?? 50,
    };
    const [rows, total, names] = await Promise.all([
      listGazetteer(this.p.db, filter),
      countGazetteer(this.p.db, filter),
      this.names(),
    ]);
    return { items: rows.map((r) => this.view(r, names)), total };
  }

  /** Imports a .xlsx or CSV file: every row checked first; any problem and nothing changes. */
  async import(
    ctx: AuditContext,
    data: Buffer,
    fileName: string,
    crs: CoordSystem = 'WGS84',
  ): Promise<GazetteerImportResult> {
    let raw: Awaited<ReturnType<typeof readRows>>;
    try {
      raw = await readRows(data);
    } catch (e) {
      throw badRequest('unreadable_file', `无法读取文件 / the file cannot be read: ${(e as Error).message}`);
    }
    const { rows, errors } = checkRows(raw);
    const located = await Promise.all(
      rows.map(async (r) => {
        const point = toWgs84(r.lng, r.lat, crs);
        return { ...r, point, community: (await this.geo.locate(point[0], point[1])).community?.code ?? null };
      }),
    );
    if (errors.length) refuse(errors);
    return this.p.transact(ctx, async (w) => {
      const existing = new Map((await listGazetteerKeys(w.trx)).map((r) => [`${r.name}\u0000${r.address}`, r.id]));
      let created = 0;
      let updated = 0;
      for (const r of located) {
        const values = {
          alias: r.alias,
          kind: r.kind,
          name_key: normaliseAddress(r.name),
          alias_key: aliasKey(r.alias),
          address_key: normaliseAddress(r.address),
          lng: r.point[0],
          lat: r.point[1],
          community_code: r.community,
          source: 'import',
          demo: 0,
          updated_at: w.now,
        };
        const id = existing.get(`${r.name}\u0000${r.address}`);
        if (id) {
          await updateGazetteerEntry(w.trx, id, values);
          updated++;
        } else {
          await insertGazetteerEntry(w.trx, {
            id: newId(w.now),
            name: r.name,
            address: r.address,
            created_at: w.now,
            ...values,
          });
          created++;
        }
      }
      const result = { created, updated, total: located.length };
      w.audit({
        action: 'geo.gazetteer.import',
        entityType: 'geo_gazetteer',
        entityId: 'import',
        after: { ...result, file: fileName.slice(0, 120), crs },
      });
      w.emit({ type: 'geo.gazetteer_changed', entityType: 'geo_gazetteer', entityId: 'import', data: result });
      return result;
    });
  }

  async remove(ctx: AuditContext, id: string): Promise<{ ok: boolean }> {
    return this.p.transact(ctx, async (w) => {
      const row = await findGazetteerEntry(w.trx, id);
      if (!row) throw notFound('gazetteer entry');
      await deleteGazetteerEntry(w.trx, id);
      w.audit({
        action: 'geo.gazetteer.delete',
        entityType: 'geo_gazetteer',
        entityId: id,
        before: { name: row.name, address: row.address, kind: row.kind, lng: row.lng, lat: row.lat },
      });
      w.emit({ type: 'geo.gazetteer_changed', entityType: 'geo_gazetteer', entityId: id, data: { deleted: id } });
      return { ok: true };
    });
  }
}

function refuse(errors: GazetteerRowError[]): never {
  const shown = errors.slice(0, MAX_ERRORS);
  const first = shown[0];
  throw badRequest(
    'invalid_file',
    `文件有 ${errors.length} 处错误，未导入任何行 / ${errors.length} problem(s) in the file, nothing imported (first: row ${first.row}${first.column ? `, ${first.column}` : ''}: ${first.message})`,
    { errors: shown, total: errors.length },
  );
}
