import { Injectable } from '@nestjs/common';
import type { DataLossCode, DataLossReport, EntityIndex, Field } from '@formwork/definitions';
import type { EntityManager } from 'typeorm';
import { COLUMN_TYPES, conversionBetween } from './column-types.js';
import { constraintName, quoteIdentifier, tableOf } from './physical-names.js';
import type { PlanStep } from './plan-entity-change.js';

const EXAMPLES = 5;

interface Target {
  app: string;
  entity: string;
}

function columnDefinition(target: Target, field: Field): string {
  const column = `${quoteIdentifier(field.key)} ${COLUMN_TYPES[field.type]}`;
  const fk = constraintName('fk', target.app, target.entity, field.key);
  if (field.type === 'relation')
    return `${column} CONSTRAINT ${fk} REFERENCES ${tableOf(target.app, field.target!)} (id)`;
  if (field.type === 'user') return `${column} CONSTRAINT ${fk} REFERENCES formwork.users (id)`;
  return column;
}

/**
 * Index columns in the order record lists sort by: nulls last, and the id as the final tie-breaker
 * in the direction of the last field, so a filtered, sorted, keyset-paged list reads the index in order.
 */
function indexColumns(index: EntityIndex): string {
  const columns = index.fields.map((name) => {
    const descending = name.startsWith('-');
    return `${quoteIdentifier(name.replace(/^-/, ''))} ${descending ? 'DESC' : 'ASC'} NULLS LAST`;
  });
  const lastDescending = index.fields.at(-1)?.startsWith('-') ?? false;
  if (!index.fields.some((name) => name.replace(/^-/, '') === 'id'))
    columns.push(`id ${lastDescending ? 'DESC' : 'ASC'}`);
  return columns.join(', ');
}

/**
 * Checks the data against a plan, then applies it: DDL generated from plan steps, run on the
 * caller's transaction (the metadata update commits or rolls back with it).
 */
@Injectable()
export class EntitySchemaRunner {
  /** Every step that would lose or corrupt existing data, with how many rows and a few examples. */
  async findDataLoss(
    manager: EntityManager,
    target: Target,
    steps: PlanStep[],
  ): Promise<DataLossReport[]> {
    if (steps.some((step) => step.kind === 'create_table')) return [];
    const table = tableOf(target.app, target.entity);
    const added = new Set(
      steps.flatMap((step) => (step.kind === 'add_column' ? [step.field.key] : [])),
    );
    const reports: DataLossReport[] = [];
    for (const step of steps) {
      const report = await this.checkStep(manager, table, target, step, added);
      if (report && report.rows > 0) reports.push(report);
    }
    return reports;
  }

  private async checkStep(
    manager: EntityManager,
    table: string,
    target: Target,
    step: PlanStep,
    added: Set<string>,
  ): Promise<DataLossReport | undefined> {
    switch (step.kind) {
      case 'set_required': {
        if (step.field.default !== undefined && step.field.default !== null) return undefined;
        const column = quoteIdentifier(step.field.key);
        const where = added.has(step.field.key) ? 'true' : `${column} IS NULL`;
        return this.countRows(
          manager,
          table,
          where,
          'id',
          step.field.key,
          added.has(step.field.key)
            ? [
                'required_without_default',
                'is required, has no default, and the table already has records',
              ]
            : ['required_but_empty', 'is required but empty in some records'],
        );
      }
      case 'add_unique': {
        if (added.has(step.field.key)) return undefined;
        const column = quoteIdentifier(step.field.key);
        const rows: { value: unknown; n: number }[] = await manager.query(
          `SELECT ${column} AS value, count(*)::int AS n FROM ${table} WHERE deleted_at IS NULL AND ${column} IS NOT NULL GROUP BY ${column} HAVING count(*) > 1 ORDER BY count(*) DESC`,
        );
        return {
          field: step.field.key,
          code: 'duplicates',
          problem: 'has duplicate values',
          rows: rows.reduce((sum, row) => sum + row.n, 0),
          examples: rows.slice(0, EXAMPLES).map((row) => row.value),
        };
      }
      case 'change_type':
        return this.checkConversion(manager, table, target, step);
      case 'remove_options': {
        const column = quoteIdentifier(step.field.key);
        const matches =
          step.field.type === 'multiselect'
            ? `${column} ?| $1::text[]`
            : `${column} = ANY($1::text[])`;
        return this.countRows(
          manager,
          table,
          matches,
          column,
          step.field.key,
          ['options_in_use', 'uses options that would be removed'],
          [step.removed],
        );
      }
      default:
        return undefined;
    }
  }

