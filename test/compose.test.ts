import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { readConfig } from '../common/config.js';

const PLUGIN = path.join(process.cwd(), 'vendor', 'bin', 'docker-compose');

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  container_name?: string;
  ports?: unknown[];
  entrypoint?: string[];
  depends_on?: Record<string, { condition: string }>;
}

/**
 * `docker compose config --format json`, through the Docker CLI with the compose plugin built by
 * `.ci/compose/build`; where no `docker` client is installed, the plugin runs on its own.
 */
function composeConfig(): { services: Record<string, Service> } {
  if (!fs.existsSync(PLUGIN)) {
    throw new Error(`${PLUGIN} is missing: run .ci/compose/build (it builds Docker Compose)`);
  }
  const dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'molbatch-docker-'));
  fs.mkdirSync(path.join(dockerConfig, 'cli-plugins'));
  fs.symlinkSync(PLUGIN, path.join(dockerConfig, 'cli-plugins', 'docker-compose'));

  const env = { ...process.env, DOCKER_CONFIG: dockerConfig };
  const args = ['config', '--format', 'json'];
  const out = hasDocker()
    ? execFileSync('docker', ['compose', ...args], { env, encoding: 'utf8' })
    : execFileSync(PLUGIN, args, { env, encoding: 'utf8' });
  return JSON.parse(out) as { services: Record<string, Service> };
}

function hasDocker(): boolean {
  try {
    execFileSync('docker', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('docker-compose.yml', () => {
  const { services } = composeConfig();

  test('docker compose config accepts it, with Temporal, its UI, MySQL, migrate and the workers', () => {
    expect(Object.keys(services).sort()).toEqual([
      'migrate', 'mysql', 'search-attributes', 'temporal', 'temporal-ui',
      'worker', 'worker-chem', 'worker-fast', 'worker-opsin',
    ]);
  });

  test('each worker service serves one task queue and can be scaled (no fixed name or host port)', () => {
    const queues = ['worker', 'worker-chem', 'worker-opsin', 'worker-fast'].map((name) => {
      const service = services[name];
      expect(service.container_name).toBeUndefined();
      expect(service.ports).toBeUndefined();
      expect(service.depends_on?.migrate.condition).toBe('service_completed_successfully');
      return service.command?.slice(1);
    });

    expect(queues).toEqual([
      ['--queues', 'molbatch'], ['--queues', 'molbatch-chem'], ['--queues', 'molbatch-opsin'],
      ['--queues', 'molbatch-fast'],
    ]);
  });

  test("the workers' environment passes molbatch's configuration check", () => {
    for (const name of ['migrate', 'worker', 'worker-chem', 'worker-opsin', 'worker-fast']) {
      const config = readConfig(services[name].environment ?? {});
      expect(config.temporalAddress).toBe('temporal:7233');
      expect(config.databaseUrl).toMatch(/^mysql:\/\/molbatch:[^@]+@mysql:3306\/molbatch$/);
    }
  });

  test('the search attributes the workflow sets are registered at start', () => {
    const script = fs.readFileSync(path.join(process.cwd(), 'deploy', 'search-attributes.sh'), 'utf8');

    expect(services['search-attributes'].entrypoint).toEqual(['sh', '/deploy/search-attributes.sh']);
    for (const attribute of [
      'MolbatchStatus:Keyword', 'MolbatchMoleculeCount:Int', 'MolbatchPassed:Int',
      'MolbatchFailed:Int', 'MolbatchSubmitter:Keyword',
    ]) {
      expect(script).toContain(attribute);
    }
  });
});
