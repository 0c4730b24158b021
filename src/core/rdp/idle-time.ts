import { isNoneWord } from './languages';

/**
 * quser's IDLE TIME column in minutes: "none"/"." (and translations) → 0, "5", "1:05", "2+03:04".
 * undefined when the text is none of these.
 */
export function parseIdle(text: string): number | undefined {
  const t = text.trim();
  if (t === '.' || isNoneWord(t)) return 0;
  let m = /^(\d{1,6})$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d{1,6}):(\d{2})$/.exec(t);
  if (m && Number(m[2]) < 60) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d{1,5})\+(\d{1,2}):(\d{2})$/.exec(t);
  if (m && Number(m[2]) < 24 && Number(m[3]) < 60) return Number(m[1]) * 1440 + Number(m[2]) * 60 + Number(m[3]);
  return undefined;
}
