// A unified diff of two texts, shown before a config.php is saved. Passwords in it are masked.

/** `mask` hides secrets in every shown line (default: config.php's passwords). */
export function unifiedDiff(a: string, b: string, nameA: string, nameB: string, context = 3, mask: (line: string) => string = maskSecrets): string {
  if (a === b) return '';
  const x = a.split('\n');
  const y = b.split('\n');
  // Common head and tail first: edits are local, and this keeps the table small.
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xm = x.slice(head, x.length - tail);
  const ym = y.slice(head, y.length - tail);
  const ops: { op: ' ' | '-' | '+'; line: string }[] = [];
  for (let i = 0; i < head; i++) ops.push({ op: ' ', line: x[i] });
  if (xm.length * ym.length > 4_000_000) {
    xm.forEach((line) => ops.push({ op: '-', line }));
    ym.forEach((line) => ops.push({ op: '+', line }));
  } else {
    const n = xm.length;
    const m = ym.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = xm[i] === ym[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && xm[i] === ym[j]) {
        ops.push({ op: ' ', line: xm[i++] });
        j++;
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ op: '-', line: xm[i++] });
      else ops.push({ op: '+', line: ym[j++] });
    }
  }
  for (let i = x.length - tail; i < x.length; i++) ops.push({ op: ' ', line: x[i] });

  const out = [`--- ${nameA}`, `+++ ${nameB}`];
  let k = 0;
  while (k < ops.length) {
    while (k < ops.length && ops[k].op === ' ') k++;
    if (k >= ops.length) break;
    let start = Math.max(0, k - context);
    let end = k;
    // Extend the hunk while changes are closer than 2*context lines apart.
    for (;;) {
      while (end < ops.length && ops[end].op !== ' ') end++;
      let gap = end;
      while (gap < ops.length && ops[gap].op === ' ') gap++;
      if (gap < ops.length && gap - end <= 2 * context) end = gap;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    const before = ops.slice(0, start);
    const aStart = before.filter((o) => o.op !== '+').length;
    const bStart = before.filter((o) => o.op !== '-').length;
    const hunk = ops.slice(start, end);
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(`@@ -${aStart + (aLen ? 1 : 0)},${aLen} +${bStart + (bLen ? 1 : 0)},${bLen} @@`);
    for (const o of hunk) out.push(o.op + mask(o.line));
    k = end;
    start = end;
  }
  return out.join('\n') + '\n';
}

/** Hides the value of password settings (auth_ldap_bindpw, auth_ad_bindpw, auth_radius_secret) in displayed lines. */
export function maskSecrets(line: string): string {
  return line.replace(/(\$config\s*\[\s*['"]auth_(?:ldap_bindpw|ad_bindpw|radius_secret)['"]\s*\]\s*=\s*)(.*?)(\s*;)/, (_m, a: string, v: string, c: string) => `${a}${/^(['"]).+\1$/.test(v.trim()) ? "'********'" : v}${c}`);
}
