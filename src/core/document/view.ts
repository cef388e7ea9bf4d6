import type { Decisions } from '../decide/decide.js';
import type { Design, DesignContext } from '../design.js';
import type { AvailabilityChoice, NineRow } from '../design-search.js';

/** Everything the plan document is mapped from: the chosen design and what was decided about it. */
export interface DesignView {
  ctx: DesignContext;
  design: Design;
  decisions: Decisions;
  choice: AvailabilityChoice;
  nines: NineRow[];
  /** Why the user count put the plan in its tier. */
  usersReason: string;
}
