import { Migration } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/knex';

/** The first schema: batches, input records, results and the audit trail. */
export class Migration20261203000000 extends Migration {
  override async up(): Promise<void> {
    this.addStatements(this.schema().createTable('batches', (t) => {
      t.string('id', 128).primary();
      t.string('workflow_id', 128).notNullable();
      t.text('source_path').notNullable();
      t.string('submitter', 128).notNullable();
      t.string('state', 16).notNullable();
      t.integer('total').notNullable();
      addCounts(t);
      t.datetime('created_at').notNullable();
      t.datetime('completed_at').nullable();
    }));

    this.addStatements(this.schema().createTable('input_records', (t) => {
      t.bigIncrements('id').primary();
      t.string('batch_id', 128).notNullable();
      t.integer('record_index').notNullable();
      t.integer('line').notNullable();
      t.text('name').nullable();
      t.text('input', 'mediumtext').nullable();
      t.text('converted').nullable();
      t.text('read_error').nullable();
      t.unique(['batch_id', 'record_index'], { indexName: 'input_records_batch_index_unique' });
    }));

    this.addStatements(this.schema().createTable('results', (t) => {
      t.bigIncrements('id').primary();
      t.string('batch_id', 128).notNullable();
      t.integer('record_index').notNullable();
      t.string('status', 8).notNullable();
      t.text('message').notNullable();
      t.text('issues').notNullable();
      t.text('canonical_smiles').nullable();
      t.string('inchikey', 32).nullable();
      t.string('formula', 255).nullable();
      t.double('mw').nullable();
      t.unique(['batch_id', 'record_index'], { indexName: 'results_batch_index_unique' });
    }));

    this.addStatements(this.schema().createTable('audit_events', (t) => {
      t.bigIncrements('id').primary();
      t.string('batch_id', 128).notNullable();
      t.string('event', 32).notNullable();
      t.string('workflow_id', 128).notNullable();
      t.string('run_id', 64).notNullable();
      t.string('actor', 128).notNullable();
      t.integer('molecule_count').notNullable();
      addCounts(t);
      t.text('details').notNullable();
      t.datetime('created_at').notNullable();
      t.unique(['batch_id', 'event'], { indexName: 'audit_events_batch_event_unique' });
    }));
  }

  override async down(): Promise<void> {
    for (const table of ['audit_events', 'results', 'input_records', 'batches']) {
      this.addStatements(this.schema().dropTableIfExists(table));
    }
  }

  /** A fresh schema builder; one builder accumulates every statement made through it. */
  private schema(): Knex.SchemaBuilder {
    return this.getKnex().schema;
  }

  /** Adds each SQL statement a schema builder produces for this database. */
  private addStatements(builder: Knex.SchemaBuilder): void {
    for (const statement of builder.toSQL()) {
      this.addSql(statement.sql);
    }
  }
}

function addCounts(t: Knex.CreateTableBuilder): void {
  for (const column of ['passed', 'warned', 'failed', 'errored']) {
    t.integer(column).notNullable();
  }
}
