/** 办事指南 of one item: the national elements, the sites, and the situation questions that build the applicant's material list. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, List, Radio, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../../i18n';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError } from '../../../components/useApiError';
import { useLoad } from '../../../components/useLoad';
import {
  CASE_TYPE_LABELS,
  ITEM_TYPE_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_SOURCE_LABELS,
  ONLINE_DEPTH_LABELS,
} from '../../../../modules/services/contract';
import { type MaterialsView, servicesApi } from '../api';

export default function GuidePage() {
  const t = useT();
  const { id = '' } = useParams();
  const showError = useApiError();
  const loaded = useLoad((signal) => servicesApi.guide(id, signal), [id]);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [materials, setMaterials] = useState<MaterialsView>();

  // the material list follows the answers (the server applies the situation rules)
  const ready = !!loaded.data;
  useEffect(() => {
    if (!ready) return;
    servicesApi.materials(id, answers).then(setMaterials, showError);
  }, [id, ready, answers, showError]);

  const data = loaded.data;
  if (!data) return <Card loading={loaded.loading} />;
  const g = data.guide;
  const shown = new Set(materials?.questions ?? g.questions.map((q) => q.key));
  const days = (n: number) => (n === 0 ? t('services.onTheSpot') : t('services.days', { n }));

  return (
    <>
      <PageHeader
        title={g.name}
        hint={`${t('services.guide.version', { n: data.version })} · ${data.departmentName}`}
        extra={
          <>
            <Tag color="blue">{CASE_TYPE_LABELS[g.caseType]}</Tag>
            {!data.withdrawn && g.onlineDepth !== 'offline' && g.onlineDepth !== 'info' ? (
              <Link to={`/services/apply/${id}`}>
                <Button type="primary" data-testid="guide-apply">
                  {t('services.guide.apply')}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      {data.withdrawn ? (
        <Alert type="warning" showIcon message={t('services.withdrawn')} style={{ marginBottom: 16 }} />
      ) : null}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={t('services.guide.basic')}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('services.guide.code')}>{data.code}</Descriptions.Item>
            <Descriptions.Item label={t('services.guide.type')}>{ITEM_TYPE_LABELS[g.itemType]}</Descriptions.Item>
            <Descriptions.Item label={t('services.guide.department')}>{data.departmentName}</Descriptions.Item>
            <Descriptions.Item label={t('services.guide.body')}>{g.implementingBody}</Descriptions.Item>
            <Descriptions.Item label={t('services.guide.legal')}>
              {t('services.days', { n: g.legalLimitDays })}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.guide.promised')}>{days(g.promisedLimitDays)}</Descriptions.Item>
            <Descriptions.Item label={t('services.col.depth')}>{ONLINE_DEPTH_LABELS[g.onlineDepth]}</Descriptions.Item>
            <Descriptions.Item label={t('services.col.visits')}>
              {t('services.visits', { n: g.visits })}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.guide.special')}>
              {g.specialSteps.map((s) => `${s.name}（${t('services.days', { n: s.limitDays })}）`).join('；') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.guide.fees')}>
              {g.fees.length
                ? g.fees.map((f) => `${f.name} ¥${f.amount}（${f.basis}）`).join('；')
                : t('services.guide.free')}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.guide.mailable')}>
              {g.mailable ? t('services.guide.yes') : t('services.guide.no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.guide.phones')}>
              {g.consultPhone} / {g.complaintPhone}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.guide.basis')} span={2}>
              {g.legalBasis}
            </Descriptions.Item>
            {g.conditions ? (
              <Descriptions.Item label={t('services.guide.conditions')} span={2}>
                {g.conditions}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('services.guide.sites')} span={2}>
              {data.sites.map((s) => `${s.name}（${s.address}）`).join('；')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        {g.questions.length ? (
          <Card
            title={t('services.guide.situations')}
            extra={<Typography.Text type="secondary">{t('services.guide.situationsHint')}</Typography.Text>}
          >
            <Space direction="vertical">
              {g.questions
                .filter((q) => shown.has(q.key))
                .map((q) => (
                  <div key={q.key} data-testid={`question-${q.key}`}>
                    <Typography.Text strong>{q.text}</Typography.Text>{' '}
                    {q.multiple ? (
                      <Checkbox.Group
                        options={q.options.map((o) => ({ value: o.value, label: o.label }))}
                        value={answers[q.key] ?? []}
                        onChange={(v) => setAnswers((a) => ({ ...a, [q.key]: v as string[] }))}
                      />
                    ) : (
                      <Radio.Group
                        options={q.options.map((o) => ({ value: o.value, label: o.label }))}
                        value={answers[q.key]?.[0]}
                        onChange={(e) => setAnswers((a) => ({ ...a, [q.key]: [e.target.value as string] }))}
                      />
                    )}
                  </div>
                ))}
            </Space>
          </Card>
        ) : null}
        <Card title={t('services.guide.materials')}>
          {materials?.unanswered.length ? (
            <Alert
              type="info"
              showIcon
              message={t('services.guide.unanswered', { n: materials.unanswered.length })}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <List
            data-testid="material-list"
            dataSource={materials?.materials ?? []}
            renderItem={(m) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text>{m.name}</Typography.Text>
                  <Tag>{MATERIAL_FORM_LABELS[m.form]}</Tag>
                  <Tag>{t('services.material.count', { n: m.count })}</Tag>
                  {m.source !== 'applicant' ? <Tag color="green">{MATERIAL_SOURCE_LABELS[m.source]}</Tag> : null}
                  {!m.required ? <Tag color="default">{t('services.material.optional')}</Tag> : null}
                  {m.paper ? <Tag>{t('services.material.paper')}</Tag> : null}
                  {m.electronic ? <Tag>{t('services.material.electronic')}</Tag> : null}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Space>
    </>
  );
}
