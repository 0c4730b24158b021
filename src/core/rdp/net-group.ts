// Members of a Windows group from `net localgroup NAME` or `net group NAME /domain`, in any display
// language: the member list is what lies between the line of dashes and the closing status line
// ("The command completed successfully.", translated). `net group` prints members in columns.
import { SessionParseError } from './errors';

export function parseNetGroupMembers(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const dash = lines.findIndex((l) => /^-{10,}\s*$/.test(l));
  if (dash < 0) throw new SessionParseError('no line of dashes in net group output', 0, lines.find((l) => l.trim())?.trim());
  const rest = lines.slice(dash + 1).map((l) => l.trimEnd());
  let last = rest.length - 1;
  while (last >= 0 && !rest[last].trim()) last--;
  if (last < 0) throw new SessionParseError('net group output ends without its status line', 0);
  // The last non-empty line is the status message, not a member.
  return rest
    .slice(0, last)
    .flatMap((l) => l.split(/\s{2,}/))
    .map((m) => m.trim())
    .filter(Boolean);
}

/** The command that lists a group: DOMAIN\Group (or Group@domain) → domain group, else a local group. */
export function netGroupCommand(group: string): ['net', ...string[]] {
  const bs = group.indexOf('\\');
  if (bs >= 0) return ['net', 'group', group.slice(bs + 1), '/domain'];
  const at = group.lastIndexOf('@');
  if (at > 0) return ['net', 'group', group.slice(0, at), '/domain'];
  return ['net', 'localgroup', group];
}
