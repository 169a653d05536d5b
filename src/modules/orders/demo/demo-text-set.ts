/** The shape of the demo request templates (demo-texts-*.ts), apart from the generator that reads them. */

/**
 * Templates of one leaf category. `[a|b|c]` picks one alternative (an empty one makes a
 * part optional); `{slot}` is filled from the lists below.
 */
export interface DemoTextSet {
  /** Relative yearly volume. */
  w: number;
  /** Citizen-voice texts (hotline, web, WeChat, Open311). */
  t: string[];
  /** Grid inspectors' patrol reports; present when inspectors find this kind of problem. */
  p?: string[];
  /** What a drone or camera recogniser calls it; present only when one can see it. */
  ai?: { label: string; drone?: boolean; camera?: boolean };
  season?: Season;
  /** High-risk categories (leaks, outages, people trapped) are more often urgent. */
  risk?: true;
}

export type Season = 'summer' | 'rainy' | 'winter' | 'school' | 'newyear';
