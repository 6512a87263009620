import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Classifiers (decision tables) with every version kept, and the per-record explanation of the
 * latest on-change evaluation. Batch runs keep their results in an unlogged table of their own
 * in `formwork_runs` (see ClassifierRunner): bulk-written, it is also the explanation store for
 * every record the run saw.
 */
export class Classifiers1732850000000 implements MigrationInterface {
  name = 'Classifiers1732850000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS formwork_runs`);
    // Durable jobs run on the queue (pg-boss) and resume from their checkpoint after a crash.
    await runner.query(
      `ALTER TABLE formwork.jobs ADD COLUMN durable boolean NOT NULL DEFAULT false, ADD COLUMN checkpoint jsonb`,
    );
    await runner.query(`
      CREATE TABLE formwork.classifiers (
        app_key text NOT NULL REFERENCES formwork.apps (key) ON DELETE CASCADE,
        key text NOT NULL,
        entity_key text NOT NULL,
        version integer NOT NULL,
        definition jsonb NOT NULL,
        on_change boolean NOT NULL DEFAULT false,
        results_table text,
        results_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (app_key, key)
      )`);
    await runner.query(`
      CREATE TABLE formwork.classifier_versions (
        app_key text NOT NULL,
        classifier_key text NOT NULL,
        version integer NOT NULL,
        definition jsonb NOT NULL,
        created_by uuid REFERENCES formwork.users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (app_key, classifier_key, version),
        FOREIGN KEY (app_key, classifier_key) REFERENCES formwork.classifiers (app_key, key) ON DELETE CASCADE
      )`);
    await runner.query(`
      CREATE TABLE formwork.classifications (
        app_key text NOT NULL,
        classifier_key text NOT NULL,
        record_id uuid NOT NULL,
        classifier_version integer NOT NULL,
        inputs jsonb NOT NULL,
        matched_rules text[] NOT NULL,
        outputs jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (app_key, classifier_key, record_id),
        FOREIGN KEY (app_key, classifier_key) REFERENCES formwork.classifiers (app_key, key) ON DELETE CASCADE
      )`);
    await runner.query(`
      CREATE FUNCTION formwork.notify_classifier_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('formwork_classifiers', COALESCE(NEW.app_key, OLD.app_key));
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER classifiers_notify AFTER INSERT OR UPDATE OR DELETE ON formwork.classifiers
      FOR EACH ROW EXECUTE FUNCTION formwork.notify_classifier_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER classifiers_notify ON formwork.classifiers`);
    await runner.query(`DROP FUNCTION formwork.notify_classifier_change()`);
    for (const table of ['classifications', 'classifier_versions', 'classifiers'])
      await runner.query(`DROP TABLE formwork.${table}`);
    await runner.query(`DROP SCHEMA formwork_runs CASCADE`);
    await runner.query(`ALTER TABLE formwork.jobs DROP COLUMN durable, DROP COLUMN checkpoint`);
  }
}
