import { Migration } from '@mikro-orm/migrations';

/**
 * The input's own properties per record (SD data items, extra CSV columns) as JSON text.
 * A text column rather than MySQL's JSON type, which would reorder the keys.
 */
export class Migration20261215000000 extends Migration {
  override async up(): Promise<void> {
    const alter = this.getKnex().schema.alterTable('input_records', (t) => {
      t.text('properties', 'mediumtext').nullable();
    });
    alter.toSQL().forEach((statement) => this.addSql(statement.sql));
  }

  override async down(): Promise<void> {
    const alter = this.getKnex().schema.alterTable('input_records', (t) => {
      t.dropColumn('properties');
    });
    alter.toSQL().forEach((statement) => this.addSql(statement.sql));
  }
}
