import { Migration } from '@mikro-orm/migrations';

/** Per-result score, findings (JSON with severities and atoms) and properties (JSON). */
export class Migration20261212000000 extends Migration {
  override async up(): Promise<void> {
    const alter = this.getKnex().schema.alterTable('results', (t) => {
      t.integer('score').nullable();
      t.text('findings').nullable();
      t.text('properties').nullable();
    });
    alter.toSQL().forEach((statement) => this.addSql(statement.sql));
  }

  override async down(): Promise<void> {
    const alter = this.getKnex().schema.alterTable('results', (t) => {
      t.dropColumn('score');
      t.dropColumn('findings');
      t.dropColumn('properties');
    });
    alter.toSQL().forEach((statement) => this.addSql(statement.sql));
  }
}
