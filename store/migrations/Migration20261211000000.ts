import { Migration } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/knex';

/** Webhook deliveries, one row per delivery id, and one row per attempt to deliver it. */
export class Migration20261211000000 extends Migration {
  override async up(): Promise<void> {
    this.addStatements(this.getKnex().schema.createTable('webhook_deliveries', (t) => {
      t.string('id', 200).primary();
      t.string('batch_id', 128).notNullable();
      t.string('event', 32).notNullable();
      t.text('url').notNullable();
      t.string('status', 16).notNullable();
      t.integer('attempts').notNullable();
      t.integer('last_status_code').nullable();
      t.text('last_error').nullable();
      t.datetime('created_at').notNullable();
      t.datetime('updated_at').notNullable();
      t.index(['batch_id'], 'webhook_deliveries_batch_index');
    }));

    this.addStatements(this.getKnex().schema.createTable('webhook_attempts', (t) => {
      t.bigIncrements('id').primary();
      t.string('delivery_id', 200).notNullable();
      t.integer('attempt').notNullable();
      t.integer('status_code').nullable();
      t.text('error').nullable();
      t.integer('duration_ms').notNullable();
      t.datetime('created_at').notNullable();
      t.unique(['delivery_id', 'attempt'], {
        indexName: 'webhook_attempts_delivery_attempt_unique',
      });
    }));
  }

  override async down(): Promise<void> {
    for (const table of ['webhook_attempts', 'webhook_deliveries']) {
      this.addStatements(this.getKnex().schema.dropTableIfExists(table));
    }
  }

  /** Adds each SQL statement a schema builder produces for this database. */
  private addStatements(builder: Knex.SchemaBuilder): void {
    for (const statement of builder.toSQL()) {
      this.addSql(statement.sql);
    }
  }
}
