/** The events 好差评 emits (outbox): names, entity types and payloads. */
export const RATING_ENTITY = 'svc_rating';
export const RECTIFICATION_ENTITY = 'svc_rating_rectification';
export const APPEAL_ENTITY = 'svc_rating_appeal';
export const RATING_SUBJECT_ENTITY = 'svc_rating_subject';

export const RATINGS_EVENTS = {
  subjectRegistered: 'services.rating.subject_registered', // { id, kind, number }
  rated: 'services.rating.created', // { id, kind, number, level, bad, round, departmentId, windowId }
  invited: 'services.rating.invited', // { subjectId, number, channel }
  rectificationOpened: 'services.rating.rectification_opened', // { id, ratingId, number, callbackDue, fixDue }
  rectificationChanged: 'services.rating.rectification_changed', // { id, ratingId, number, status, step }
  rectificationOverdue: 'services.rating.rectification_overdue', // { id, number, which: callback|fix }
  appealFiled: 'services.rating.appeal_filed', // { id, ratingId }
  appealReviewed: 'services.rating.appeal_reviewed', // { id, ratingId, decision }
  reported: 'services.rating.reported', // { id, kind, refId, status }
} as const;
