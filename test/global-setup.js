import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Provisions the Temporal CLI, OPSIN, MariaDB and Docker Compose once before the tests. */
export default async function globalSetup() {
  const setup = new URL('../dist/workers/setup/index.js', import.meta.url);
  if (!existsSync(setup)) {
    throw new Error('dist/ is missing: run the tests with `npm test` (it builds first)');
  }

  const { ensureTools, projectRoot } = await import(setup.href);
  await ensureTools(projectRoot(), (msg) => process.stderr.write(`setup: ${msg}\n`));
  provideMariadb();
  provideCompose();
}

/** The compose test needs vendor/bin/docker-compose; `.ci/compose/build` makes it (cached). */
function provideCompose() {
  if (existsSync(new URL('../vendor/bin/docker-compose', import.meta.url))) {
    return;
  }
  const script = new URL('../.ci/compose/build', import.meta.url).pathname;
  try {
    execFileSync('bash', [script], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    // The compose test then fails, naming the missing binary; the others still run.
    process.stderr.write(`setup: no Docker Compose for the tests: ${error.message}\n`);
  }
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
