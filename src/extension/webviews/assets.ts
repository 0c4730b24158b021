// uPlot for the device page: from media/uplot in the installed extension (the VSIX ships media/,
// not node_modules), from node_modules when running from a checkout.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface UplotAssets {
  uplotJs: string;
  uplotCss: string;
}

let cached: UplotAssets | undefined;

export function uplotAssets(extensionPath: string): UplotAssets {
  if (cached) return cached;
  const candidates = [path.join(extensionPath, 'media', 'uplot'), path.join(extensionPath, 'node_modules', 'uplot', 'dist')];
  for (const dir of candidates) {
    try {
      cached = { uplotJs: fs.readFileSync(path.join(dir, 'uPlot.iife.min.js'), 'utf8'), uplotCss: fs.readFileSync(path.join(dir, 'uPlot.min.css'), 'utf8') };
      return cached;
    } catch {
      // next candidate
    }
  }
  throw new Error(`uPlot not found in ${candidates.join(' or ')}`);
}
