import { CategoryBody, CategoryParams, CategoryPatch, CategoryView } from '../contract';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import type { OrdersServices } from '../services';
import { createCategory, editCategory } from './categories.service';

/** Configuration of the centre's category tree and the time limits its leaves carry. */
export function categoryRoutes(app: Http, m: OrdersServices) {
  const p = m.deps.p;

  app.post(
    '/api/order-categories',
    {
      config: { permission: 'orders.configure' },
      schema: {
        tags: ['orders-admin'],
        summary: '新增分类 / add a category',
        body: CategoryBody,
        response: { 201: CategoryView },
      },
    },
    async (req, reply) => {
      const view = await createCategory(p, m.categories, auditContext(req), req.body);
      return reply.status(201).send(view);
    },
  );

  app.patch(
    '/api/order-categories/:code',
    {
      config: { permission: 'orders.configure' },
      schema: {
        tags: ['orders-admin'],
        summary: '修改分类与时限 / edit a category and its time limits',
        params: CategoryParams,
        body: CategoryPatch,
        response: { 200: CategoryView },
      },
    },
    async (req) => editCategory(p, m.categories, auditContext(req), req.params.code, req.body),
  );
}
