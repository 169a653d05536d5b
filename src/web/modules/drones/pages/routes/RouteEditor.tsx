/**
 * 绘制航线: a drawer with the map (click to add a waypoint, drag to move it) beside the route's
 * settings and its waypoints. Saving sends the Route JSON to POST /api/drones/routes; the checks'
 * errors come back as the API states them (400 invalid_route, each with its waypoint) and are shown
 * on the rows they name. An existing route opens as a copy: the API keeps routes unchanged (a dock
 * checks the file by its MD5), so a change is saved as a new route.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Col, Drawer, Flex, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { ClearOutlined, SaveOutlined } from '@ant-design/icons';
import { ApiError } from '../../../../api';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { useOrgs } from '../../../../components/useRefData';
import { useApiError } from '../../../../components/useApiError';
import { useT } from '../../../../i18n';
import { SCENARIO_LIST } from '../../../../../modules/drones/missions/missions.contract';
import {
  type DeviceView,
  missionsApi,
  type RouteJson,
  type RouteSaved,
  type RouteView,
} from '../../components/dronesApi';
import { RouteEditorMap } from './RouteEditorMap';
import { WaypointList } from './WaypointList';
import {
  AIRCRAFT_MODELS,
  emptyRoute,
  type Issue,
  issuesOf,
  maxHeight,
  modelKeyOf,
  moveWaypoint,
  newWaypoint,
  routeBody,
  routeKm,
  type Waypoint,
} from './routeDraft';

type Scenario = (typeof SCENARIO_LIST)[number];
const FINISH = ['goHome', 'noAction', 'autoLand', 'gotoFirstWaypoint'] as const;
const HEIGHT_MODES = ['relativeToStartPoint', 'WGS84'] as const;

interface Props {
  /** undefined: closed; null: a new route; a route: open it as a copy */
  editing: RouteView | null | undefined;
  docks: DeviceView[];
  canWrite: boolean;
  onClose: () => void;
  onSaved: (r: RouteSaved) => void;
}

