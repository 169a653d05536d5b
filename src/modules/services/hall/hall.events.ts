/** The events of the hall queue (outbox): names, entity types and payloads. */
export const HALL_GROUP_ENTITY = 'svc_hall_group';
export const HALL_COUNTER_ENTITY = 'svc_hall_counter';
export const HALL_TICKET_ENTITY = 'svc_hall_ticket';

export const HALL_EVENTS = {
  groupChanged: 'services.hall.group_changed', // { id, siteId, code, change }
  counterChanged: 'services.hall.counter_changed', // { id, siteId, number, state, change }
  issued: 'services.hall.issued', // { id, siteId, groupId, number, source, priority }
  called: 'services.hall.called', // { id, siteId, number, counterId, counterNumber, reason, announcement }
  recalled: 'services.hall.recalled', // { id, siteId, number, counterId, counterNumber, recalls, announcement }
  noShow: 'services.hall.no_show', // { id, siteId, number, counterId }
  serving: 'services.hall.serving', // { id, siteId, number, counterId }
  transferred: 'services.hall.transferred', // { id, siteId, number, fromGroupId, groupId, forCounterId }
  finished: 'services.hall.finished', // { id, siteId, number, counterId, itemCodes, caseNumbers }
} as const;

/** The voice announcement for the hall's speakers and the screen. */
export const announcement = (number: string, counterNumber: string) => `请 ${number} 号到 ${counterNumber} 号窗口`;
