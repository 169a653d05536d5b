/** The services module's migrations, in the platform's one global numbering. */
import type { Migration } from 'kysely';
import * as m0015 from './0015_services_catalogue';
import * as m0018 from './0018_services_ratings';
import * as m0019 from './0019_services_cases';
import * as m0020 from './0020_services_hall';

export const servicesMigrations: Record<string, Migration> = {
  '0015_services_catalogue': m0015,
  '0018_services_ratings': m0018,
  '0019_services_cases': m0019,
  '0020_services_hall': m0020,
};
