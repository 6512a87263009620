import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Engines cache entity definitions and sessions; these triggers tell every engine (LISTEN) when a
 * cached row changed. NOTIFY is delivered at commit, so no engine hears of uncommitted changes.
 */
export class ChangeNotifications1732600000000 implements MigrationInterface {
  name = 'ChangeNotifications1732600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION formwork.notify_entity_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('formwork_entities', COALESCE(NEW.app_key, OLD.app_key) || '/' || COALESCE(NEW.key, OLD.key));
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER entities_notify AFTER INSERT OR UPDATE OR DELETE ON formwork.entities
      FOR EACH ROW EXECUTE FUNCTION formwork.notify_entity_change()`);
    await runner.query(`
      CREATE FUNCTION formwork.notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('formwork_sessions', TG_ARGV[0] || ':' || COALESCE(NEW.id, OLD.id));
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER sessions_notify AFTER UPDATE OR DELETE ON formwork.sessions
      FOR EACH ROW EXECUTE FUNCTION formwork.notify_session_change('session')`);
    await runner.query(`
      CREATE TRIGGER users_notify AFTER UPDATE OR DELETE ON formwork.users
      FOR EACH ROW EXECUTE FUNCTION formwork.notify_session_change('user')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER users_notify ON formwork.users`);
    await runner.query(`DROP TRIGGER sessions_notify ON formwork.sessions`);
    await runner.query(`DROP TRIGGER entities_notify ON formwork.entities`);
    await runner.query(`DROP FUNCTION formwork.notify_session_change()`);
    await runner.query(`DROP FUNCTION formwork.notify_entity_change()`);
  }
}