export function RouteEditor({ editing, docks, canWrite, onClose, onSaved }: Props) {
  const t = useT();
  const showError = useApiError();
  const { orgs } = useOrgs();
  const [draft, setDraft] = useState<RouteJson>(emptyRoute());
  const [scenario, setScenario] = useState<Scenario>('river');
  const [orgId, setOrgId] = useState<string | undefined>();
  const [selected, setSelected] = useState<number | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (editing === undefined) return;
    setDraft(editing ? structuredClone(editing.route) : emptyRoute());
    setScenario(editing?.scenario ?? 'river');
    setOrgId(editing?.orgId ?? undefined);
    setSelected(null);
    setIssues([]);
    setFailure(null);
  }, [editing]);

  const wps = draft.waypoints;
  const setWps = (next: Waypoint[]) => {
    setDraft((d) => ({ ...d, waypoints: next }));
    setIssues([]);
  };
  const set = <K extends keyof RouteJson>(k: K, v: RouteJson[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const models = useMemo(() => {
    const list: Array<{ value: string; label: string }> = AIRCRAFT_MODELS.map((m) => ({
      value: m.key,
      label: m.label,
    }));
    const key = modelKeyOf(draft);
    if (!list.some((m) => m.value === key))
      list.push({
        value: key,
        label: t('drones.editor.model.custom', {
          drone: draft.droneEnum,
          sub: draft.droneSubEnum,
          payload: draft.payloadEnum,
        }),
      });
    return list;
  }, [draft, t]);

  const readOnly = !canWrite;
  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const saved = await missionsApi.createRoute({ route: routeBody(draft), scenario, ...(orgId ? { orgId } : {}) });
      onSaved(saved);
    } catch (e) {
      const found = e instanceof ApiError ? issuesOf(e.details) : [];
      setIssues(found);
      if (e instanceof ApiError && e.status !== 0) setFailure(e.message);
      else showError(e);
      const at = found.find((x) => x.waypoint !== undefined)?.waypoint;
      if (at !== undefined) setSelected(at);
    } finally {
      setBusy(false);
    }
  };

  const km = routeKm(wps);
  const general = issues.filter((x) => x.waypoint === undefined);
  return (
    <Drawer
      open={editing !== undefined}
      onClose={onClose}
      size="94vw"
      destroyOnHidden
      title={editing ? t('drones.editor.titleCopy', { name: editing.name }) : t('drones.editor.title')}
      extra={
        canWrite ? (
          <Space>
            <Button icon={<ClearOutlined />} onClick={() => setWps([])} disabled={!wps.length}>
              {t('drones.editor.clear')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={busy}
              disabled={wps.length < 2 || !draft.name.trim()}
              onClick={save}
              data-testid="route-save"
            >
              {t('drones.editor.save')}
            </Button>
          </Space>
        ) : null
      }
      data-testid="route-editor"
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <RouteEditorMap
            waypoints={wps}
            selected={selected}
            docks={docks}
            height="calc(100vh - 170px)"
            onAdd={
              readOnly
                ? undefined
                : (at) => {
                    setWps([...wps, newWaypoint(at, wps[wps.length - 1])]);
                    setSelected(wps.length);
                  }
            }
            onMove={(i, at) => setWps(wps.map((w, k) => (k === i ? moveWaypoint(w, at) : w)))}
            onSelect={setSelected}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {canWrite ? t('drones.editor.mapHint') : null}
          </Typography.Text>
        </Col>
        <Col xs={24} lg={10} style={{ maxHeight: 'calc(100vh - 130px)', overflowY: 'auto' }}>
          <Flex vertical gap={8}>
            <Row gutter={[8, 8]}>
              <Col span={14}>
                <Field label={t('drones.editor.name')}>
                  <Input
                    value={draft.name}
                    maxLength={60}
                    disabled={readOnly}
                    onChange={(e) => set('name', e.target.value)}
                    data-testid="route-name"
                  />
                </Field>
              </Col>
              <Col span={10}>
                <Field label={t('drones.editor.scenario')}>
                  <Select<Scenario>
                    value={scenario}
                    disabled={readOnly}
                    onChange={setScenario}
                    style={{ width: '100%' }}
                    options={SCENARIO_LIST.map((s) => ({ value: s, label: t(`drones.scenario.${s}`) }))}
                    data-testid="route-scenario"
                  />
                </Field>
              </Col>
              <Col span={12}>
                <Field label={t('drones.editor.model')}>
                  <Select
                    value={modelKeyOf(draft)}
                    disabled={readOnly}
                    style={{ width: '100%' }}
                    options={models}
                    onChange={(k: string) => {
                      const m = AIRCRAFT_MODELS.find((x) => x.key === k);
                      if (m)
                        setDraft((d) => ({
                          ...d,
                          droneEnum: m.droneEnum,
                          droneSubEnum: m.droneSubEnum,
                          payloadEnum: m.payloadEnum,
                        }));
                    }}
                  />
                </Field>
              </Col>
              <Col span={12}>
                <Field label={t('drones.editor.org')}>
                  <OrgTreeSelect orgs={orgs} value={orgId} onChange={setOrgId} allowClear style={{ width: '100%' }} />
                </Field>
              </Col>
              <Col span={8}>
                <Field label={t('drones.editor.takeOff')}>
                  <InputNumber
                    min={8}
                    max={1500}
                    value={draft.takeOffSecurityHeight}
                    disabled={readOnly}
                    suffix="m"
                    style={{ width: '100%' }}
                    onChange={(v) => typeof v === 'number' && set('takeOffSecurityHeight', v)}
                  />
                </Field>
              </Col>
              <Col span={8}>
                <Field label={t('drones.editor.globalSpeed')}>
                  <InputNumber
                    min={1}
                    max={15}
                    value={draft.globalSpeed}
                    disabled={readOnly}
                    suffix="m/s"
                    style={{ width: '100%' }}
                    onChange={(v) => typeof v === 'number' && set('globalSpeed', v)}
                  />
                </Field>
              </Col>
              <Col span={8}>
                <Field label={t('drones.editor.rth')}>
                  <InputNumber
                    min={20}
                    max={1500}
                    value={draft.globalRthHeight}
                    disabled={readOnly}
                    suffix="m"
                    style={{ width: '100%' }}
                    onChange={(v) => typeof v === 'number' && set('globalRthHeight', v)}
                  />
                </Field>
              </Col>
              <Col span={12}>
                <Field label={t('drones.editor.finish')}>
                  <Select
                    value={draft.finishAction}
                    disabled={readOnly}
                    style={{ width: '100%' }}
                    onChange={(v) => set('finishAction', v)}
                    options={FINISH.map((f) => ({ value: f, label: t(`drones.editor.finish.${f}`) }))}
                  />
                </Field>
              </Col>
              <Col span={12}>
                <Field label={t('drones.editor.heightMode')}>
                  <Select
                    value={draft.heightMode}
                    disabled={readOnly}
                    style={{ width: '100%' }}
                    onChange={(v) => set('heightMode', v)}
                    options={HEIGHT_MODES.map((f) => ({ value: f, label: t(`drones.editor.heightMode.${f}`) }))}
                  />
                </Field>
              </Col>
            </Row>
            <Typography.Text data-testid="route-summary">
              {wps.length < 2
                ? t('drones.editor.needTwo')
                : t('drones.editor.summary', { n: wps.length, km: km.toFixed(2), h: maxHeight(wps) })}
            </Typography.Text>
            {failure ? (
              <Alert
                type="error"
                showIcon
                data-testid="route-errors"
                title={t('drones.editor.errors')}
                description={
                  <div>
                    <div>{failure}</div>
                    {general.map((x, k) => (
                      <div key={k}>{x.message}</div>
                    ))}
                  </div>
                }
              />
            ) : null}
            <Typography.Text strong>{t('drones.editor.waypoints')}</Typography.Text>
            <WaypointList
              waypoints={wps}
              selected={selected}
              onSelect={setSelected}
              issues={issues}
              readOnly={readOnly}
              onChange={(i, wp) => setWps(wps.map((w, k) => (k === i ? wp : w)))}
              onRemove={(i) => {
                setWps(wps.filter((_, k) => k !== i));
                setSelected(null);
              }}
              onSwap={(i, j) => {
                const next = [...wps];
                [next[i], next[j]] = [next[j], next[i]];
                setWps(next);
                setSelected(j);
              }}
            />
          </Flex>
        </Col>
      </Row>
    </Drawer>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}
