// The site map as SVG: sites placed by their coordinates (Mercator), coloured by status, over country and
// coastline outlines from Natural Earth (public domain, the `world-atlas` package, bundled: no network), zoomed to
// the estate's sites. Labels are placed so that they do not overlap one another or another site's dot. With
// `tiles`, the OpenStreetMap tiles the user opted into are drawn underneath instead, at a zoom that fits the sites.
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { SiteSummary } from './dashboard-model';
import { esc } from './html';
import { english, type Translate } from './strings';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a 750 kB JSON: required, not typed by tsc
const WORLD = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

export interface MapOptions {
  width?: number;
  height?: number;
  /** Tile URL template with {z}/{x}/{y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png */
  tiles?: string;
  t?: Translate;
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
  const minSpan = 3 / 360; // about three degrees: a single site is shown with its surroundings, not at street level
  const spanX = Math.max(Math.max(...xs) - Math.min(...xs), minSpan);
  const spanY = Math.max(Math.max(...ys) - Math.min(...ys), minSpan);
  // Room for labels on both sides, and above and below.
  let scale = Math.min((width * 0.6) / spanX, (height * 0.7) / spanY);
  let zoom = Math.log2(scale / 256);
  if (snapToTiles) {
    zoom = Math.max(0, Math.min(18, Math.floor(zoom)));
    scale = 256 * 2 ** zoom;
  }
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return { x0: cx - width / 2 / scale, y0: cy - height / 2 / scale, scale, zoom };
}

/** The d3 projection showing the same viewport as fitViewport (Web Mercator, unit sphere scaled). */
function projectionFor(v: Viewport, width: number, height: number): GeoProjection {
  // d3's Mercator maps longitude λ (radians) to x = k·λ; the world is 2πk wide, i.e. k = scale / 2π.
  const k = v.scale / (2 * Math.PI);
  const cx = v.x0 + width / 2 / v.scale;
  const cy = v.y0 + height / 2 / v.scale;
  const lng = cx * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * cy))) * 180) / Math.PI;
  return geoMercator().scale(k).center([lng, lat]).translate([width / 2, height / 2]).clipExtent([[-2, -2], [width + 2, height + 2]]);
}

const backgrounds = new Map<string, string>();

/** Countries (filled), borders and coastlines inside the viewport; cached per viewport. */
function geography(v: Viewport, width: number, height: number): string {
  const key = `${v.x0.toFixed(6)}|${v.y0.toFixed(6)}|${v.scale.toFixed(3)}|${width}|${height}`;
  const cached = backgrounds.get(key);
  if (cached !== undefined) return cached;
  const path = geoPath(projectionFor(v, width, height)).digits(1);
  const obj = WORLD.objects.countries;
  const land = path(feature(WORLD, WORLD.objects.land)) ?? '';
  const borders = path(mesh(WORLD, obj, (a, b) => a !== b)) ?? '';
  const coast = path(mesh(WORLD, obj, (a, b) => a === b)) ?? '';
  const svg = `<rect class="sea" width="${width}" height="${height}"/><path class="land" d="${land}"/><path class="border" d="${borders}"/><path class="coast" d="${coast}"/>`;
  if (backgrounds.size > 8) backgrounds.clear();
  backgrounds.set(key, svg);
  return svg;
}

