/** 智能分类: the model in use, retraining from history and corrections, and a box to try it. */
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  List,
  Popconfirm,
  Progress,
  Row,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { ExperimentOutlined, SyncOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { type ClassifierInfo, type RetrainResult } from '../../../../../modules/orders/contract';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

export function ClassifierTab() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const info = useLoad((signal) => api.get<ClassifierInfo>('/api/classifier', undefined, { signal }), []);
  const [training, setTraining] = useState(false);
  const [last, setLast] = useState<RetrainResult | null>(null);
  const [text, setText] = useState('');
  const [trying, setTrying] = useState(false);
  const [tried, setTried] = useState<Array<{ categoryCode: string; confidence: number; path: string | null }> | null>(
    null,
  );
  const model = info.data?.model ?? null;

  const retrain = async () => {
    setTraining(true);
    try {
      const r = await api.post<RetrainResult>('/api/classifier/retrain');
      setLast(r);
      message.success(t('ops.admin.clf.retrained', { accuracy: pct(r.accuracy) }));
      info.reload();
    } catch (e) {
      showError(e);
    } finally {
      setTraining(false);
    }
  };

  const tryIt = async () => {
    if (!text.trim()) return;
    setTrying(true);
    try {
      const r = await api.post<{ items: Array<{ categoryCode: string; confidence: number; path: string | null }> }>(
        '/api/order-categories/suggest',
        { text: text.trim() },
      );
      setTried(r.items);
    } catch (e) {
      showError(e);
    } finally {
      setTrying(false);
    }
  };

  return (
    <div data-testid="oadmin-classifier">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title={t('ops.admin.clf.model')}
            loading={info.loading && !info.data}
            extra={
              can('orders.configure') ? (
                <Popconfirm title={t('ops.admin.clf.retrainConfirm')} onConfirm={retrain}>
                  <Button
                    type="primary"
                    icon={<SyncOutlined spin={training} />}
                    loading={training}
                    data-testid="oadmin-retrain"
                  >
                    {t('ops.admin.clf.retrain')}
                  </Button>
                </Popconfirm>
              ) : null
            }
          >
            {model ? (
              <Row gutter={[16, 16]}>
                <Col span={12}>
                  <Statistic
                    title={t('ops.admin.clf.accuracy')}
                    value={pct(model.accuracy)}
                    data-testid="oadmin-accuracy"
                  />
                </Col>
                <Col span={12}>
                  <Statistic title={t('ops.admin.clf.samples')} value={model.samples} />
                </Col>
                <Col span={12}>
                  <Statistic title={t('ops.admin.clf.corrections')} value={info.data?.corrections ?? 0} />
                </Col>
                <Col span={12}>
                  <Statistic
                    title={t('ops.admin.clf.trainedAt')}
                    value={fmtTime(model.createdAt)}
                    styles={{ content: { fontSize: 18 } }}
                  />
                </Col>
              </Row>
            ) : (
              <Alert type="warning" showIcon title={t('ops.admin.clf.noModel')} />
            )}
            {last ? (
              <Alert
                type="success"
                showIcon
                style={{ marginTop: 16 }}
                data-testid="oadmin-retrain-result"
                title={t('ops.admin.clf.lastRun', {
                  samples: last.samples,
                  accuracy: pct(last.accuracy),
                  top3: pct(last.top3),
                })}
              />
            ) : null}
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
              {t('ops.admin.clf.hint')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={
              <span>
                <ExperimentOutlined /> {t('ops.admin.clf.try')}
              </span>
            }
          >
            {can('orders.create') ? (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Input.TextArea
                  rows={3}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder={t('ops.admin.clf.tryPlaceholder')}
                  maxLength={4000}
                />
                <Button onClick={tryIt} loading={trying} disabled={!text.trim()}>
                  {t('ops.admin.clf.tryButton')}
                </Button>
                {tried ? (
                  <List
                    size="small"
                    dataSource={tried}
                    locale={{ emptyText: t('ops.admin.clf.noSuggestion') }}
                    renderItem={(s) => (
                      <List.Item>
                        <div style={{ width: '100%' }}>
                          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                            <span>{s.path ?? s.categoryCode}</span>
                            <Typography.Text type="secondary" className="mono">
                              {s.categoryCode}
                            </Typography.Text>
                          </div>
                          <Progress percent={Math.round(s.confidence * 100)} size="small" />
                        </div>
                      </List.Item>
                    )}
                  />
                ) : null}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('error.forbidden')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
