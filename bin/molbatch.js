#!/usr/bin/env node
import { existsSync } from 'node:fs';

const entry = new URL('../dist/client/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('molbatch: dist/ is missing; run `npm install` (or `npm run build`) in the project first.');
  process.exit(1);
}
await import(entry.href);
