import { Injectable } from '@nestjs/common';
import type {
  ClassificationExplanation,
  Classifier,
  ClassifierDefinition,
  ClassifierEvaluation,
  ClassifierPreview,
  FieldError,
} from '@formwork/definitions';
import { parseCron } from '@formwork/definitions';
import { assignRuleIds, checkTable, evaluateTable, exportDmn } from '@formwork/rules';
import { DataSource } from 'typeorm';
import { AppsRepository } from '../apps/apps.repository.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { RequestActor } from '../auth/request-actor.js';
import { conflict, notFound, unprocessable } from '../common/problem.js';
import { canonicalJson } from '../common/canonical-json.js';
import { ClassifierCompiler, type ClassifierContext } from './classifier-compiler.js';
import { ClassifiersRepository, type StoredClassifier } from './classifiers.repository.js';
import { ClassificationReader } from './classification-reader.js';

/** Checks that refuse a table; overlaps and gaps are warnings (records hitting them are reported). */
const WARNING_CODES = new Set(['overlap', 'gap']);

const publicView = ({
  app: _app,
  resultsTable: _table,
  resultsAt: _at,
  ...classifier
}: StoredClassifier): Classifier => classifier;

export interface SavedClassifier {
  classifier: Classifier & { warnings: FieldError[] };
  created: boolean;
}

