/**
 * Camera import from a spreadsheet: read (xlsx / CSV, UTF-8 or GBK), check every row, and only when
 * no row has a problem write them all — new codes created, known ones updated — in one transaction
 * with one audit row and one event. Any problem: 400 with every row and column, and nothing changed.
 */
import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { badRequest } from '../../../platform/errors';
import { CAMERA_ENTITY, type Cameras } from './cameras.service';
import { findCameras, listGroups, upsertCameras } from './cameras.repo';
import { cameraRow } from './cameras.view';
import { checkCameraRows } from './import/camera-rows';
import { readSheet } from '../../../platform/sheet';
import { type BrainDeps, communityAt, loadLookups } from './lookups';
import { CAMERA_IMPORT_MAX_ROWS } from './video.contract';

export class CameraImport {
  constructor(
    private p: PlatformContext,
    private deps: BrainDeps,
    private cameras: Cameras,
  ) {}

  async run(ctx: AuditContext, data: Buffer, fileName: string) {
    let rows: Awaited<ReturnType<typeof readSheet>>;
    try {
      rows = await readSheet(data, CAMERA_IMPORT_MAX_ROWS);
    } catch (e) {
      throw badRequest('unreadable_file', (e as Error).message);
    }
    if (rows.length > CAMERA_IMPORT_MAX_ROWS + 1)
      throw badRequest(
        'too_many_rows',
        `一次最多导入 ${CAMERA_IMPORT_MAX_ROWS} 行 / at most ${CAMERA_IMPORT_MAX_ROWS} rows`,
      );
    // everything the checks look up is read before the transaction
    const [look, groups] = await Promise.all([loadLookups(this.deps), listGroups(this.p.db)]);
    const groupIds = new Set(groups.map((g) => g.id));
    const checked = checkCameraRows(rows, {
      ...look,
      hasGroup: (id) => groupIds.has(id),
      // rows without a community are placed by their point after the checks pass (below)
      locate: () => null,
    });
    if (checked.errors.length)
      throw badRequest(
        'invalid_import',
        `${checked.errors.length} 处错误，未导入任何数据 / ${checked.errors.length} problems: nothing was imported`,
        { errors: checked.errors.slice(0, 500), total: checked.errors.length },
      );
    // the communities of rows that name none: from their points
    for (const c of checked.cameras)
      if (c.communityCode === null) c.communityCode = await communityAt(this.deps, c.lng, c.lat);

    const result = await this.p.transact(ctx, async (w) => {
      const before = new Map(
        (
          await findCameras(
            w.trx,
            checked.cameras.map((c) => c.id),
          )
        ).map((r) => [r.id, r]),
      );
      const written = checked.cameras.map((c) => {
        const cur = before.get(c.id);
        return cameraRow(
          {
            ...c,
            civilCode: cur?.civil_code ?? null,
            online: c.online ?? cur?.online === 1,
          },
          'import',
          w.now,
          cur,
        );
      });
      await upsertCameras(w.trx, written);
      const updated = written.filter((r) => before.has(r.id)).length;
      const out = { total: written.length, created: written.length - updated, updated };
      w.audit({
        action: 'brain.camera.imported',
        entityType: CAMERA_ENTITY,
        entityId: 'import',
        after: { ...out, fileName },
      });
      w.emit({ type: 'brain.camera.imported', entityType: CAMERA_ENTITY, entityId: 'import', data: out });
      return out;
    });
    this.cameras.invalidate();
    return result;
  }
}