  private async checkConversion(
    manager: EntityManager,
    table: string,
    target: Target,
    step: Extract<PlanStep, { kind: 'change_type' }>,
  ) {
    const column = quoteIdentifier(step.field.key);
    if (step.field.type === 'relation' && (step.from === 'relation' || step.from === 'user')) {
      const missing = `${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${tableOf(target.app, step.field.target!)} r WHERE r.id = ${column})`;
      return this.countRows(manager, table, missing, column, step.field.key, [
        'missing_targets',
        `points at records that are not in ${step.field.target}`,
      ]);
    }
    if (step.field.type === 'select') {
      const options = (step.field.options ?? []).map((option) => option.value);
      return this.countRows(
        manager,
        table,
        `${column} IS NOT NULL AND NOT (${column}::text = ANY($1::text[]))`,
        column,
        step.field.key,
        ['not_in_options', 'has values that are not among the options'],
        [options],
      );
    }
    const conversion = conversionBetween(step.from, step.field.type);
    if (!conversion.failing) return undefined;
    return this.countRows(
      manager,
      table,
      `${column} IS NOT NULL AND ${conversion.failing(column)}`,
      column,
      step.field.key,
      ['not_convertible', `has ${conversion.problem ?? 'values that cannot be converted'}`],
    );
  }

  private async countRows(
    manager: EntityManager,
    table: string,
    where: string,
    example: string,
    field: string,
    [code, problem]: [DataLossCode, string],
    values: unknown[] = [],
  ): Promise<DataLossReport> {
    const rows: { n: number; examples: unknown[] | null }[] = await manager.query(
      `SELECT count(*)::int AS n, (array_agg(${example}))[1:${EXAMPLES}] AS examples FROM ${table} WHERE ${where}`,
      values,
    );
    return { field, code, problem, rows: rows[0]!.n, examples: rows[0]!.examples ?? [] };
  }

  async apply(manager: EntityManager, target: Target, steps: PlanStep[]): Promise<void> {
    for (const step of steps) {
      for (const statement of this.statementsFor(target, step))
        await manager.query(statement.sql, statement.values);
    }
  }

