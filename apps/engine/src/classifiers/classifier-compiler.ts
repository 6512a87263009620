import { Injectable } from '@nestjs/common';
import {
  isAggregateSource,
  type ClassifierDefinition,
  type Entity,
  type FieldError,
} from '@formwork/definitions';
import {
  compileTableToSql,
  tableFromClassifier,
  type CompiledTableSql,
  type CompileTableToSqlOptions,
  type DecisionTable,
} from '@formwork/rules';
import type { EntityManager } from 'typeorm';
import { unprocessable } from '../common/problem.js';
import { EntitiesRepository } from '../entities/entities.repository.js';
import { fieldsByEntity, schemaInfoFor } from './classifier-schema-info.js';

/** A classifier with the entities it reads, as the current definitions have them. */
export interface ClassifierContext {
  app: string;
  definition: ClassifierDefinition;
  entity: Entity;
  /** The entities aggregates read (relations), by key. */
  related: Map<string, Entity>;
  table: DecisionTable;
}

const MAX_CACHED = 500;

/** Entities an aggregate input reads, other than the classifier's own. */
export const aggregateEntities = (definition: ClassifierDefinition): string[] => [
  ...new Set(
    definition.inputs.flatMap((input) =>
      isAggregateSource(input.source) ? [input.source.entity] : [],
    ),
  ),
];

/**
 * Turns classifiers into decision tables and SQL against the current entity definitions.
 * Compiled statements are kept per classifier and entity versions (they are the hot path of
 * on-change classification).
 */
@Injectable()
export class ClassifierCompiler {
  private readonly compiled = new Map<string, CompiledTableSql>();

  constructor(private readonly entities: EntitiesRepository) {}

  /** Loads the entities; a missing one is a 422 naming the input (or `/entity`). */
  async context(
    app: string,
    definition: ClassifierDefinition,
    manager?: EntityManager,
  ): Promise<ClassifierContext> {
    const errors: FieldError[] = [];
    const entity = await this.entities.find(app, definition.entity, manager);
    if (!entity)
      errors.push({ path: '/entity', message: `there is no entity ${definition.entity}` });
    const related = new Map<string, Entity>();
    for (const [index, input] of definition.inputs.entries()) {
      if (!isAggregateSource(input.source) || related.has(input.source.entity)) continue;
      const other = await this.entities.find(app, input.source.entity, manager);
      if (other) related.set(other.key, other);
      else
        errors.push({
          path: `/inputs/${index}/source/entity`,
          message: `there is no entity ${input.source.entity}`,
        });
    }
    if (errors.length > 0 || !entity) throw unprocessable(errors);
    const table = tableFromClassifier(
      definition,
      entity.fields,
      fieldsByEntity([...related.values()]),
    );
    return { app, definition, entity, related, table };
  }

  /** The set-based statement (errors carry JSON Pointers into the classifier). */
  sql(
    context: ClassifierContext,
    options: CompileTableToSqlOptions & { cacheAs?: string } = {},
  ): CompiledTableSql {
    const { cacheAs, ...compileOptions } = options;
    const key = cacheAs && `${cacheAs}:${this.versionOf(context)}`;
    const cached = key ? this.compiled.get(key) : undefined;
    if (cached) return cached;
    const schema = schemaInfoFor(context.app, [context.entity, ...context.related.values()]);
    const compiled = compileTableToSql(context.definition, schema, compileOptions);
    if (key && compiled.errors.length === 0) {
      if (this.compiled.size >= MAX_CACHED) this.compiled.clear();
      this.compiled.set(key, compiled);
    }
    return compiled;
  }

  /** Changes whenever a table the statement reads changes shape (for prepared statements). */
  versionOf({ entity, related }: ClassifierContext): number {
    let version = entity.version;
    for (const other of related.values()) version = version * 31 + other.version;
    return version % 1_000_000_007;
  }
}