interface Box { x: number; y: number; w: number; h: number }

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** Rough advance width of the map's 11 px labels (no font metrics here): wide enough never to underestimate much. */
export function labelWidth(text: string): number {
  return [...text].reduce((w, c) => w + (/[A-Z0-9MW@]/.test(c) ? 7.6 : /[il.,:;'|!() ]/.test(c) ? 3.6 : 6.4), 0) + 4;
}

export interface PlacedLabel { x: number; y: number; anchor: 'start' | 'middle' | 'end'; box: Box }

/**
 * Greedy label placement: each dot tries eight positions around it (right first) and takes the first that
 * overlaps no label placed so far, no dot and stays inside the map; failing that, the least-overlapping one.
 * Dots are taken from the most crowded to the freest, so the crowded ones choose first.
 */
export function placeLabels(points: { x: number; y: number; text: string }[], width: number, height: number, r = 7): PlacedLabel[] {
  const h = 13;
  const dots: Box[] = points.map((p) => ({ x: p.x - r - 1, y: p.y - r - 1, w: 2 * r + 2, h: 2 * r + 2 }));
  const crowd = points.map((p) => points.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) < 160).length);
  const order = points.map((_, i) => i).sort((a, b) => crowd[b] - crowd[a] || points[a].y - points[b].y);
  const placed: (PlacedLabel | undefined)[] = new Array(points.length);
  const taken: Box[] = [];
  for (const i of order) {
    const p = points[i];
    const w = labelWidth(p.text);
    const g = r + 3;
    const candidates: PlacedLabel[] = ([
      [p.x + g, p.y - h / 2, 'start'], [p.x - g - w, p.y - h / 2, 'end'],
      [p.x - w / 2, p.y - g - h, 'middle'], [p.x - w / 2, p.y + g, 'middle'],
      [p.x + g * 0.7, p.y - g - h * 0.6, 'start'], [p.x + g * 0.7, p.y + g * 0.6 - h * 0.4, 'start'],
      [p.x - g * 0.7 - w, p.y - g - h * 0.6, 'end'], [p.x - g * 0.7 - w, p.y + g * 0.6 - h * 0.4, 'end'],
    ] as [number, number, PlacedLabel['anchor']][]).map(([x, y, anchor]) => ({
      box: { x, y, w, h }, anchor,
      x: anchor === 'start' ? x + 2 : anchor === 'end' ? x + w - 2 : x + w / 2,
      y: y + h - 3,
    }));
    const cost = (c: PlacedLabel) => {
      const b = c.box;
      const outside = (b.x < 0 ? -b.x : 0) + (b.x + b.w > width ? b.x + b.w - width : 0) + (b.y < 0 ? -b.y : 0) + (b.y + b.h > height ? b.y + b.h - height : 0);
      return taken.reduce((s, t) => s + overlap(b, t), 0) + dots.reduce((s, d, j) => s + (j === i ? 0 : overlap(b, d)), 0) + outside * h * 4;
    };
    let best = candidates[0];
    let bestCost = Infinity;
    for (const c of candidates) {
      const k = cost(c);
      if (k < bestCost) [best, bestCost] = [c, k];
      if (k === 0) break;
    }
    placed[i] = best;
    taken.push(best.box);
  }
  return placed as PlacedLabel[];
}

export function siteMapSvg(sites: SiteSummary[], o: MapOptions = {}): string {
  const t = o.t ?? english;
  const width = o.width ?? 900;
  const height = o.height ?? 420;
  const placed = sites.filter((s) => s.coordinates);
  const missing = sites.filter((s) => !s.coordinates && s.up + s.down + s.unknown > 0);
  const note = missing.length ? `<p class="muted">${esc(t('Not on the map (no coordinates): {0}', missing.map((s) => s.site).join(', ')))}</p>` : '';
  if (!placed.length) return `<div class="map"><p class="empty">${esc(t('No site has coordinates: add coordinates: [lat, lng] to the sites in parc.yaml.'))}</p>${note}</div>`;
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
    parts.push(geography(v, width, height));
  }
  const points = placed.map((s, i) => {
    const [x, y] = px(world[i]);
    return { x, y, text: t('{0} ({1}/{2} up)', s.site, s.up, s.up + s.down + s.unknown) };
  });
  const labels = placeLabels(points, width, height);
  placed.forEach((s, i) => {
    const { x, y, text } = points[i];
    const l = labels[i];
    const title = t('{0} › {1}: {2} up, {3} down', s.region, s.site, s.up, s.down) + (s.unknown ? t(', {0} not polled', s.unknown) : '');
    parts.push(`<g class="site" data-site="${esc(s.site)}"><title>${esc(title)}</title>` +
      `<circle class="${s.status}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="7"/>` +
      `<text x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}" text-anchor="${l.anchor}">${esc(text)}</text></g>`);
  });
  const legend = (['up', 'partial', 'down', 'unknown'] as const).map((k) => `<span class="dot bg-${k}"></span>${esc(t(k === 'unknown' ? 'not polled' : k === 'partial' ? 'some down' : k))}`).join(' &nbsp; ');
  const attribution = o.tiles ? t('Map tiles © OpenStreetMap contributors') : t('Outlines: Natural Earth (public domain)');
  return `<div class="map"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(t('Site map'))}">${parts.join('')}</svg>` +
    `<p class="muted legend">${legend} · ${esc(attribution)}</p>${note}</div>`;
}
