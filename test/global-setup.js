import { existsSync } from 'node:fs';

/** Provisions the Temporal CLI and OPSIN once before the tests; fails loudly when it cannot. */
export default async function globalSetup() {
  const setup = new URL('../dist/workers/setup/index.js', import.meta.url);
  if (!existsSync(setup)) {
    throw new Error('dist/ is missing: run the tests with `npm test` (it builds first)');
  }

  const { ensureTools, projectRoot } = await import(setup.href);
  await ensureTools(projectRoot(), (msg) => process.stderr.write(`setup: ${msg}\n`));
}
