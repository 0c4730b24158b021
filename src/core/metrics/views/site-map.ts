// The site map as SVG: sites placed by their coordinates (Web Mercator), coloured by status, with
// labels, on a plain background with a light graticule — it needs no network. With `tiles`, the
// OpenStreetMap tiles the user opted into are drawn underneath at a zoom that fits the sites.
import type { SiteSummary } from './dashboard-model';
import { esc } from './html';

export interface MapOptions {
  width?: number;
  height?: number;
  /** Tile URL template with {z}/{x}/{y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png */
  tiles?: string;
}

/** Longitude/latitude → Web Mercator world coordinates in [0, 1]. */
export function mercator(lat: number, lng: number): [number, number] {
  const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
  const r = (clamped * Math.PI) / 180;
  return [(lng + 180) / 360, (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2];
}

export interface Viewport {
  /** World coordinate of the top-left corner. */
  x0: number;
  y0: number;
  /** Pixels per world unit. */
  scale: number;
}

/** Fits the points into width × height with a margin; snaps the scale to a tile zoom when asked. */
export function fitViewport(points: [number, number][], width: number, height: number, snapToTiles: boolean): Viewport & { zoom: number } {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const minSpan = 0.5 / 360; // about half a degree: a single site is not drawn at street level
  const spanX = Math.max(Math.max(...xs) - Math.min(...xs), minSpan);
  const spanY = Math.max(Math.max(...ys) - Math.min(...ys), minSpan);
  let scale = Math.min((width * 0.8) / spanX, (height * 0.75) / spanY);
  let zoom = Math.log2(scale / 256);
  if (snapToTiles) {
    zoom = Math.max(0, Math.min(18, Math.floor(zoom)));
    scale = 256 * 2 ** zoom;
  }
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return { x0: cx - width / 2 / scale, y0: cy - height / 2 / scale, scale, zoom };
}

export function siteMapSvg(sites: SiteSummary[], o: MapOptions = {}): string {
  const width = o.width ?? 900;
  const height = o.height ?? 420;
  const placed = sites.filter((s) => s.coordinates);
  const missing = sites.filter((s) => !s.coordinates && s.up + s.down + s.unknown > 0);
  const note = missing.length ? `<p class="muted">Not on the map (no coordinates): ${missing.map((s) => esc(s.site)).join(', ')}</p>` : '';
  if (!placed.length) return `<div class="map"><p class="empty">No site has coordinates: add <code>coordinates: [lat, lng]</code> to sites in parc.yaml.</p>${note}</div>`;
  const world = placed.map((s) => mercator(s.coordinates![0], s.coordinates![1]));
  const v = fitViewport(world, width, height, !!o.tiles);
  const px = (w: [number, number]): [number, number] => [(w[0] - v.x0) * v.scale, (w[1] - v.y0) * v.scale];
  const parts: string[] = [];
  if (o.tiles) {
    const n = 2 ** v.zoom;
    const tx0 = Math.floor(v.x0 * n);
    const ty0 = Math.floor(v.y0 * n);
    const tx1 = Math.floor((v.x0 + width / v.scale) * n);
    const ty1 = Math.floor((v.y0 + height / v.scale) * n);
    for (let tx = tx0; tx <= tx1; tx++) {
      for (let ty = Math.max(0, ty0); ty <= Math.min(n - 1, ty1); ty++) {
        const wrapped = ((tx % n) + n) % n;
        const url = o.tiles.replace('{z}', String(v.zoom)).replace('{x}', String(wrapped)).replace('{y}', String(ty));
        parts.push(`<image href="${esc(url)}" x="${((tx / n - v.x0) * v.scale).toFixed(1)}" y="${((ty / n - v.y0) * v.scale).toFixed(1)}" width="256" height="256"/>`);
      }
    }
  } else {
    // A graticule for orientation, at a step that gives a handful of lines.
    const degPerPx = 360 / v.scale;
    const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30].find((s) => s / degPerPx >= 90) ?? 30;
    const lng0 = v.x0 * 360 - 180;
    const lng1 = (v.x0 + width / v.scale) * 360 - 180;
    for (let g = Math.ceil(lng0 / step) * step; g <= lng1; g += step) {
      const x = ((g + 180) / 360 - v.x0) * v.scale;
      parts.push(`<line class="grat" x1="${x.toFixed(1)}" y1="0" x2="${x.toFixed(1)}" y2="${height}"/>`);
    }
    for (let g = -80; g <= 80; g += step) {
      const y = (mercator(g, 0)[1] - v.y0) * v.scale;
      if (y >= 0 && y <= height) parts.push(`<line class="grat" x1="0" y1="${y.toFixed(1)}" x2="${width}" y2="${y.toFixed(1)}"/>`);
    }
  }
  placed.forEach((s, i) => {
    const [x, y] = px(world[i]);
    const total = s.up + s.down + s.unknown;
    const label = `${s.site} (${s.up}/${total} up)`;
    parts.push(`<g><title>${esc(`${s.region} › ${s.site}: ${s.up} up, ${s.down} down${s.unknown ? `, ${s.unknown} not polled` : ''}`)}</title>` +
      `<circle class="${s.status}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="7"/>` +
      `<text x="${(x + 10).toFixed(1)}" y="${(y + 4).toFixed(1)}">${esc(label)}</text></g>`);
  });
  const attribution = o.tiles ? `<p class="muted">Map tiles © OpenStreetMap contributors</p>` : '';
  return `<div class="map"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="Site map">${parts.join('')}</svg>${attribution}${note}</div>`;
}
