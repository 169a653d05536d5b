import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Select, Space, Table, Typography, Upload } from 'antd';
import { CheckOutlined, CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { useApiError } from '../../../../components/useApiError';
import { type GeoCollection } from '../../../../components/map/geoTypes';
import { type GeoLayer } from '../../../../../modules/geography/contract';
import { checkGeoJson, hasErrors, type Checked, type Crs } from './geojson';

interface Props {
  layer: GeoLayer;
  /** A checked file is ready (or cleared): the page shows it on the preview map. */
  onPreview: (fc: GeoCollection | null) => void;
  onImported: () => void;
}

const MAX_BYTES = 20 * 1024 * 1024;

export function ImportPanel({ layer, onPreview, onImported }: Props) {
  const t = useT();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string>();
  const [crs, setCrs] = useState<Crs>('WGS84');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);

  const runCheck = (source = text, from = crs) => {
    const c = checkGeoJson(source, layer, from);
    setChecked(c);
    onPreview(c.fc);
  };

  const reset = () => {
    setText('');
    setFileName(undefined);
    setChecked(null);
    onPreview(null);
  };

  const submit = () => {
    if (!checked?.fc || hasErrors(checked)) return;
    const fc = checked.fc;
    modal.confirm({
      title: t('geo.import.confirmTitle', { layer: t(`map.layer.${layer}`) }),
      content: t('geo.import.confirmBody', { n: fc.features.length }),
      okText: t('geo.import.submit'),
      onOk: async () => {
        setBusy(true);
        try {
          await api.post('/api/geo/import', { layer, featureCollection: fc });
          message.success(t('geo.import.done', { n: fc.features.length }));
          reset();
          onImported();
        } catch (e) {
          showError(e);
        } finally {
          setBusy(false);
        }
      },
    });
  };

  const errors = checked?.problems.filter((p) => p.level === 'error') ?? [];
  const warnings = checked?.problems.filter((p) => p.level === 'warning') ?? [];

  return (
    <Card size="small" title={t('geo.import.title')}>
      <Upload.Dragger
        accept=".geojson,.json,application/geo+json,application/json"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          if (file.size > MAX_BYTES) {
            message.error(t('geo.import.tooBig'));
            return Upload.LIST_IGNORE;
          }
          void file.text().then((content) => {
            setText(content);
            setFileName(file.name);
            runCheck(content);
          });
          return false; // read here; nothing is uploaded until the user confirms
        }}
        data-testid="geo-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{fileName ?? t('geo.import.drop')}</p>
        <p className="ant-upload-hint">{t('geo.import.dropHint')}</p>
      </Upload.Dragger>
      <Input.TextArea
        rows={4}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setFileName(undefined);
          setChecked(null);
        }}
        placeholder={t('geo.import.paste')}
        style={{ marginTop: 12, fontFamily: 'monospace', fontSize: 12 }}
      />
      <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
        <Typography.Text>{t('geo.import.crs')}</Typography.Text>
        <Select<Crs>
          value={crs}
          onChange={(v) => {
            setCrs(v);
            if (text) runCheck(text, v);
          }}
          style={{ width: 200 }}
          options={[
            { value: 'WGS84', label: t('geo.crs.WGS84') },
            { value: 'GCJ02', label: t('geo.crs.GCJ02') },
            { value: 'BD09', label: t('geo.crs.BD09') },
          ]}
        />
        <Button icon={<CheckOutlined />} disabled={!text.trim()} onClick={() => runCheck()}>
          {t('geo.import.check')}
        </Button>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          disabled={!checked || hasErrors(checked)}
          loading={busy}
          onClick={submit}
          data-testid="geo-import-submit"
        >
          {t('geo.import.submit')}
        </Button>
        {text ? <Button onClick={reset}>{t('common.clear')}</Button> : null}
      </Flex>
      {checked ? (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          {errors.length ? (
            <Alert
              type="error"
              showIcon
              title={t('geo.check.errors', { n: errors.length })}
              description={<ProblemList items={errors.map((p) => t(p.key, p.params))} />}
            />
          ) : (
            <Alert type="success" showIcon title={t('geo.check.ok', { n: checked.fc?.features.length ?? 0 })} />
          )}
          {warnings.length ? (
            <Alert
              type="warning"
              showIcon
              title={t('geo.check.warnings', { n: warnings.length })}
              description={<ProblemList items={warnings.map((p) => t(p.key, p.params))} />}
            />
          ) : null}
          {checked.fc?.features.length ? (
            <Table
              size="small"
              rowKey={(f) => String(f.properties?.code)}
              dataSource={checked.fc.features}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              columns={[
                { title: t('map.code'), render: (_, f) => String(f.properties?.code ?? '') },
                { title: t('org.name'), render: (_, f) => String(f.properties?.name ?? '') },
                ...(layer === 'grids'
                  ? [
                      {
                        title: t('map.community'),
                        render: (_: unknown, f: GeoCollection['features'][number]) =>
                          String(f.properties?.communityCode ?? ''),
                      },
                    ]
                  : []),
                ...(layer === 'places'
                  ? [
                      {
                        title: t('map.kind'),
                        render: (_: unknown, f: GeoCollection['features'][number]) => String(f.properties?.kind ?? ''),
                      },
                    ]
                  : []),
                { title: t('geo.geometry'), render: (_, f) => f.geometry?.type ?? '—' },
              ]}
            />
          ) : null}
        </Space>
      ) : null}
    </Card>
  );
}

function ProblemList({ items }: { items: string[] }) {
  const shown = items.slice(0, 20);
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {shown.map((s, i) => (
        <li key={i}>{s}</li>
      ))}
      {items.length > shown.length ? <li>… +{items.length - shown.length}</li> : null}
    </ul>
  );
}
