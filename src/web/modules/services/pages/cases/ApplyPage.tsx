/**
 * 申请办理 (from an item's 办事指南): the situation questions select the applicant's own material
 * list (POST /api/services/guides/:id/materials, the server's rules), the application form, the
 * uploads per material; 保存草稿 creates or saves the draft case, 提交申请 saves it and hands it in
 * (submit, or request_pre_review for items with 网上预审). `?case=<id>` continues a saved draft.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Radio, Space, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../../auth';
import { PageHeader } from '../../../../components/PageHeader';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { fmtTime } from '../../../../format';
import { MATERIAL_FORM_LABELS } from '../../../../../modules/services/contract';
import type { NewCaseBody } from '../../../../../modules/services/cases/cases.contract';
import { type GuideView, type MaterialsView, servicesApi } from '../../api';
import { ApplyForm, type ApplyValues, FORM_FIELDS } from './ApplyForm';
import { ATTACHMENTS_FIELD, type Attachments, attachmentsOf, type CaseView, casesApi } from './casesApi';
import { useCasesT } from './i18n';
import { MaterialFiles, type MaterialLine, needsFile } from './MaterialFiles';

type Answers = Record<string, string[]>;

export default function ApplyPage() {
  const t = useCasesT();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const { me } = useAuth();
  const { itemId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const caseId = search.get('case');
  const [form] = Form.useForm<ApplyValues>();
  const [answers, setAnswers] = useState<Answers>({});
  const [materials, setMaterials] = useState<MaterialsView>();
  const [files, setFiles] = useState<Attachments>({});
  const [draft, setDraft] = useState<CaseView>();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);

  const guide = useLoad((signal) => servicesApi.guide(itemId, signal), [itemId]);
  // a saved draft: its answers, form, applicant and uploads come back into the page
  useEffect(() => {
    if (!caseId) return;
    const ctl = new AbortController();
    casesApi.get(caseId, ctl.signal).then((c) => {
      setDraft(c);
      setAnswers(c.situation);
      setFiles(attachmentsOf(c.form));
      form.setFieldsValue({
        kind: c.applicantKind as ApplyValues['kind'],
        name: c.applicantName,
        ...(Object.fromEntries(FORM_FIELDS.map((k) => [k, c.form[k]]).filter(([, v]) => v)) as Partial<ApplyValues>),
      });
    }, showError);
    return () => ctl.abort();
  }, [caseId, form, showError]);

  const ready = !!guide.data;
  useEffect(() => {
    if (!ready) return;
    servicesApi.materials(itemId, answers).then(setMaterials, showError);
  }, [itemId, ready, answers, showError]);

  const lines: MaterialLine[] = useMemo(
    () =>
      (materials?.materials ?? []).map((m) => ({
        key: m.key,
        name: m.name,
        required: m.required,
        source: m.source,
        note: draft?.materials.find((x) => x.id === m.key && x.comment)?.comment ?? m.note ?? null,
        tags: [MATERIAL_FORM_LABELS[m.form], t('materials.count', { n: m.count })],
      })),
    [materials, draft, t],
  );

  const data = guide.data;
  if (!data) return <Card loading={guide.loading} />;
  const g = data.guide;
  const shown = new Set(materials?.questions ?? g.questions.map((q) => q.key));
  const editable = !draft || draft.state === 'draft';

  /** The body parts both routes take: answers of the shown questions, the form, the applicant. */
  const bodyOf = (v: ApplyValues) => {
    const situation = Object.fromEntries(Object.entries(answers).filter(([k, a]) => shown.has(k) && a.length));
    const kept = Object.fromEntries(
      Object.entries(files)
        .filter(([k, list]) => list.length && lines.some((l) => l.key === k))
        .map(([k, list]) => [k, list]),
    );
    const fields: Record<string, string> = {};
    for (const k of FORM_FIELDS) {
      const x = v[k];
      if (typeof x === 'string' && x.trim()) fields[k] = x.trim();
    }
    if (Object.keys(kept).length) fields[ATTACHMENTS_FIELD] = JSON.stringify(kept);
    // a saved draft keeps its applicant unless both the ID number and the phone are typed again
    const idNo = v.idNo?.trim().toUpperCase() ?? '';
    const phone = v.phone?.trim() ?? '';
    const applicant: NewCaseBody['applicant'] | undefined =
      idNo && phone ? { kind: v.kind, idNo, name: v.name.trim(), phone } : undefined;
    return { situation, form: fields, applicant };
  };

  /** Creates the draft or saves it; returns the case as the server now has it. */
  const save = async (): Promise<CaseView> => {
    const v = await form.validateFields();
    const body = bodyOf(v);
    if (draft) return casesApi.save(draft.id, body);
    if (!body.applicant) throw new Error(t('apply.required', { field: t('apply.idNo') }));
    const created = await casesApi.create({ itemId, ...body, applicant: body.applicant });
    setSearch({ case: created.id }, { replace: true });
    return created;
  };

  const onSave = async () => {
    setBusy('save');
    try {
      setDraft(await save());
      message.success(t('apply.saved'));
    } catch (e) {
      if (!(e as { errorFields?: unknown }).errorFields) showError(e);
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = async () => {
    const lacking = lines.filter((l) => l.required && needsFile(l) && !files[l.key]?.length);
    if (lacking.length) {
      message.error(t('apply.missingFiles', { names: lacking.map((l) => l.name).join('、') }));
      return;
    }
    setBusy('submit');
    try {
      const saved = await save();
      setDraft(saved);
      const type = saved.actions.includes('request_pre_review') ? 'request_pre_review' : 'submit';
      const done = await casesApi.act(saved.id, { type });
      message.success(t('apply.submitted', { number: done.number ?? '' }));
      navigate(`/services/cases/${done.id}`);
    } catch (e) {
      if (!(e as { errorFields?: unknown }).errorFields) showError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t('apply.title', { name: g.name })}
        hint={
          draft
            ? t('apply.draftOf', { at: fmtTime(draft.createdAt), expires: fmtTime(draft.draftExpiresAt) })
            : t('apply.hint')
        }
        extra={<Link to={`/services/guides/${itemId}`}>{data.departmentName}</Link>}
      />
      {!editable && draft ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={<Link to={`/services/cases/${draft.id}`}>{t('apply.notEditable')}</Link>}
        />
      ) : null}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={t('apply.step.situation')}>
          <Questions guide={g} shown={shown} answers={answers} onChange={setAnswers} disabled={!editable} />
          {materials?.unanswered.length ? (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              message={t('apply.unanswered', { n: materials.unanswered.length })}
            />
          ) : null}
        </Card>
        <Card title={t('apply.step.form')}>
          <ApplyForm
            form={form}
            accountName={me?.user.name ?? ''}
            disabled={!editable}
            saved={draft ? { idNo: draft.applicantIdNo, phone: draft.applicantPhone } : undefined}
          />
        </Card>
        <Card title={t('apply.step.materials')}>
          <MaterialFiles lines={lines} files={files} onChange={setFiles} disabled={!editable} />
        </Card>
        <Flex gap={8} justify="flex-end">
          <Button data-testid="apply-save" onClick={onSave} loading={busy === 'save'} disabled={!editable || !!busy}>
            {t('apply.save')}
          </Button>
          <Button
            type="primary"
            data-testid="apply-submit"
            onClick={onSubmit}
            loading={busy === 'submit'}
            disabled={!editable || !!busy || !!materials?.unanswered.length}
          >
            {t('apply.submit')}
          </Button>
        </Flex>
      </Space>
    </>
  );
}

