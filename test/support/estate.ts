// Helpers to build inventories and secrets for tests against real agents.
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseInventory } from '../../src/core/inventory/parse';
import type { Inventory } from '../../src/core/inventory/types';
import type { SecretSource } from '../../src/core/host';

export function inventoryFrom(yaml: string): Inventory {
  const { inventory, diagnostics } = parseInventory(yaml, 'parc.yaml');
  if (!inventory) throw new Error(`test inventory does not parse: ${JSON.stringify(diagnostics)}`);
  return inventory;
}

export function writeInventory(yaml: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-estate-'));
  const file = path.join(dir, 'parc.yaml');
  writeFileSync(file, yaml);
  return { dir, file };
}

/** Secrets held in a map the test can change between polls. */
export class MapSecrets implements SecretSource {
  constructor(readonly values: Record<string, string>) {}
  async get(name: string): Promise<string | undefined> {
    return this.values[name];
  }
}
