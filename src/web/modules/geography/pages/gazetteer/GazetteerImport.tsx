/** 地名库 import card: a .xlsx / CSV file, its coordinate system; the result, or every problem by row and column. */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { ApiError, request } from '../../../../api';
import { useT } from '../../../../i18n';
import { downloadText } from '../../../../format';
import { inLanguage, pageLanguage } from '../../../../serverText';
import { useApiError } from '../../../../components/useApiError';
import { CRS } from '../../../../../modules/geography/contract';
import {
  GAZETTEER_COLUMNS,
  type GazetteerImportResult,
  type GazetteerRowError,
} from '../../../../../modules/geography/gazetteer.contract';

const TEMPLATE = `${GAZETTEER_COLUMNS.join(',')}\r\n桂城地铁站,metro_station,南海大道北与南桂东路交汇处,113.16,23.0385,地铁桂城站、桂城站\r\n`;

export function GazetteerImport({ onImported }: { onImported: () => void }) {
  const t = useT();
  const showError = useApiError();
  const [crs, setCrs] = useState<(typeof CRS)[number]>('WGS84');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<GazetteerImportResult | null>(null);
  const [problems, setProblems] = useState<{ total: number; errors: GazetteerRowError[] } | null>(null);

  const send = async (file: File) => {
    setBusy(true);
    setDone(null);
    setProblems(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const r = await request<GazetteerImportResult>('POST', '/api/geo/gazetteer/import', { form, query: { crs } });
      setDone(r);
      onImported();
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { errors?: GazetteerRowError[]; total?: number }) : null;
      if (e instanceof ApiError && e.code === 'invalid_file' && details?.errors)
        setProblems({ total: details.total ?? details.errors.length, errors: details.errors });
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('gazetteer.import.title')}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={() => downloadText('gazetteer-template.csv', `\ufeff${TEMPLATE}`, 'text/csv')}
        >
          {t('gazetteer.import.template')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Flex align="center" gap={8}>
          <Typography.Text>{t('gazetteer.import.crs')}</Typography.Text>
          <Select
            value={crs}
            onChange={setCrs}
            style={{ width: 220 }}
            options={CRS.map((c) => ({ value: c, label: t(`geo.crs.${c}`) }))}
            data-testid="gazetteer-crs"
          />
        </Flex>
        <Upload.Dragger
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
          data-testid="gazetteer-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('gazetteer.import.drop')}</p>
          <p className="ant-upload-hint">{t('gazetteer.import.dropHint')}</p>
        </Upload.Dragger>
        {done ? (
          <Alert
            type="success"
            showIcon
            data-testid="gazetteer-import-done"
            title={t('gazetteer.import.done', { created: done.created, updated: done.updated })}
          />
        ) : null}
        {problems ? (
          <>
            <Alert
              type="error"
              showIcon
              data-testid="gazetteer-import-failed"
              title={t('gazetteer.import.failed', { n: problems.total })}
            />
            <Table<GazetteerRowError>
              size="small"
              rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
              dataSource={problems.errors}
              pagination={problems.errors.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: t('gazetteer.error.row'), dataIndex: 'row', width: 64 },
                {
                  title: t('gazetteer.error.column'),
                  dataIndex: 'column',
                  width: 110,
                  render: (c: string | null) =>
                    c && (GAZETTEER_COLUMNS as readonly string[]).includes(c)
                      ? t(`gazetteer.col.${c as (typeof GAZETTEER_COLUMNS)[number]}`)
                      : '—',
                },
                {
                  title: t('gazetteer.error.message'),
                  dataIndex: 'message',
                  render: (m: string) => inLanguage(m, pageLanguage()),
                },
              ]}
            />
          </>
        ) : null}
      </Flex>
    </Card>
  );
}