function Questions({
  guide,
  shown,
  answers,
  onChange,
  disabled,
}: {
  guide: GuideView['guide'];
  shown: Set<string>;
  answers: Answers;
  onChange: (a: Answers) => void;
  disabled?: boolean;
}) {
  const t = useCasesT();
  if (!guide.questions.length) return <Typography.Text type="secondary">{t('apply.noQuestions')}</Typography.Text>;
  return (
    <Space direction="vertical">
      {guide.questions
        .filter((q) => shown.has(q.key))
        .map((q) => (
          <div key={q.key} data-testid={`apply-question-${q.key}`}>
            <Typography.Text strong>{q.text}</Typography.Text>{' '}
            {q.multiple ? (
              <Checkbox.Group
                disabled={disabled}
                options={q.options.map((o) => ({ value: o.value, label: o.label }))}
                value={answers[q.key] ?? []}
                onChange={(v) => onChange({ ...answers, [q.key]: v as string[] })}
              />
            ) : (
              <Radio.Group
                disabled={disabled}
                options={q.options.map((o) => ({ value: o.value, label: o.label }))}
                value={answers[q.key]?.[0]}
                onChange={(e) => onChange({ ...answers, [q.key]: [e.target.value as string] })}
              />
            )}
          </div>
        ))}
    </Space>
  );
}
