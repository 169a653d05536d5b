/**
 * AI 发现: the review queue. Tabs by status (pending first); a list of findings with their picture,
 * algorithm, confidence, place and how often the same thing was reported again (merged repeats are
 * counted on the finding they repeat); the selected one in full beside it, to confirm into a work
 * order or dismiss. The list follows the platform's stream: a finding posted or reviewed elsewhere
 * appears without a reload.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Card, Col, Empty, Flex, List, Row, Segmented, Tag, Typography } from 'antd';
import { fmtTime } from '../../../../format';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { useLoad } from '../../../../components/useLoad';
import { FINDING_STATUSES } from '../../../../../modules/drones/findings/findings.contract';
import { type FindingView, missionsApi } from '../../components/dronesApi';
import { reconnectingSocket } from '../../components/useDroneFleet';
import { FindingDetail, STATUS_COLOR } from './FindingDetail';
import { FindingPicture } from './FindingPicture';

type Status = FindingView['status'];

export default function FindingsPage() {
  const t = useT();
  const [status, setStatus] = useState<Status>('pending');
  const list = useLoad((signal) => missionsApi.findings(status, signal), [status]);
  const [selected, setSelected] = useState<string | null>(null);
  const [reviewed, setReviewed] = useState<FindingView | null>(null);
  const items = list.data?.items ?? [];

  // a finding changed anywhere (posted, merged, reviewed): read the list again, in bursts once
  const reload = useRef(list.reload);
  reload.current = list.reload;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = reconnectingSocket(
      '/api/stream',
      (data) => {
        const e = data as { type?: string };
        if (e?.type !== 'drones.finding.changed' || timer) return;
        timer = setTimeout(() => {
          timer = null;
          reload.current();
        }, 400);
      },
      () => {},
    );
    return () => {
      if (timer) clearTimeout(timer);
      stop();
    };
  }, []);

  // the selection: kept while it is in the list, else the first one
  useEffect(() => {
    if (list.loading) return;
    if (reviewed?.id === selected) return;
    if (!items.some((f) => f.id === selected)) setSelected(items[0]?.id ?? null);
  }, [items, selected, list.loading, reviewed]);

  // a finding just reviewed stays shown (with its work order) until another is picked
  const current = useMemo(
    () => (reviewed && reviewed.id === selected ? reviewed : (items.find((f) => f.id === selected) ?? null)),
    [items, selected, reviewed],
  );

  return (
    <div data-testid="drones-findings">
      <PageHeader title={t('drones.findings.title')} hint={t('drones.findings.hint')} />
      <Segmented<Status>
        value={status}
        onChange={(s) => {
          setStatus(s);
          setReviewed(null);
        }}
        options={FINDING_STATUSES.map((s) => ({ value: s, label: t(`drones.findings.tab.${s}`) }))}
        style={{ marginBottom: 12 }}
        data-testid="findings-status"
      />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <List<FindingView>
              loading={list.loading}
              dataSource={items}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drones.findings.empty')} />,
              }}
              pagination={items.length > 10 ? { pageSize: 10, size: 'small', align: 'center' } : false}
              renderItem={(f) => (
                <List.Item
                  key={f.id}
                  onClick={() => {
                    setSelected(f.id);
                    setReviewed(null);
                  }}
                  data-testid={`finding-item-${f.id}`}
                  style={{
                    cursor: 'pointer',
                    padding: '8px 12px',
                    background: f.id === selected ? '#e6f4ff' : undefined,
                  }}
                >
                  <Flex gap={10} style={{ width: '100%' }}>
                    <FindingPicture mediaId={f.mediaId} box={f.box} width={96} height={72} />
                    <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                      <Flex justify="space-between" gap={6}>
                        <Typography.Text strong ellipsis>
                          {t(`drones.algorithm.${f.algorithm}`)}
                        </Typography.Text>
                        <Tag color={STATUS_COLOR[f.status]} style={{ marginInlineEnd: 0 }}>
                          {t(`drones.findings.tab.${f.status}`)}
                        </Tag>
                      </Flex>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('drones.findings.confidence', { v: Math.round(f.confidence * 100) })} ·{' '}
                        {fmtTime(f.createdAt)}
                      </Typography.Text>
                      <Typography.Text ellipsis style={{ fontSize: 12 }}>
                        {f.address ?? `${f.lng.toFixed(5)}, ${f.lat.toFixed(5)}`}
                      </Typography.Text>
                      {f.repeats > 0 ? (
                        <span>
                          <Badge
                            count={`+${f.repeats}`}
                            color="volcano"
                            title={t('drones.findings.repeats', { n: f.repeats })}
                          />
                        </span>
                      ) : null}
                      {f.orderNumber ? (
                        <Typography.Text style={{ fontSize: 12 }}>{f.orderNumber}</Typography.Text>
                      ) : null}
                    </Flex>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <FindingDetail
            finding={current}
            onReviewed={(f) => {
              setReviewed(f);
              list.reload();
            }}
          />
        </Col>
      </Row>
    </div>
  );
}
