import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Engines cache public forms by share token (the hot path of public submissions); this trigger
 * tells every engine (LISTEN formwork_forms) which form changed, at commit. A new form version
 * always updates its `formwork.forms` row, and deleting an app cascades to its forms, so one
 * trigger on that table covers every change.
 */
export class FormNotifications1732900000000 implements MigrationInterface {
  name = 'FormNotifications1732900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION formwork.notify_form_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('formwork_forms', COALESCE(NEW.app_key, OLD.app_key) || '/' || COALESCE(NEW.key, OLD.key));
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER forms_notify AFTER INSERT OR UPDATE OR DELETE ON formwork.forms
      FOR EACH ROW EXECUTE FUNCTION formwork.notify_form_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER forms_notify ON formwork.forms`);
    await runner.query(`DROP FUNCTION formwork.notify_form_change()`);
  }
}
