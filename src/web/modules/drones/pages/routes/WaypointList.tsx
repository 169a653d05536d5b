/**
 * The waypoints of the route being drawn, one row each: height, speed (empty = the route's),
 * photo, gimbal pitch and hover, the other actions an imported route carries, reorder and remove.
 * The row of the waypoint selected on the map is highlighted and scrolled to; rows the API's
 * check named are marked.
 */
import { useEffect, useRef } from 'react';
import { Button, Checkbox, Empty, Flex, InputNumber, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { hasKey, useT } from '../../../../i18n';
import {
  gimbalPitchOf,
  hasPhoto,
  hoverOf,
  type Issue,
  otherActions,
  removeAction,
  type Waypoint,
  withActions,
} from './routeDraft';

interface Props {
  waypoints: Waypoint[];
  selected: number | null;
  onSelect: (i: number) => void;
  onChange: (i: number, wp: Waypoint) => void;
  onRemove: (i: number) => void;
  onSwap: (i: number, j: number) => void;
  issues: Issue[];
  readOnly?: boolean;
}

export function WaypointList({ waypoints, selected, onSelect, onChange, onRemove, onSwap, issues, readOnly }: Props) {
  const t = useT();
  const rows = useRef(new Map<number, HTMLDivElement>());
  useEffect(() => {
    if (selected !== null) rows.current.get(selected)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);

  if (!waypoints.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drones.editor.noWaypoints')} />;

  const unit = (
    k: 'drones.editor.unit.m' | 'drones.editor.unit.ms' | 'drones.editor.unit.s' | 'drones.editor.unit.deg',
  ) => t(k);
  return (
    <Flex vertical gap={6} data-testid="route-waypoints">
      {waypoints.map((wp, i) => {
        const bad = issues.some((x) => x.waypoint === i);
        const others = otherActions(wp);
        return (
          <div
            key={i}
            ref={(el) => {
              if (el) rows.current.set(i, el);
              else rows.current.delete(i);
            }}
            data-testid={`route-wp-row-${i + 1}`}
            role="button"
            tabIndex={0}
            onClick={() => onSelect(i)}
            onKeyDown={(e) => {
              if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) onSelect(i);
            }}
            style={{
              padding: '6px 8px',
              borderRadius: 6,
              border: `1px solid ${bad ? '#ff4d4f' : selected === i ? '#1677ff' : '#f0f0f0'}`,
              background: selected === i ? '#e6f4ff' : undefined,
              cursor: 'pointer',
            }}
          >
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong>{t('drones.editor.wp', { n: i + 1 })}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {wp.lng.toFixed(6)}, {wp.lat.toFixed(6)}
              </Typography.Text>
              {readOnly ? null : (
                <Space size={0} onClick={(e) => e.stopPropagation()}>
                  <Tooltip title={t('drones.editor.wp.up')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={i === 0}
                      onClick={() => onSwap(i, i - 1)}
                    />
                  </Tooltip>
                  <Tooltip title={t('drones.editor.wp.down')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      disabled={i === waypoints.length - 1}
                      onClick={() => onSwap(i, i + 1)}
                    />
                  </Tooltip>
                  <Tooltip title={t('drones.editor.wp.remove')}>
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => onRemove(i)}
                      data-testid={`route-wp-remove-${i + 1}`}
                    />
                  </Tooltip>
                </Space>
              )}
            </Flex>
            <Flex gap={8} wrap align="center" style={{ marginTop: 4 }}>
              <InputNumber
                size="small"
                min={2}
                max={1500}
                value={wp.height}
                disabled={readOnly}
                prefix={t('drones.editor.wp.height')}
                suffix={unit('drones.editor.unit.m')}
                style={{ width: 150 }}
                onChange={(v) => typeof v === 'number' && onChange(i, { ...wp, height: v })}
                data-testid={`route-wp-height-${i + 1}`}
              />
              <InputNumber
                size="small"
                min={1}
                max={15}
                value={wp.speed ?? null}
                disabled={readOnly}
                placeholder={t('drones.editor.wp.speedGlobal')}
                prefix={t('drones.editor.wp.speed')}
                suffix={unit('drones.editor.unit.ms')}
                style={{ width: 160 }}
                onChange={(v) => {
                  const { speed: _drop, ...rest } = wp;
                  onChange(i, typeof v === 'number' ? { ...rest, speed: v } : rest);
                }}
                data-testid={`route-wp-speed-${i + 1}`}
              />
              <Checkbox
                checked={hasPhoto(wp)}
                disabled={readOnly}
                onChange={(e) => onChange(i, withActions(wp, { photo: e.target.checked }))}
                data-testid={`route-wp-photo-${i + 1}`}
              >
                {t('drones.editor.wp.photo')}
              </Checkbox>
              <InputNumber
                size="small"
                min={-120}
                max={45}
                value={gimbalPitchOf(wp)}
                disabled={readOnly}
                prefix={t('drones.editor.wp.gimbal')}
                suffix={unit('drones.editor.unit.deg')}
                style={{ width: 165 }}
                onChange={(v) => onChange(i, withActions(wp, { gimbalPitch: typeof v === 'number' ? v : null }))}
                data-testid={`route-wp-gimbal-${i + 1}`}
              />
              <InputNumber
                size="small"
                min={0}
                max={900}
                value={hoverOf(wp)}
                disabled={readOnly}
                prefix={t('drones.editor.wp.hover')}
                suffix={unit('drones.editor.unit.s')}
                style={{ width: 140 }}
                onChange={(v) => onChange(i, withActions(wp, { hover: typeof v === 'number' ? v : null }))}
                data-testid={`route-wp-hover-${i + 1}`}
              />
            </Flex>
            {others.length ? (
              <div style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 6 }}>
                  {t('drones.editor.wp.other')}
                </Typography.Text>
                {others.map(({ action, index }) => {
                  const key = `drones.wpAction.${action.kind}`;
                  return (
                    <Tag
                      key={index}
                      closable={!readOnly}
                      onClose={(e) => {
                        e.preventDefault();
                        onChange(i, removeAction(wp, index));
                      }}
                    >
                      {hasKey(key) ? t(key) : action.kind}
                    </Tag>
                  );
                })}
              </div>
            ) : null}
            {issues
              .filter((x) => x.waypoint === i)
              .map((x, k) => (
                <Typography.Text key={k} type="danger" style={{ display: 'block', fontSize: 12 }}>
                  {x.message}
                </Typography.Text>
              ))}
          </div>
        );
      })}
    </Flex>
  );
}
