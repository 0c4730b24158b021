// What the Directory view shows for a login test, as plain data (no vscode import, so it is unit-tested).
import type { LoginTestResult, StepResult } from '../../core/ldap/login-test';

export type StepIcon = 'pass' | 'error' | 'circle-slash';

export interface StepRow {
  label: string;
  description: string;
  tooltip: string;
  icon: StepIcon;
  /** Groups, under the group step. */
  children: string[];
}

export function stepIcon(s: StepResult): StepIcon {
  return s.skipped ? 'circle-slash' : s.ok ? 'pass' : 'error';
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

export function stepRows(r: LoginTestResult): StepRow[] {
  return r.steps.map((s) => ({
    label: s.title,
    description: s.skipped ? s.message : `${formatMs(s.ms)} — ${s.message}`,
    tooltip: `${s.ok ? '✓' : s.skipped ? '–' : '✗'} ${s.title}${s.skipped ? '' : ` (${formatMs(s.ms)})`}\n${s.message}${s.reason ? `\n[${s.reason}]` : ''}`,
    icon: stepIcon(s),
    children: s.step === 'groups' && s.ok ? r.groups : [],
  }));
}

/** The one-line verdict shown on the result node. */
export function verdict(r: LoginTestResult): { text: string; allowed: boolean } {
  if (r.allowed) return { text: r.observium ? `${r.user}: allowed — Observium level ${r.observium.level} (${r.observium.levelName})` : `${r.user}: allowed`, allowed: true };
  const failed = r.steps.find((s) => s.step === r.failure?.step);
  return { text: `${r.user}: refused at "${failed?.title ?? r.failure?.step ?? '?'}"`, allowed: false };
}
