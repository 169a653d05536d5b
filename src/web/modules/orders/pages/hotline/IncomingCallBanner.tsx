/**
 * 来电弹屏: the phone system reported a call ringing on this agent's extension (a live event only
 * they receive). The banner shows the number; 接听登记 puts it in the form's phone field, which
 * brings up the caller's history beside the form.
 */
import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { useLiveEvent } from '../../components/useLiveOrders';
import { INCOMING_CALL_EVENT, type IncomingCallEventData } from '../../../../../modules/orders/contract';

interface Call extends IncomingCallEventData {
  at: number;
}

/** 138 1234 5678 for a mobile; other numbers as they are. */
const spaced = (n: string) => (/^1\d{10}$/.test(n) ? `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}` : n);

export function IncomingCallBanner({ onAnswer }: { onAnswer: (number: string) => void }) {
  const t = useT();
  const [call, setCall] = useState<Call | null>(null);
  useLiveEvent(INCOMING_CALL_EVENT, (e) => {
    const d = e.data as Partial<IncomingCallEventData> | undefined;
    if (typeof d?.number === 'string')
      setCall({
        number: d.number,
        extension: String(d.extension ?? ''),
        at: typeof e.at === 'number' ? e.at : Date.now(),
      });
  });
  if (!call) return null;
  return (
    <Alert
      type="info"
      showIcon
      icon={<PhoneOutlined />}
      style={{ marginBottom: 16 }}
      data-testid="incoming-call"
      data-number={call.number}
      title={
        <Space size={12} wrap>
          <strong style={{ fontSize: 16 }}>{t('orders.call.ringing', { number: spaced(call.number) })}</strong>
          <span style={{ color: '#8c8c8c' }}>
            {call.extension ? t('orders.call.extension', { ext: call.extension }) : null} · {fmtTime(call.at)}
          </span>
        </Space>
      }
      action={
        <Space>
          <Button
            type="primary"
            icon={<PhoneOutlined />}
            data-testid="incoming-call-answer"
            onClick={() => {
              onAnswer(call.number);
              setCall(null);
            }}
          >
            {t('orders.call.answer')}
          </Button>
          <Button onClick={() => setCall(null)} data-testid="incoming-call-dismiss">
            {t('orders.call.dismiss')}
          </Button>
        </Space>
      }
    />
  );
}
