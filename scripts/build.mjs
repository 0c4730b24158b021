// Bundles the extension and the CLI with esbuild. `vscode` stays external (provided by the host).
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', minify: process.argv.includes('--minify') };
// ssh2's optional native addons (sshcrypto.node, cpu-features) stay out of the bundles: ssh2 loads them in
// try/catch and falls back to pure JS, and no native addon may ship in the extension (it runs in Electron).
const optionalNative = ['cpu-features', '*.node'];

await Promise.all([
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', ...optionalNative], format: 'cjs' }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', external: optionalNative, format: 'cjs', banner: { js: '#!/usr/bin/env node' } }),
  // The browser page `parc serve` serves at / (media/web/: index.html is in the repository, app.js is built).
  build({
    ...common, entryPoints: ['src/web/app.ts'], outfile: 'media/web/app.js', platform: 'browser', target: 'es2022', format: 'iife',
    loader: { '.css': 'text' }, alias: { 'node:crypto': './src/web/shims/crypto.ts' },
  }),
]);
chmodSync('dist/cli.js', 0o755);
if (watch) console.log('watch mode is not supported; run npm run build again');
