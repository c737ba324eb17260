import { Migration } from '@mikro-orm/migrations';

/** OPSIN's warnings for a name it converted with status WARNING, one per line. */
export class Migration20261210000000 extends Migration {
  override async up(): Promise<void> {
    const alter = this.getKnex().schema.alterTable('input_records', (t) => {
      t.text('conversion_warnings').nullable();
    });
    alter.toSQL().forEach((statement) => this.addSql(statement.sql));
  }

  override async down(): Promise<void> {
    const alter = this.getKnex().schema.alterTable('input_records', (t) => {
      t.dropColumn('conversion_warnings');
    });
    alter.toSQL().forEach((statement) => this.addSql(statement.sql));
  }
}
