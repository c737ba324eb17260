import fs from 'node:fs';
import path from 'node:path';

import { MikroORM, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { Migrator } from '@mikro-orm/migrations';
import { MySqlDriver } from '@mikro-orm/mysql';

import { ALL_SCHEMAS } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/** Where the store lives: a SQLite file by default, MySQL when the URL says so. */
export interface StoreLocation {
  /** `mysql://user:pass@host:port/db`, or `sqlite:///path` / a plain file path. */
  url?: string;
  /** Folder for the default SQLite file. */
  home: string;
}

/** Builds MikroORM options for a store location. */
export function storeOptions(location: StoreLocation): Options {
  const common = {
    entities: ALL_SCHEMAS,
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, snapshot: false, transactional: true, silent: true },
    debug: false,
    discovery: { warnWhenNoEntities: true },
  };

  const url = location.url ?? '';
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) {
    // MySQL commits each DDL statement on its own; a migration transaction would promise nothing.
    const migrations = { ...common.migrations, transactional: false };
    const clientUrl = url.replace(/^mariadb:/, 'mysql:');
    return { ...common, migrations, driver: MySqlDriver, clientUrl };
  }

  const file = url ? url.replace(/^sqlite:\/\//, '') : path.join(location.home, 'molbatch.sqlite');
  return { ...common, driver: BetterSqliteDriver, dbName: file };
}

/** Describes a store location without its credentials, for logs and messages. */
export function describeStore(location: StoreLocation): string {
  const options = storeOptions(location);
  if (options.clientUrl) {
    return options.clientUrl.replace(/\/\/[^@/]*@/, '//***@');
  }
  return `sqlite:${options.dbName}`;
}

/** Opens the store and applies the committed migrations. */
export async function openStore(location: StoreLocation): Promise<MikroORM> {
  const orm = await connect(location);
  try {
    await orm.getMigrator().up();
  } catch (error) {
    await orm.close();
    throw error;
  }
  return orm;
}

/** Applies the committed migrations and returns the names of those applied now. */
export async function migrateStore(location: StoreLocation): Promise<string[]> {
  const orm = await connect(location);
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close();
  }
}

async function connect(location: StoreLocation): Promise<MikroORM> {
  const options = storeOptions(location);
  if (options.dbName && !options.clientUrl) {
    fs.mkdirSync(path.dirname(options.dbName), { recursive: true });
  }

  const orm = await MikroORM.init(options);
  if (orm.config.get('driver') === BetterSqliteDriver) {
    // WAL lets the CLI read results while the worker writes.
    await orm.em.getConnection().execute('pragma journal_mode = wal');
    await orm.em.getConnection().execute('pragma busy_timeout = 10000');
  }
  return orm;
}
