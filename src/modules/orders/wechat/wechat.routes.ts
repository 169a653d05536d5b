import { createHash } from 'node:crypto';
import { WechatMessageBody, WechatResult } from '../contract';
import type { Http } from '../../../platform/http';
import { requirePrincipal } from '../../../platform/auth/hooks';
import { auditContext } from '../../../platform/request-context';
import type { OrdersServices } from '../services';

/**
 * The WeChat official account's server relays a citizen's message here (API key with
 * `orders.create`). WeChat reports locations in GCJ-02 (wx.getLocation / location messages);
 * they are converted to WGS-84 at this edge. The openid is stored hashed, never in clear.
 */
export function wechatRoutes(app: Http, m: OrdersServices) {
  app.post(
    '/api/wechat/messages',
    {
      config: { permission: 'orders.create' },
      schema: {
        tags: ['orders'],
        summary: '微信公众号诉求转入（GCJ-02 坐标）/ a request relayed from the WeChat official account',
        body: WechatMessageBody,
        response: { 200: WechatResult, 201: WechatResult },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const ref = 'wx:' + createHash('sha256').update(b.openid).digest('hex').slice(0, 24);
      // WeChat retries a message it got no answer for: its MsgId is the natural idempotency key
      const res = await m.intake.create(
        requirePrincipal(req),
        auditContext(req),
        {
          channel: 'wechat',
          description: b.content,
          address: b.location?.label,
          location: b.location ? { lng: b.location.longitude, lat: b.location.latitude, crs: 'GCJ02' } : undefined,
          reporter: { name: b.nickname, phone: b.phone },
          sourceRef: ref,
        },
        b.msgId ? `wx-msg:${b.msgId}` : undefined,
      );
      const o = res.body.order;
      return reply.status(res.status as 200 | 201).send({
        number: o.number,
        state: o.state,
        replyText: `您的诉求已受理，工单号 ${o.number}。可凭工单号和手机号查询办理进度。`,
        community: o.communityCode,
        location: o.location,
      });
    },
  );
}
