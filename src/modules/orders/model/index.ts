/** orders/model: the work-order state machine and time rules as pure functions. */
export {
  ORDER_STATES,
  STATE_LABELS,
  OPEN_STATES,
  UNIT_STATES,
  isOrderState,
  isOpenState,
  describeState,
  type OrderState,
} from './states';
export {
  ORDER_ROLES,
  VISIT_RESULTS,
  isOrderRole,
  newOrderSnapshot,
  type Role,
  type Actor,
  type Urgency,
  type SupervisionLevel,
  type VisitResult,
  type PauseSpan,
  type ReturnRequest,
  type ExtensionRequest,
  type OrderSnapshot,
  type NewOrderInit,
} from './types';
export {
  ACTION_RULES,
  ACTION_TYPES,
  isActionType,
  minimalAction,
  type OrderAction,
  type ActionType,
  type ActionOf,
  type ActionRule,
} from './actions';
export { DEFAULT_MAX_BOUNCES, type DeadlineCalculator, type TimeLimitBasis, type RuleOptions } from './deadlines';
export { REFUSAL_STATUS, type Refusal, type RefusalCode } from './guards';
export { transition, applyPatch, type TransitionResult, type OrderEvent } from './transition';
export { availableActions } from './available';
export { revealBasis, REVEAL_BASES, type RevealBasis } from './reveal';
export {
  computeClockStatus,
  stageClockStatus,
  DEFAULT_DUE_SOON_RATIO,
  type ClockStatus,
  type ClockState,
  type ClockOptions,
} from './clock';
