import { Injectable } from '@nestjs/common';
import {
  classifierDefinitionSchema,
  KEY_PATTERN,
  toFieldErrors,
  type Classifier,
  type ClassifierDefinition,
  type ClassifierInput,
  type Entity,
  type FieldError,
} from '@formwork/definitions';
import { importDmn, type DecisionTable } from '@formwork/rules';
import type { RequestActor } from '../auth/request-actor.js';
import { unprocessable } from '../common/problem.js';
import { EntitiesRepository } from '../entities/entities.repository.js';
import { ClassifiersRepository, type StoredClassifier } from './classifiers.repository.js';
import { ClassifiersService } from './classifiers.service.js';

const RULE_ID = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/** A DMN name as a Formwork key: `Customer Tier` → `customer_tier`. */
function toKey(name: string): string | undefined {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'd_$1')
    .slice(0, 40);
  return KEY_PATTERN.test(key) ? key : undefined;
}

const refuse = (message: string, path = '') => unprocessable([{ path, message }], message);

/** DMN 1.3–1.5 decision tables in, as classifiers (export is ClassifiersService.exportDmn). */
@Injectable()
export class ClassifierDmnService {
  constructor(
    private readonly classifiers: ClassifiersService,
    private readonly repository: ClassifiersRepository,
    private readonly entities: EntitiesRepository,
  ) {}

  async import(
    app: string,
    xml: unknown,
    query: { key?: string; entity?: string },
    actor: RequestActor,
  ): Promise<{ classifier: Classifier; created: boolean }> {
    if (typeof xml !== 'string' || xml.trim() === '')
      throw refuse('The body must be a DMN XML document sent as application/xml.');
    const table = this.decisionTable(xml, query.key);
    const key = query.key ?? toKey(table.id ?? table.name ?? '');
    if (!key)
      throw refuse(
        `The decision id ${JSON.stringify(table.id)} is not a valid classifier key: name one with ?key=.`,
      );
    const existing = await this.repository.find(app, key);
    const entityKey = query.entity ?? existing?.entity;
    if (!entityKey)
      throw refuse(
        `There is no classifier ${key} yet: say which entity it classifies with ?entity=.`,
      );
    const entity = await this.entities.find(app, entityKey);
    if (!entity) throw refuse(`There is no entity ${entityKey} in ${app}.`, '/entity');
    const definition = this.definitionOf(table, entity, existing);
    const parsed = classifierDefinitionSchema.safeParse(definition);
    if (!parsed.success) throw unprocessable(toFieldErrors(parsed.error));
    const saved = await this.classifiers.put(app, key, parsed.data, undefined, actor);
    return saved;
  }

  /** The one decision table of the model (or the one `key` names); anything unsupported refuses. */
  private decisionTable(xml: string, key: string | undefined): DecisionTable {
    const result = importDmn(xml);
    if (result.errors.length > 0 || !result.model)
      throw unprocessable(
        result.errors.map((issue) => ({
          path: '',
          message: issue.element ? `${issue.element}: ${issue.message}` : issue.message,
        })),
        'The DMN document cannot be imported.',
      );
    const tables = result.model.decisions.flatMap((decision) =>
      decision.logic?.kind === 'decisionTable'
        ? [{ ...decision.logic.table, id: decision.id, name: decision.name }]
        : [],
    );
    const chosen =
      tables.length === 1
        ? tables[0]
        : tables.find((table) => key !== undefined && toKey(table.id ?? '') === key);
    if (!chosen)
      throw refuse(
        tables.length === 0
          ? 'The DMN document has no decision table.'
          : `The DMN document has ${tables.length} decision tables (${tables.map((table) => table.id).join(', ')}): choose one with ?key=.`,
      );
    return chosen;
  }

  /**
   * Inputs keep the sources of the classifier being replaced (matched by key), else read the
   * entity field of that name; outputs are fields; rules, hit policy and defaults come from DMN.
   */
  private definitionOf(
    table: DecisionTable,
    entity: Entity,
    existing: StoredClassifier | undefined,
  ): ClassifierDefinition {
    const errors: FieldError[] = [];
    const inputs: ClassifierInput[] = table.inputs.map((column, index) => {
      const key = toKey(column.key) ?? `input_${index + 1}`;
      const kept = existing?.inputs.find((input) => input.key === key);
      if (kept) return kept;
      if (!entity.fields.some((field) => field.key === key))
        errors.push({
          path: `/inputs/${index}`,
          message: `the DMN input ${JSON.stringify(column.key)} is neither an input of the classifier nor a field of ${entity.key}`,
        });
      return { key, source: { field: key } };
    });
    if (errors.length > 0) throw unprocessable(errors, 'The DMN inputs do not fit the entity.');
    return {
      name: table.name ?? existing?.name ?? entity.name,
      entity: entity.key,
      hitPolicy: table.hitPolicy,
      inputs,
      outputs: table.outputs.map((output) => ({
        field: toKey(output.name) ?? output.name,
        ...(output.default !== undefined && output.default !== null
          ? { default: output.default }
          : {}),
      })),
      rules: table.rules.map((rule) => ({
        ...(rule.id && RULE_ID.test(rule.id) ? { id: rule.id } : {}),
        when: rule.when,
        then: rule.then,
        ...(rule.description ? { description: rule.description } : {}),
      })),
      triggers: existing?.triggers ?? ['manual'],
    };
  }
}
