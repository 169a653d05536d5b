/**
 * The demo request templates of every leaf category, one file per category family (the city's
 * services, the people's affairs, what the centre answers itself). Syntax: demo-text-set.ts; the
 * slots are filled by request-places.ts. Some texts deliberately brush against a neighbouring
 * category, as real requests do.
 */
import type { DemoTextSet } from './demo-text-set';
import { CENTRE_TEXTS } from './demo-texts-centre';
import { CITYSCAPE_TEXTS } from './demo-texts-cityscape';
import { COMMUNITY_TEXTS } from './demo-texts-community';
import { ENVIRONMENT_TEXTS } from './demo-texts-environment';
import { HOUSING_TEXTS } from './demo-texts-housing';
import { MARKET_TEXTS } from './demo-texts-market';
import { SAFETY_TEXTS } from './demo-texts-safety';
import { TRAFFIC_TEXTS } from './demo-texts-traffic';
import { UTILITY_TEXTS } from './demo-texts-utilities';
import { WELFARE_TEXTS } from './demo-texts-welfare';

/**
 * Every category's templates. Merged in category-code order: the generator draws from
 * `Object.keys` (request-text.ts `sideRemark`), so the order is part of what a seed produces.
 */
export const DEMO_TEXTS: Record<string, DemoTextSet> = {
  ...CITYSCAPE_TEXTS, // 01
  ...UTILITY_TEXTS, // 02
  ...TRAFFIC_TEXTS, // 03
  ...ENVIRONMENT_TEXTS, // 04
  ...HOUSING_TEXTS, // 05
  ...MARKET_TEXTS, // 06
  ...WELFARE_TEXTS, // 07–09
  ...SAFETY_TEXTS, // 10
  ...COMMUNITY_TEXTS, // 11–12
  ...CENTRE_TEXTS, // 13–14
};
