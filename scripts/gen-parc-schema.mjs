// Writes media/schema/parc.schema.json from src/core/inventory/schema.ts (compiled to out/ by npm run compile-tests).
// test/unit/inventory/schema.test.ts fails when the two differ.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { PARC_SCHEMA } = require('../out/src/core/inventory/schema.js');
writeFileSync(new URL('../media/schema/parc.schema.json', import.meta.url), JSON.stringify(PARC_SCHEMA, null, 2) + '\n');
console.log('media/schema/parc.schema.json written');
