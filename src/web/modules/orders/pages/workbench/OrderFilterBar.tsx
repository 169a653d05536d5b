/** The filter row above a workbench table: text/number, channel, category, community, unit, dates. */
import { useEffect, useState, type ReactNode } from 'react';
import { Button, DatePicker, Flex, Input, Select, Tooltip } from 'antd';
import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../../i18n';
import { CategoryTreeSelect, UnitPicker } from '../../components/Pickers';
import { useOrgIndex } from '../../components/refData';
import { useOrderLabels } from '../../components/labels';
import { CHANNELS as ALL_CHANNELS } from '../../../../../modules/orders/contract';
import type { OrderFilterValues } from './queues';

interface Props {
  value: OrderFilterValues;
  onChange: (v: OrderFilterValues) => void;
  /** Handlers see only their own unit(s): no unit filter for them. */
  showUnit?: boolean;
  /** Buttons at the right end of the row (bulk actions). */
  extra?: ReactNode;
}

export function OrderFilterBar({ value, onChange, showUnit = true, extra }: Props) {
  const t = useT();
  const l = useOrderLabels();
  const orgs = useOrgIndex();
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);
  const set = (patch: Partial<OrderFilterValues>) => onChange({ ...value, ...patch });
  const any = Object.values(value).some((v) => v !== undefined && v !== '');
  const range: [Dayjs | null, Dayjs | null] | null =
    value.fromDate || value.toDate
      ? [value.fromDate ? dayjs(value.fromDate) : null, value.toDate ? dayjs(value.toDate) : null]
      : null;

  return (
    <Flex wrap gap={8} className="orders-filters" style={{ marginBottom: 8 }} data-testid="order-filters">
      <Input
        allowClear
        prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
        placeholder={t('orders.filter.q')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          // The clear button empties the box: search again at once.
          if (!e.target.value && value.q) set({ q: undefined });
        }}
        onPressEnter={() => set({ q: text.trim() || undefined })}
        onBlur={() => {
          if ((text.trim() || undefined) !== value.q) set({ q: text.trim() || undefined });
        }}
        style={{ width: 200 }}
        data-testid="filter-q"
      />
      <Select
        allowClear
        placeholder={t('orders.filter.channel')}
        value={value.channel}
        onChange={(v) => set({ channel: v })}
        options={ALL_CHANNELS.map((c) => ({ value: c, label: l.channel(c) }))}
        style={{ width: 112 }}
        data-testid="filter-channel"
      />
      <CategoryTreeSelect
        value={value.categoryPrefix}
        onChange={(v) => set({ categoryPrefix: v })}
        placeholder={t('orders.filter.category')}
        style={{ width: 180 }}
        testId="filter-category"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('orders.filter.community')}
        value={value.communityCode}
        onChange={(v) => set({ communityCode: v })}
        options={orgs.communities.map((c) => ({ value: c.code, label: c.name }))}
        style={{ width: 124 }}
        data-testid="filter-community"
      />
      {showUnit ? (
        <UnitPicker
          value={value.unitId}
          onChange={(v) => set({ unitId: v })}
          allowClear
          placeholder={t('orders.filter.unit')}
          style={{ width: 160 }}
          testId="filter-unit"
        />
      ) : null}
      <DatePicker.RangePicker
        value={range}
        allowEmpty={[true, true]}
        onChange={(r) =>
          set({
            fromDate: r?.[0] ? r[0].format('YYYY-MM-DD') : undefined,
            toDate: r?.[1] ? r[1].format('YYYY-MM-DD') : undefined,
          })
        }
        style={{ width: 224 }}
        placeholder={[t('orders.filter.from'), t('orders.filter.to')]}
      />
      {any ? (
        <Tooltip title={t('common.clear')}>
          <Button icon={<ClearOutlined />} onClick={() => onChange({})} data-testid="filter-clear" />
        </Tooltip>
      ) : null}
      {extra ? <div style={{ marginInlineStart: 'auto' }}>{extra}</div> : null}
    </Flex>
  );
}
