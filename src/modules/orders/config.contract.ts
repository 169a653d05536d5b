/**
 * The centre's configuration API: the category tree and its time limits, routing rules, the
 * classifier, the SLA rules. Imports only TypeBox and other contracts.
 */
import { Type as T, type Static } from '@sinclair/typebox';
import { At, Items, MaybeNumber, MaybeString, Nullable, OneOf } from '../../platform/contract';

/** Kinds of request (诉求类型). */
export const REQUEST_TYPES = ['complaint', 'consultation', 'help', 'suggestion', 'report', 'praise'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
/** Kinds of responsible unit: the place then says which unit of that kind. */
export const DEPARTMENT_TYPES = [
  'urban_management',
  'environment',
  'water',
  'gas',
  'power',
  'telecom',
  'transport',
  'housing',
  'market',
  'social_security',
  'medical_insurance',
  'health',
  'education',
  'public_security',
  'fire',
  'emergency',
  'civil_affairs',
  'agriculture_water',
  'government_services',
  'tax',
  'community',
  'hotline',
] as const;
export type DepartmentType = (typeof DEPARTMENT_TYPES)[number];

// ---- categories ----------------------------------------------------------------------------

export const LimitsBody = T.Object(
  {
    signHours: T.Number({ minimum: 0.5, maximum: 80 }),
    contactDays: T.Number({ minimum: 0.5, maximum: 30 }),
    completeDays: T.Object(
      {
        normal: T.Number({ minimum: 0.5, maximum: 90 }),
        urgent: T.Number({ minimum: 0.5, maximum: 90 }),
        emergency: T.Number({ minimum: 0.5, maximum: 30 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const Limits = T.Object({
  signHours: T.Number(),
  contactDays: T.Number(),
  completeDays: T.Object({ normal: T.Number(), urgent: T.Number(), emergency: T.Number() }),
});
export type Limits = Static<typeof Limits>;

export const CategoryView = T.Object({
  code: T.String(),
  parentCode: MaybeString,
  name: T.String(),
  /** The names from the root, joined by › . */
  path: T.String(),
  level: T.Number(),
  leaf: T.Boolean(),
  requestType: MaybeString,
  departmentType: MaybeString,
  /** Leaves only. */
  limits: Nullable(Limits),
  active: T.Boolean(),
});
export type CategoryView = Static<typeof CategoryView>;
export const CategoryList = Items(CategoryView);

export const CategoryBody = T.Object(
  {
    code: T.String({ pattern: '^[0-9]{2,6}$' }),
    parentCode: T.Union([T.String({ maxLength: 6 }), T.Null()]),
    name: T.String({ minLength: 1, maxLength: 40 }),
    leaf: T.Boolean(),
    requestType: T.Optional(T.String({ maxLength: 20 })),
    departmentType: T.Optional(T.String({ maxLength: 40 })),
    limits: T.Optional(LimitsBody),
  },
  { additionalProperties: false },
);
export const CategoryPatch = T.Object(
  {
    name: T.Optional(T.String({ minLength: 1, maxLength: 40 })),
    active: T.Optional(T.Boolean()),
    departmentType: T.Optional(T.String({ maxLength: 40 })),
    limits: T.Optional(LimitsBody),
  },
  { additionalProperties: false },
);
export const CategoryParams = T.Object({ code: T.String({ maxLength: 20 }) });

// ---- classifier ----------------------------------------------------------------------------

export const ClassifierModel = T.Object({
  id: T.String(),
  createdAt: At,
  samples: T.Number(),
  accuracy: MaybeNumber,
});
export const SuggestBody = T.Object(
  { text: T.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export const SuggestResult = T.Object({
  items: T.Array(T.Object({ categoryCode: T.String(), confidence: T.Number(), path: MaybeString })),
  model: Nullable(ClassifierModel),
});
export const ClassifierInfo = T.Object({ model: Nullable(ClassifierModel), corrections: T.Number() });
export type ClassifierInfo = Static<typeof ClassifierInfo>;
export const RetrainResult = T.Object({ samples: T.Number(), accuracy: MaybeNumber, top3: MaybeNumber });
export type RetrainResult = Static<typeof RetrainResult>;

// ---- routing rules -------------------------------------------------------------------------

export const RoutingRule = T.Object({
  id: T.String(),
  /** '' matches every category. */
  categoryPrefix: T.String(),
  categoryPath: MaybeString,
  communityCode: MaybeString,
  unitId: T.String(),
  unitName: MaybeString,
  autoDispatch: T.Boolean(),
  minConfidence: T.Number(),
  priority: T.Number(),
  note: MaybeString,
});
export type RoutingRule = Static<typeof RoutingRule>;
export const RoutingRuleList = Items(RoutingRule);
export const RuleBody = T.Object(
  {
    categoryPrefix: T.String({ pattern: '^[0-9]{0,6}$' }),
    communityCode: T.Optional(T.Union([T.String({ maxLength: 40 }), T.Null()])),
    unitId: T.String({ minLength: 1, maxLength: 64 }),
    autoDispatch: T.Boolean(),
    minConfidence: T.Optional(T.Number({ minimum: 0, maximum: 1 })),
    priority: T.Optional(T.Integer({ minimum: -100, maximum: 100 })),
    note: T.Optional(T.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const RuleParams = T.Object({ id: T.String({ maxLength: 64 }) });
export const Created = T.Object({ id: T.String() });

// ---- SLA rules -----------------------------------------------------------------------------

export const ESCALATIONS = ['urge', 'supervise'] as const;
const Step = T.Object(
  {
    afterWorkingDays: T.Number({
      minimum: 0,
      maximum: 60,
      description: '超过时限后的工作日数（0 = 超期即时）/ working days after the deadline',
    }),
    action: OneOf(ESCALATIONS, { description: 'urge = 催办, supervise = 督办' }),
    level: T.Optional(
      T.Union([T.Literal(1), T.Literal(2), T.Literal(3)], {
        description: '督办级别 / supervision level (supervise only)',
      }),
    ),
    note: T.Optional(T.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type EscalationStep = Static<typeof Step>;

export const SlaRulesBody = T.Object(
  {
    dueSoonRatio: T.Number({
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
      description: '剩余时间低于此比例即临期 / due soon below this share of the allowed time',
    }),
    sign: T.Array(Step, { maxItems: 10, description: '签收超期后的催办/督办 / steps after the sign-for deadline' }),
    completion: T.Array(Step, {
      maxItems: 10,
      description: '办结超期后的催办/督办 / steps after the completion deadline',
    }),
    dispatchTargetMinutes: T.Optional(
      T.Integer({
        minimum: 1,
        maximum: 1440,
        description: '分拨时限（分钟）：待分拨超过即标红 / dispatch target in minutes for the 待分拨 list',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SlaRules = Static<typeof SlaRulesBody>;
export const SlaRulesResponse = T.Object({
  rules: SlaRulesBody,
  defaults: SlaRulesBody,
  /** false: nobody saved rules yet, the defaults apply. */
  saved: T.Boolean(),
  updatedAt: Nullable(T.Number()),
});
export type SlaRulesResponse = Static<typeof SlaRulesResponse>;
