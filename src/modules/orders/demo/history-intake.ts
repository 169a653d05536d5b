/**
 * What intake made of a demo request: the classifier's guesses (right nine times in ten, else
 * a sibling category first), whether the agent picked the category themselves, and where the
 * routing rules send it — at intake, and with the right category when the dispatcher fixes it.
 */
import type { RouteDecision } from '../routing/routing';
import { decideRoute } from '../routing/routing';
import { between, pick, type Rand } from './demo-random';
import type { DemoRequest } from './demo-history';
import { round3 } from './history-helpers';
import type { HistoryInputs } from './history-inputs';

export interface Suggestion {
  categoryCode: string;
  confidence: number;
}

export interface IntakeResult {
  suggestions: Suggestion[];
  /** The classifier's first guess, as intake stored it. */
  top: Suggestion;
  /** The category registered at intake. */
  intakeCategory: string;
  intakeRoute: RouteDecision | null;
  /** The route of the right category (where the dispatcher sends it). */
  route: RouteDecision | null;
}

export class HistoryIntake {
  private categories: string[];
  private siblingCache = new Map<string, string[]>();

  constructor(
    private inputs: HistoryInputs,
    requests: readonly DemoRequest[],
  ) {
    this.categories = [...new Set(requests.map((q) => q.categoryCode))].sort();
  }

  classify(r: Rand, q: DemoRequest, communityCode: string): IntakeResult {
    const { inputs } = this;
    // what the classifier guessed, and whether the agent picked the category themselves
    const picked =
      q.channel === 'drone' ||
      q.channel === 'camera' ||
      ((q.channel === 'hotline' || q.channel === 'grid') && r() < 0.55);
    const suggestions = this.suggest(r, q.categoryCode);
    const top = suggestions[0];
    let intakeCategory = picked ? q.categoryCode : top.categoryCode;
    const routeFor = (code: string, confidence: number | null, confirmed: boolean) =>
      decideRoute({
        categoryCode: code,
        departmentType: inputs.category(code)?.department_type ?? null,
        communityCode,
        confidence,
        categoryConfirmed: confirmed,
        rules: inputs.rules,
        units: inputs.units,
      });
    let intakeRoute = routeFor(intakeCategory, picked ? 1 : top.confidence, picked);
    if (intakeCategory !== q.categoryCode && intakeRoute?.autoDispatch) {
      // a wrong guess sure enough to be auto-dispatched is beyond this demo: take the right one
      suggestions.unshift(
        suggestions.splice(
          suggestions.findIndex((s) => s.categoryCode === q.categoryCode),
          1,
        )[0],
      );
      intakeCategory = q.categoryCode;
      intakeRoute = routeFor(intakeCategory, suggestions[0].confidence, false);
    }
    const route = intakeCategory === q.categoryCode ? intakeRoute : routeFor(q.categoryCode, 1, true);
    return { suggestions, top, intakeCategory, intakeRoute, route };
  }

  private suggest(r: Rand, code: string): Suggestion[] {
    const siblings = this.siblingsOf(code);
    const other = () => pick(r, siblings);
    if (siblings.length === 0 || r() < 0.9) {
      const c1 = 0.5 + 0.5 * Math.sqrt(r());
      const rest = 1 - c1;
      const out = [{ categoryCode: code, confidence: round3(c1) }];
      if (siblings.length) out.push({ categoryCode: other(), confidence: round3(rest * 0.6) });
      return out;
    }
    const wrong = other();
    const c1 = between(r, 0.3, 0.62);
    return [
      { categoryCode: wrong, confidence: round3(c1) },
      { categoryCode: code, confidence: round3((1 - c1) * 0.7) },
    ];
  }

  /** The other categories of the same top-level line among the requests. */
  private siblingsOf(code: string): string[] {
    let s = this.siblingCache.get(code);
    if (!s) {
      s = this.categories.filter((c) => c !== code && c.slice(0, 2) === code.slice(0, 2));
      this.siblingCache.set(code, s);
    }
    return s;
  }
}
