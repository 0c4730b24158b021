// GPS coordinates written into sysLocation, in the forms people and tools use:
// "[48.87, 2.22]" (Observium/LibreNMS), "(48.87 2.22)", "[48.87;2.22]" and bare "48.87,2.22".

const NUM = '([-+]?\\d{1,3}(?:\\.\\d+)?)';
const BRACKETED = new RegExp(`[\\[(]\\s*${NUM}\\s*(?:[,;]\\s*|\\s+)${NUM}\\s*[\\])]`);
const BARE = new RegExp(`(?:^|[^\\d.\\-+])${NUM}\\s*,\\s*${NUM}(?![\\d.])`);

export function parseCoordinates(text: string | undefined): [number, number] | undefined {
  if (!text) return undefined;
  for (const re of [BRACKETED, BARE]) {
    const m = re.exec(text);
    if (!m) continue;
    const lat = Number(m[1]);
    const lng = Number(m[2]);
    // Bare "12,5" could be anything (a rack, a room): require a decimal point in at least one part.
    if (re === BARE && !(m[1].includes('.') || m[2].includes('.'))) continue;
    if (lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180) return [lat, lng];
  }
  return undefined;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLng = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
