/**
 * The service catalogue Open311 clients see: one service per active leaf category of the
 * orders module, with the attributes every service takes. Pure: works on CategoryView lists.
 */
import type { OrdersServices } from '../orders';
import { URGENCIES, type Urgency } from '../orders/contract';
import type { Open311Error, Parsed } from './params';

/** A category as the orders module lists it (OrdersServices.categories.all()). */
export type CategoryView = ReturnType<OrdersServices['categories']['all']>[number];

export interface ServiceItem {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface AttributeValue {
  key: string;
  name: string;
}

export interface ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: AttributeValue[];
}

export interface ServiceDefinition {
  service_code: string;
  attributes: ServiceAttribute[];
}

const REQUEST_TYPE_ZH: Record<string, string> = {
  complaint: '投诉',
  consultation: '咨询',
  help: '求助',
  suggestion: '建议',
  report: '举报',
  praise: '表扬',
};

export { URGENCIES, type Urgency };
const URGENCY_ZH: Record<Urgency, string> = { normal: '一般', urgent: '紧急', emergency: '特急' };

/** Services: active leaves, in the tree's order; `group` is the top-level category's name. */
export function serviceList(categories: readonly CategoryView[]): ServiceItem[] {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const topOf = (c: CategoryView): CategoryView => {
    let at = c;
    for (let guard = 0; at.parentCode && byCode.has(at.parentCode) && guard < 10; guard++)
      at = byCode.get(at.parentCode)!;
    return at;
  };
  return categories
    .filter((c) => c.leaf && c.active)
    .map((c) => {
      const attrs = serviceAttributes(c);
      const words = c.path.split(' › ').filter(Boolean);
      if (c.requestType && REQUEST_TYPE_ZH[c.requestType]) words.push(REQUEST_TYPE_ZH[c.requestType]);
      return {
        service_code: c.code,
        service_name: c.name,
        description: c.path,
        metadata: attrs.length > 0,
        type: 'realtime',
        keywords: [...new Set(words)].join(', '),
        group: topOf(c).name,
      };
    });
}

const days = (n: number) => `${n} 个工作日 / ${n} working day${n === 1 ? '' : 's'}`;

/**
 * The attributes every service takes (documented in docs/open311.md):
 * - `urgency` (singlevaluelist, optional): normal | urgent | emergency — picks the completion
 *   time limit; the names show the category's limit for each.
 * - `address_detail` (string, optional): house number, building, landmark; added to the address.
 */
export function serviceAttributes(c: CategoryView): ServiceAttribute[] {
  const limits = c.limits?.completeDays;
  return [
    {
      variable: true,
      code: 'urgency',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: '默认 normal / defaults to normal',
      order: 1,
      description: '紧急程度，决定办结时限 / how urgent it is; sets the time allowed to complete',
      values: URGENCIES.map((u) => ({
        key: u,
        name: `${URGENCY_ZH[u]} / ${u}${limits ? `（${days(limits[u])}）` : ''}`,
      })),
    },
    {
      variable: true,
      code: 'address_detail',
      datatype: 'string',
      required: false,
      datatype_description: '至多 100 字 / at most 100 characters',
      order: 2,
      description: '详细位置：门牌号、楼栋、参照物 / where exactly: house number, building, landmark',
    },
  ];
}

export function serviceDefinition(c: CategoryView): ServiceDefinition {
  return { service_code: c.code, attributes: serviceAttributes(c) };
}

export interface AttributeInput {
  urgency: Urgency;
  addressDetail?: string;
}

/**
 * Checks the submitted attributes against the definition: known codes must have valid values,
 * required ones must be there. Unknown codes are ignored (clients such as FixMyStreet add
 * their own, e.g. fixmystreet_id).
 */
export function applyAttributes(
  defs: readonly ServiceAttribute[],
  given: Record<string, string[]>,
): Parsed<AttributeInput> {
  const errors: Open311Error[] = [];
  for (const d of defs) {
    const values = given[d.code] ?? [];
    if (d.required && values.length === 0) errors.push({ code: 400, description: `attribute[${d.code}] is required` });
    if (values.length > 1 && d.datatype !== 'multivaluelist')
      errors.push({ code: 400, description: `attribute[${d.code}] takes one value` });
    if (d.values && values.some((v) => !d.values!.some((x) => x.key === v))) {
      errors.push({
        code: 400,
        description: `attribute[${d.code}] must be one of ${d.values.map((x) => x.key).join(', ')}`,
      });
    }
    if (d.datatype === 'string' && values.some((v) => v.length > 100 || /[\r\n]/.test(v))) {
      errors.push({ code: 400, description: `attribute[${d.code}] must be one line of at most 100 characters` });
    }
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      urgency: (given.urgency?.[0] as Urgency | undefined) ?? 'normal',
      addressDetail: given.address_detail?.[0],
    },
  };
}

/** Service notice: what happens next and the time allowed, for a category and urgency. */
export function serviceNotice(c: CategoryView | undefined, urgency: Urgency, number?: string): string {
  const head = number ? `已受理，工单号 ${number}。` : '';
  const headEn = number ? `Received as ${number}. ` : '';
  const limit = c?.limits?.completeDays[urgency];
  if (limit === undefined)
    return `${head}分拨至责任单位后按时限办理。/ ${headEn}Handled by the responsible unit after dispatch.`;
  return `${head}分拨至责任单位后 ${days(limit).split(' / ')[0]}内办结。/ ${headEn}To be completed within ${days(limit).split(' / ')[1]} of dispatch to the responsible unit.`;
}
