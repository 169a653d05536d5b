import { ClassifierInfo, RetrainResult } from '../contract';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import type { OrdersServices } from '../services';
import { countCorrections } from './classifier.repo';

/** The category classifier in use, and retraining it from history and dispatchers' corrections. */
export function classifierRoutes(app: Http, m: OrdersServices) {
  const p = m.deps.p;

  app.get(
    '/api/classifier',
    {
      config: { permission: 'orders.dispatch' },
      schema: {
        tags: ['orders-admin'],
        summary: '分类模型信息 / the classifier model in use',
        response: { 200: ClassifierInfo },
      },
    },
    async () => {
      const corrections = await countCorrections(p.db);
      return { model: m.classifier.info(), corrections };
    },
  );

  app.post(
    '/api/classifier/retrain',
    {
      config: { permission: 'orders.configure' },
      schema: {
        tags: ['orders-admin'],
        summary: '用历史与纠正样本重新训练 / retrain from history and corrections',
        response: { 200: RetrainResult },
      },
    },
    async (req) => {
      const r = await m.classifier.retrain();
      await p.transact(auditContext(req), async (w) => {
        w.audit({
          action: 'orders.classifier.retrain',
          entityType: 'classifier',
          entityId: m.classifier.info()?.id ?? null,
          after: r,
        });
        w.emit({ type: 'orders.classifier_retrained', data: { ...r, modelId: m.classifier.info()?.id ?? null } });
      });
      return r;
    },
  );
}
