/**
 * How a notification leaves the platform. Chosen per channel from the configuration: with no
 * gateway configured a message is only recorded (shown in the UI, marked sent), so a fresh
 * install works without any outside service.
 */
import { formatBeijing } from './templates';

export interface OutgoingMessage {
  id: string;
  channel: string;
  recipient: string;
  recipientKind: string;
  template: string;
  /** Human title of the template (e.g. 诉求受理通知). */
  title: string;
  text: string;
  orderId: string | null;
  orderNumber: string | null;
  createdAt: number;
}

export interface DeliveryAdapter {
  readonly name: string;
  /** Resolves when the gateway accepted the message; throws DeliveryError otherwise. */
  send(m: OutgoingMessage): Promise<void>;
}

export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** Keeps the message in the database only (the UI shows it); the default for every channel. */
export class RecordingAdapter implements DeliveryAdapter {
  readonly name = 'recording';
  async send(): Promise<void> {}
}

export interface HttpAdapterOptions {
  /** Give up on one attempt after this long (the job runner retries with backoff). Default 5000. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 5000;

/**
 * POSTs `{ id, to, text, template, orderNumber, createdAt }` as JSON to an SMS gateway (e.g. the
 * government SMS platform's HTTP interface). Any 2xx answer means accepted. The notification id
 * travels as `Idempotency-Key`, so a gateway can drop the repeat of a send whose answer was lost.
 */
export class HttpSmsAdapter implements DeliveryAdapter {
  readonly name = 'http-sms';
  constructor(
    private url: string,
    private opts: HttpAdapterOptions = {},
  ) {}

  async send(m: OutgoingMessage): Promise<void> {
    await postJson(
      this.url,
      {
        id: m.id,
        to: m.recipient,
        text: m.text,
        template: m.template,
        orderNumber: m.orderNumber,
        createdAt: m.createdAt,
      },
      m.id,
      this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  }
}

/**
 * POSTs a WeChat template message (`{ touser, template_id, data: { first, keyword1…, remark } }`)
 * to a configured endpoint: the 公众号 relay, which maps `touser` (the hashed openid reference
 * `wx:…` it gave at intake; the platform never stores an openid) back to the openid and the
 * template code to its registered template id. A 2xx answer with a non-zero `errcode` (WeChat's
 * own convention) is a failure.
 */
export class WeChatTemplateAdapter implements DeliveryAdapter {
  readonly name = 'wechat-template';
  constructor(
    private url: string,
    private opts: HttpAdapterOptions = {},
  ) {}

  async send(m: OutgoingMessage): Promise<void> {
    const answer = await postJson(
      this.url,
      {
        touser: m.recipient,
        template_id: m.template,
        data: {
          first: { value: m.title },
          keyword1: { value: m.orderNumber ?? '' },
          keyword2: { value: formatBeijing(m.createdAt) },
          remark: { value: m.text },
        },
      },
      m.id,
      this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    const code = (answer as { errcode?: unknown } | null)?.errcode;
    if (code !== undefined && code !== 0 && code !== '0') {
      throw new DeliveryError(
        `WeChat gateway refused the message: errcode ${String(code)} ${String((answer as { errmsg?: unknown }).errmsg ?? '')}`.trim(),
      );
    }
  }
}

/** The URL without its query string or credentials, for error messages. */
function shown(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'the gateway';
  }
}

async function postJson(url: string, body: unknown, key: string, timeoutMs: number): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': key },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.message);
    throw new DeliveryError(`POST ${shown(url)} failed: ${why}`);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok)
    throw new DeliveryError(`POST ${shown(url)} answered HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export interface AdapterConfig {
  smsWebhookUrl: string | null;
  wechatWebhookUrl: string | null;
}

/** The adapter for each channel: a configured gateway, else recording only. */
export function adaptersFromConfig(
  c: AdapterConfig,
  opts: HttpAdapterOptions = {},
): (channel: string) => DeliveryAdapter {
  const recording = new RecordingAdapter();
  const sms = c.smsWebhookUrl ? new HttpSmsAdapter(c.smsWebhookUrl, opts) : recording;
  const wechat = c.wechatWebhookUrl ? new WeChatTemplateAdapter(c.wechatWebhookUrl, opts) : recording;
  return (channel) => (channel === 'sms' ? sms : channel === 'wechat' ? wechat : recording);
}
