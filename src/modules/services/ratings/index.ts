/**
 * 好差评 (service ratings) of 一网通办: mounted by the services module. Independent of the case
 * tables: cases and hall visits register what may be rated through `registerSubject` (or the
 * api's bound one) in their own transactions.
 */
import type { PlatformContext } from '../../../platform/context';
import type { Http } from '../../../platform/http';
import type { Work } from '../../../platform/transact';
import { DEFAULT_RATINGS_CONFIG, type RatingNotifier, type RatingsConfig, type RatingsDeps } from './deps';
import { registerRatingJobs } from './ratings.jobs';
import { ratingRoutes } from './ratings.routes';
import { RatingsService } from './ratings.service';
import { rectifyRoutes } from './rectify.routes';
import { RectifyService } from './rectify.service';
import { recordingReporter, type ProvincialReporter } from './report';
import { registerSubject, tableSubjects, type RatingSubject, type RatingSubjects } from './subjects';

export { registerSubject, type RatingSubject, type RatingSubjects } from './subjects';
export type { ProvincialReporter, ReportMessage } from './report';
export type { RatingNotifier, RatingsConfig } from './deps';
export { RATINGS_EVENTS, RATING_ENTITY, RECTIFICATION_ENTITY, APPEAL_ENTITY } from './events';

export interface RatingsApi {
  ratings: RatingsService;
  rectify: RectifyService;
  /** registerSubject with the configured invitation delay: what the case and hall modules call. */
  registerSubject(w: Work, subject: RatingSubject): Promise<string>;
  /** Installs the province's adapter (the default records what would be sent). */
  useReporter(reporter: ProvincialReporter): void;
}

export interface RatingsMountDeps {
  /** Where subjects come from (default: the module's svc_rating_subjects table). */
  subjects?: RatingSubjects;
  config?: Partial<RatingsConfig>;
  notify?: RatingNotifier | null;
  reporter?: ProvincialReporter;
}

/** The ratings area: its api, its routes; its jobs are registered with the runner here. */
export function mountRatings(p: PlatformContext, deps: RatingsMountDeps = {}) {
  const d: RatingsDeps = {
    p,
    subjects: deps.subjects ?? tableSubjects(p.db),
    config: { ...DEFAULT_RATINGS_CONFIG, ...deps.config },
    notify: deps.notify ?? null,
    reporter: { current: deps.reporter ?? recordingReporter },
  };
  const ratings = new RatingsService(d);
  const rectify = new RectifyService(d);
  registerRatingJobs(d);
  const api: RatingsApi = {
    ratings,
    rectify,
    registerSubject: (w, subject) => registerSubject(w, subject, { inviteAfterDays: d.config.inviteAfterDays }),
    useReporter: (r) => {
      d.reporter.current = r;
    },
  };
  return {
    api,
    routes(app: Http) {
      ratingRoutes(app, ratings, p.config.publicTrackLimit);
      rectifyRoutes(app, rectify);
    },
  };
}
