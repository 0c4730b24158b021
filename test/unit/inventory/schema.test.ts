// parc.yaml's JSON Schema against what the parsers accept, both ways: a document holding every key of the schema
// is read by every parser of parc.yaml (inventory, windows/janitor, linux, directories) while NodeReader reports
// each mapping it reads with the keys it knows. Every known key must be in the schema at that place, and every key
// of the schema must be known by the parser that reads that place. The shipped JSON file is the module's schema.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { readDirectories } from '../../../src/core/ldap/profile';
import { parseInventory } from '../../../src/core/inventory/parse';
import { NodeReader } from '../../../src/core/inventory/reader';
import { PARC_SCHEMA, type JsonSchema } from '../../../src/core/inventory/schema';
import { readWindowsSection } from '../../../src/core/rdp/hosts-read';
import { readLinuxHosts } from '../../../src/core/ssh/linux-hosts';

const root = path.resolve(__dirname, '../../../..');

/** A value for every key of the schema (objects: all properties; maps: one entry per `type` the entry may have). */
function sample(s: JsonSchema): unknown {
  if (s.anyOf) return sample(s.anyOf.find((x) => x.type === 'object') ?? s.anyOf.find((x) => x.type === 'array') ?? s.anyOf[0]);
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object': {
      if (s.properties) return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, sample(v)]));
      const v = s.additionalProperties as JsonSchema;
      const types = v.properties?.type?.enum;
      if (types) return Object.fromEntries(types.map((t) => [`n${String(t)}`, { ...(sample(v) as object), type: t }]));
      return { n1: sample(v) };
    }
    case 'array': return s.minItems ? Array.from({ length: s.minItems }, () => sample(s.items!)) : [sample(s.items!)];
    case 'integer': case 'number': return s.minimum ?? 1;
    case 'boolean': return true;
    default: return 'x1';
  }
}

/** The schema node a parser's `where` ("alerting.rules[0].escalate", "snmp.profiles.n1") describes. */
function resolve(where: string): JsonSchema | undefined {
  if (where === 'parc.yaml') return PARC_SCHEMA;
  let node: JsonSchema | undefined = PARC_SCHEMA;
  for (const tok of where.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (!node) return undefined;
    const obj: JsonSchema | undefined = node.anyOf?.find((x) => x.type === 'object' || x.type === 'array') ?? node;
    if (tok.startsWith('[')) node = obj.items?.anyOf?.find((x) => x.type === 'object') ?? obj.items;
    else node = obj.properties?.[tok] ?? (typeof obj.additionalProperties === 'object' ? obj.additionalProperties : undefined);
  }
  return node;
}

/** Every object of the schema with named properties, by a readable path. */
function objects(s: JsonSchema, at: string, out = new Map<string, JsonSchema>()): Map<string, JsonSchema> {
  const o = s.anyOf?.find((x) => x.type === 'object') ?? s;
  if (o.properties) {
    out.set(at, o);
    for (const [k, v] of Object.entries(o.properties)) objects(v.anyOf?.find((x) => x.type === 'array') ?? v, `${at}.${k}`, out);
  }
  if (o.items) objects(o.items, `${at}[]`, out);
  if (typeof o.additionalProperties === 'object') objects(o.additionalProperties, `${at}.*`, out);
  return out;
}

describe('parc.yaml JSON Schema', () => {
  const seen = new Map<JsonSchema, Set<string>>();
  const unplaced: string[] = [];
  const extra: string[] = [];
  before(() => {
    NodeReader.keyObserver = (where, known) => {
      const node = resolve(where);
      if (!node?.properties) {
        unplaced.push(where);
        return;
      }
      const set = seen.get(node) ?? new Set<string>();
      for (const k of known) {
        set.add(k);
        if (!Object.hasOwn(node.properties, k)) extra.push(`${where}.${k}`);
      }
      seen.set(node, set);
    };
    const text = stringify(sample(PARC_SCHEMA));
    parseInventory(text, 'parc.yaml');
    readWindowsSection(text);
    readLinuxHosts(text);
    readDirectories(text, 'parc.yaml');
  });
  after(() => {
    NodeReader.keyObserver = undefined;
  });

  it('every key a parser knows is in the schema, at the place the parser reads it', () => {
    assert.deepEqual(unplaced, [], 'mappings the parsers read that the schema does not describe as objects');
    assert.deepEqual(extra, [], 'keys the parsers accept that the schema lacks');
  });

  it('every key of the schema is read by a parser', () => {
    const missing: string[] = [];
    const all = objects(PARC_SCHEMA, 'parc.yaml');
    assert.ok(all.size >= 20, `${all.size} objects in the schema`);
    for (const [at, o] of all) {
      const known = seen.get(o);
      if (!known) {
        missing.push(`${at} (no parser reads it)`);
        continue;
      }
      for (const k of Object.keys(o.properties!)) if (!known.has(k)) missing.push(`${at}.${k}`);
    }
    assert.deepEqual(missing, [], 'schema keys no parser knows');
  });

  it('media/schema/parc.schema.json is the schema of src/core/inventory/schema.ts', () => {
    const shipped = JSON.parse(readFileSync(path.join(root, 'media', 'schema', 'parc.schema.json'), 'utf8'));
    assert.deepEqual(shipped, JSON.parse(JSON.stringify(PARC_SCHEMA)), 'regenerate it: node scripts/gen-parc-schema.mjs (after npm run compile-tests)');
  });

  it('package.json contributes the schema for parc.yaml', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.yamlValidation, [{ fileMatch: 'parc.yaml', url: './media/schema/parc.schema.json' }]);
  });
});