@Injectable()
export class ClassifiersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly apps: AppsRepository,
    private readonly classifiers: ClassifiersRepository,
    private readonly compiler: ClassifierCompiler,
    private readonly reader: ClassificationReader,
    private readonly audit: AuditRepository,
  ) {}

  async list(app: string): Promise<{ items: Classifier[] }> {
    await this.requireApp(app);
    return { items: (await this.classifiers.list(app)).map(publicView) };
  }

  async get(app: string, key: string): Promise<Classifier> {
    return publicView(await this.find(app, key));
  }

  async find(app: string, key: string): Promise<StoredClassifier> {
    const classifier = await this.classifiers.find(app, key);
    if (classifier) return classifier;
    await this.requireApp(app);
    throw notFound(`There is no classifier ${key} in ${app}.`);
  }

  /**
   * Checks a definition against the current entities: every cell parses and fits its column,
   * outputs are fields with their allowed values, aggregates follow real relations. Answers the
   * context it compiled and the warnings (overlaps, gaps); a failing check is a 422 listing all.
   */
  async check(
    app: string,
    definition: ClassifierDefinition,
  ): Promise<{ context: ClassifierContext; warnings: FieldError[] }> {
    const context = await this.compiler.context(app, definition);
    const fields = Object.fromEntries(context.entity.fields.map((field) => [field.key, field]));
    const checked = checkTable(context.table, { fields });
    const errors: FieldError[] = [];
    const warnings: FieldError[] = [...checked.warnings];
    for (const message of checked.errors)
      (WARNING_CODES.has(message.code) ? warnings : errors).push(message);
    definition.outputs.forEach((output, index) => {
      if (!fields[output.field])
        errors.push({
          path: `/outputs/${index}/field`,
          message: `there is no field ${output.field} in ${definition.entity}`,
        });
    });
    (definition.triggers ?? []).forEach((trigger, index) => {
      if (!trigger.startsWith('schedule:')) return;
      const parsed = parseCron(trigger.slice('schedule:'.length));
      if ('error' in parsed) errors.push({ path: `/triggers/${index}`, message: parsed.error });
    });
    if (errors.length === 0) errors.push(...this.compiler.sql(context).errors);
    if (errors.length > 0) throw unprocessable(dedupe(errors), 'The decision table has errors.');
    return { context, warnings: dedupe(warnings) };
  }

  async put(
    app: string,
    key: string,
    input: ClassifierDefinition,
    expectedVersion: number | undefined,
    actor: RequestActor,
  ): Promise<SavedClassifier> {
    await this.requireApp(app);
    const definition = { ...input, rules: assignRuleIds(input.rules) };
    const { warnings } = await this.check(app, definition);
    const saved = await this.dataSource.transaction(async (manager) => {
      const current = await this.classifiers.find(app, key, manager, true);
      if (expectedVersion !== undefined && current?.version !== expectedVersion)
        throw conflict(
          `The classifier was changed by someone else (now version ${current?.version ?? 'none'}). Reload it and try again.`,
        );
      const unchanged =
        current && canonicalJson(definitionOf(current)) === canonicalJson(definition);
      const version = !current ? 1 : unchanged ? current.version : current.version + 1;
      if (!unchanged)
        await this.classifiers.save(app, key, definition, version, actor.userId, manager);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: current ? 'classifier.update' : 'classifier.create',
          subjectType: 'classifier',
          subjectId: `${app}/${key}`,
          before: current ? { version: current.version } : undefined,
          after: { version, entity: definition.entity, triggers: definition.triggers ?? [] },
          ip: actor.ip,
        },
        manager,
      );
      return { classifier: (await this.classifiers.find(app, key, manager))!, created: !current };
    });
    this.classifiers.forget(app);
    return { classifier: { ...publicView(saved.classifier), warnings }, created: saved.created };
  }

  async delete(app: string, key: string, actor: RequestActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.classifiers.find(app, key, manager, true);
      if (!current) throw notFound(`There is no classifier ${key} in ${app}.`);
      await this.classifiers.delete(app, key, manager);
      if (current.resultsTable) await manager.query(`DROP TABLE IF EXISTS ${current.resultsTable}`);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'classifier.delete',
          subjectType: 'classifier',
          subjectId: `${app}/${key}`,
          before: { version: current.version },
          ip: actor.ip,
        },
        manager,
      );
    });
    this.classifiers.forget(app);
  }

  /**
   * What the table gives for `record`'s values; nothing is written. Aggregates and population
   * measures come from the record's value of the input key when given, else (with an `id`) from
   * the database.
   */
  async evaluate(
    app: string,
    key: string,
    record: Record<string, unknown>,
  ): Promise<ClassifierEvaluation> {
    const classifier = await this.find(app, key);
    const context = await this.compiler.context(app, classifier);
    const stored =
      typeof record.id === 'string' ? await this.reader.live(context, record.id) : undefined;
    const inputs = Object.fromEntries(
      classifier.inputs.map((input) => {
        const { source } = input;
        const given =
          'field' in source && !('aggregate' in source) ? record[source.field] : record[input.key];
        return [input.key, given !== undefined ? given : (stored?.inputs[input.key] ?? null)];
      }),
    );
    const result = evaluateTable(context.table, inputs);
    if (result.errors.length > 0)
      throw unprocessable(
        result.errors.map((error) => ({
          path: error.path ?? '/rules',
          message: error.message,
          ...(error.ruleId ? { ruleId: error.ruleId } : {}),
        })),
        result.errors.some((error) => error.code === 'unique_violation')
          ? `Rules ${result.matchedRules.join(' and ')} both match, but the hit policy is UNIQUE.`
          : 'The record cannot be classified.',
      );
    return { outputs: result.outputs, matchedRules: result.matchedRules, inputs };
  }

  /** What a run would change now; of `draft` when given (the editor previews before saving). */
  async preview(
    app: string,
    key: string,
    draft: ClassifierDefinition | undefined,
  ): Promise<ClassifierPreview> {
    const definition = draft
      ? { ...draft, rules: assignRuleIds(draft.rules) }
      : definitionOf(await this.find(app, key));
    await this.requireApp(app);
    const { context } = await this.check(app, definition);
    return this.reader.preview(context);
  }

  async explain(
    app: string,
    entity: string,
    recordId: string,
    key: string,
  ): Promise<ClassificationExplanation> {
    const classifier = await this.find(app, key);
    if (classifier.entity !== entity)
      throw notFound(`The classifier ${key} does not classify ${entity} records.`);
    const context = await this.compiler.context(app, classifier);
    const explanation = await this.reader.explanation(classifier, context, recordId);
    if (!explanation) throw notFound(`There is no record ${recordId} in ${entity}.`);
    return explanation;
  }

  async exportDmn(app: string, key: string): Promise<string> {
    const classifier = await this.find(app, key);
    const context = await this.compiler.context(app, classifier);
    return exportDmn({ ...context.table, id: key, name: classifier.name });
  }

  private async requireApp(app: string): Promise<void> {
    if (!(await this.apps.find(app))) throw notFound(`There is no app ${app}.`);
  }
}

export function definitionOf(classifier: StoredClassifier): ClassifierDefinition {
  const { name, entity, hitPolicy, inputs, outputs, rules, triggers } = classifier;
  return { name, entity, hitPolicy, inputs, outputs, rules, ...(triggers ? { triggers } : {}) };
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors
    .map(({ path, message }) => ({ path, message }))
    .filter((error) => {
      const key = `${error.path}\0${error.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