  private statementsFor(target: Target, step: PlanStep): { sql: string; values?: unknown[] }[] {
    const table = tableOf(target.app, target.entity);
    const name = (kind: 'ix' | 'ux' | 'fk', field: string) =>
      constraintName(kind, target.app, target.entity, field);
    switch (step.kind) {
      case 'create_table':
        return [
          {
            sql: `CREATE TABLE ${table} (
              id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
              created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
              updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
              created_by uuid REFERENCES formwork.users (id),
              owner_id uuid REFERENCES formwork.users (id),
              version integer NOT NULL DEFAULT 1,
              deleted_at timestamptz)`,
          },
          { sql: `CREATE INDEX ${name('ix', '$created')} ON ${table} (created_at, id)` },
        ];
      case 'add_column':
        return [{ sql: `ALTER TABLE ${table} ADD COLUMN ${columnDefinition(target, step.field)}` }];
      case 'archive_column':
        return [
          {
            sql: `ALTER TABLE ${table} ALTER COLUMN ${quoteIdentifier(step.field.key)} DROP NOT NULL`,
          },
          {
            sql: `DROP INDEX IF EXISTS ${quoteIdentifier('app_' + target.app)}.${name('ux', step.field.key)}`,
          },
        ];
      case 'change_type':
        return this.changeType(target, table, step);
      case 'set_required':
        return [
          ...this.backfill(table, step.field),
          {
            sql: `ALTER TABLE ${table} ALTER COLUMN ${quoteIdentifier(step.field.key)} SET NOT NULL`,
          },
        ];
      case 'drop_required':
        return [
          {
            sql: `ALTER TABLE ${table} ALTER COLUMN ${quoteIdentifier(step.field.key)} DROP NOT NULL`,
          },
        ];
      case 'add_unique':
        return [
          {
            sql: `CREATE UNIQUE INDEX ${name('ux', step.field.key)} ON ${table} (${quoteIdentifier(step.field.key)}) WHERE deleted_at IS NULL`,
          },
        ];
      case 'drop_unique':
        return [
          {
            sql: `DROP INDEX IF EXISTS ${quoteIdentifier('app_' + target.app)}.${name('ux', step.field.key)}`,
          },
        ];
      case 'add_index':
        return [
          {
            sql: `CREATE INDEX ${name('ix', step.field.key)} ON ${table} (${quoteIdentifier(step.field.key)})`,
          },
        ];
      case 'drop_index':
        return [
          {
            sql: `DROP INDEX IF EXISTS ${quoteIdentifier('app_' + target.app)}.${name('ix', step.field.key)}`,
          },
        ];
      case 'add_composite_index':
        return [
          {
            sql: `CREATE INDEX ${constraintName('ix', target.app, target.entity, ...step.index.fields)} ON ${table} (${indexColumns(step.index)})`,
          },
        ];
      case 'drop_composite_index':
        return [
          {
            sql: `DROP INDEX IF EXISTS ${quoteIdentifier('app_' + target.app)}.${constraintName('ix', target.app, target.entity, ...step.index.fields)}`,
          },
        ];
      case 'restore_column':
      case 'remove_options':
      case 'update_metadata':
        return [];
    }
  }

  private backfill(table: string, field: Field): { sql: string; values?: unknown[] }[] {
    if (field.default === undefined || field.default === null) return [];
    const value = field.type === 'multiselect' ? JSON.stringify(field.default) : field.default;
    return [
      {
        sql: `UPDATE ${table} SET ${quoteIdentifier(field.key)} = $1 WHERE ${quoteIdentifier(field.key)} IS NULL`,
        values: [value],
      },
    ];
  }

  private changeType(
    target: Target,
    table: string,
    step: Extract<PlanStep, { kind: 'change_type' }>,
  ): { sql: string }[] {
    const column = quoteIdentifier(step.field.key);
    const fk = constraintName('fk', target.app, target.entity, step.field.key);
    const statements = [{ sql: `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${fk}` }];
    const sameColumnType =
      COLUMN_TYPES[step.from] === COLUMN_TYPES[step.field.type] &&
      (step.from === 'relation' || step.from === 'user');
    if (!sameColumnType) {
      const using = conversionBetween(step.from, step.field.type).using(column);
      statements.push({
        sql: `ALTER TABLE ${table} ALTER COLUMN ${column} TYPE ${COLUMN_TYPES[step.field.type]} USING ${using}`,
      });
    }
    if (step.field.type === 'relation')
      statements.push({
        sql: `ALTER TABLE ${table} ADD CONSTRAINT ${fk} FOREIGN KEY (${column}) REFERENCES ${tableOf(target.app, step.field.target!)} (id)`,
      });
    if (step.field.type === 'user')
      statements.push({
        sql: `ALTER TABLE ${table} ADD CONSTRAINT ${fk} FOREIGN KEY (${column}) REFERENCES formwork.users (id)`,
      });
    return statements;
  }
}
