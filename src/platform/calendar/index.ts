/** platform/calendar: working time over China's public holidays and 调休 days (Asia/Shanghai). */
export {
  WorkCalendar,
  DEFAULT_OFFICE_HOURS,
  mergePauses,
  inCalendarSpan,
  CALENDAR_FIRST_YEAR,
  CALENDAR_END_YEAR,
  type DayKind,
  type OfficePeriod,
  type WorkCalendarOptions,
  type CalendarWarning,
  type Pause,
} from './work-calendar';
export { parseArrangement, parseArrangementText, type YearArrangement } from './arrangement';
export { packageArrangement, packageYears } from './package-data';
export { localDateKey, localMs, SHANGHAI_OFFSET_MS } from './local-time';
