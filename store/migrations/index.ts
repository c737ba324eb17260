import { Migration20261203000000 } from './Migration20261203000000.js';
import { Migration20261210000000 } from './Migration20261210000000.js';
import { Migration20261211000000 } from './Migration20261211000000.js';
import { Migration20261212000000 } from './Migration20261212000000.js';
import { Migration20261215000000 } from './Migration20261215000000.js';

/** Committed migrations in the order they apply; never edit one that has shipped. */
export const MIGRATIONS = [
  { name: 'Migration20261203000000', class: Migration20261203000000 },
  { name: 'Migration20261210000000', class: Migration20261210000000 },
  { name: 'Migration20261211000000', class: Migration20261211000000 },
  { name: 'Migration20261212000000', class: Migration20261212000000 },
  { name: 'Migration20261215000000', class: Migration20261215000000 },
];
