import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Provisions the Temporal CLI, OPSIN and MariaDB once before the tests; fails loudly when it cannot. */
export default async function globalSetup() {
  const setup = new URL('../dist/workers/setup/index.js', import.meta.url);
  if (!existsSync(setup)) {
    throw new Error('dist/ is missing: run the tests with `npm test` (it builds first)');
  }

  const { ensureTools, projectRoot } = await import(setup.href);
  await ensureTools(projectRoot(), (msg) => process.stderr.write(`setup: ${msg}\n`));
  provideMariadb();
}

/** Without MOLBATCH_TEST_MYSQL_URL, `.ci/mariadb` installs and starts a server (as root). */
function provideMariadb() {
  if (process.env.MOLBATCH_TEST_MYSQL_URL) {
    return;
  }
  try {
    const script = new URL('../.ci/mariadb', import.meta.url).pathname;
    const url = execFileSync('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    process.env.MOLBATCH_TEST_MYSQL_URL = url.toString().trim();
  } catch (error) {
    // The MariaDB tests then fail with their own message; the others still run.
    process.stderr.write(`setup: no MariaDB for the tests: ${error.message}\n`);
  }
}
