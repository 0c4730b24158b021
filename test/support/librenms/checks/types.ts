// One field compared with LibreNMS's expectation. A check applies only where LibreNMS's test covers the field.
import type { DevicePoll } from '../../../../src/core/poll/types';
import type { LibrenmsCase } from '../corpus';

export interface Verdict {
  agrees: boolean;
  /** Why not, for the disagreement list: expected vs got, briefly. */
  detail?: string;
}

export interface FieldCheck {
  /** Column in the agreement table, e.g. `hardware`. */
  field: string;
  applies(c: LibrenmsCase): boolean;
  judge(c: LibrenmsCase, p: DevicePoll): Verdict;
}
