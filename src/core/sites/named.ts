// A site of parc.yaml by its name or one of its aliases (how devices, linux: hosts and requests refer to sites).
import type { Site } from '../inventory/types';

export function siteNamed<S extends Pick<Site, 'name' | 'aliases'>>(sites: readonly S[], name: string): S | undefined {
  return sites.find((s) => s.name === name || s.aliases.includes(name));
}
