/** 常用语 over HTTP: staff read them in the action dialog, the admin edits them (audited). */
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import { badRequest } from '../../../platform/errors';
import type { OrdersServices } from '../services';
import { PhraseList, PhrasesBody, PhrasesQuery } from './phrases.contract';
import { cleanPhrases, listPhrases, savePhrases } from './phrases';

export function phraseRoutes(app: Http, m: OrdersServices) {
  const p = m.deps.p;

  app.get(
    '/api/order-phrases',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '常用语（办结答复、直接答复、退单理由）/ common phrases for replies, direct answers, return reasons',
        querystring: PhrasesQuery,
        response: { 200: PhraseList },
      },
    },
    async (req) => listPhrases(p.db, req.query.purpose ? [req.query.purpose] : undefined, req.query.categoryCode),
  );

  app.put(
    '/api/order-phrases',
    {
      config: { permission: 'orders.configure' },
      schema: {
        tags: ['orders-admin'],
        summary: '修改一类常用语（整表替换，留痕）/ replace the phrases of one purpose (audited)',
        body: PhrasesBody,
        response: { 200: PhraseList },
      },
    },
    async (req) => {
      const { purpose } = req.body;
      const cleaned = cleanPhrases(req.body.phrases, (code) => m.categories.get(code) !== undefined);
      if (!cleaned.ok) throw badRequest(cleaned.code, cleaned.message);
      await p.transact(auditContext(req), (w) => savePhrases(w, purpose, cleaned.phrases));
      return listPhrases(p.db, [purpose]);
    },
  );
}
