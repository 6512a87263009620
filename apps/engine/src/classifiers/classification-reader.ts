import { Injectable } from '@nestjs/common';
import type {
  ClassificationExplanation,
  ClassificationSampleRow,
  ClassifierPreview,
} from '@formwork/definitions';
import { bindChunk } from '@formwork/rules';
import { DataSource, type EntityManager } from 'typeorm';
import { unprocessable } from '../common/problem.js';
import { quoteIdentifier, tableOf } from '../entities/physical-names.js';
import type { ClassifierContext } from './classifier-compiler.js';
import { ClassifierCompiler } from './classifier-compiler.js';
import { ClassifiersRepository, type StoredClassifier } from './classifiers.repository.js';

type ResultRow = Record<string, unknown> & {
  id: string;
  matched_rules: string[];
  conflict: string[] | null;
  errors: string[] | null;
};

interface Evaluated {
  inputs: Record<string, unknown>;
  matchedRules: string[];
  outputs: Record<string, unknown>;
}

const SAMPLE_SIZE = 20;
const CONFLICTS_SHOWN = 50;
const PREVIEW_TABLE = 'fw_preview';

/** A value as a distribution key: `null` for no value, JSON for lists. */
const valueKey = (value: unknown) =>
  value === null || value === undefined
    ? 'null'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

function pick(row: Record<string, unknown>, columns: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(columns).map(([key, column]) => [key, row[column] ?? null]),
  );
}

export async function countOf(manager: EntityManager, text: string): Promise<number> {
  const rows: { n: number }[] = await manager.query(text);
  return rows[0]?.n ?? 0;
}

/** Reads classifications without writing anything: live evaluations, explanations, previews. */
@Injectable()
export class ClassificationReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly compiler: ClassifierCompiler,
    private readonly classifiers: ClassifiersRepository,
  ) {}

  /** The table evaluated now, in SQL, for one live record; undefined when there is none. */
  async live(context: ClassifierContext, id: string): Promise<Evaluated | undefined> {
    const compiled = this.compiler.sql(context, { idsParameter: true });
    if (compiled.errors.length > 0) throw unprocessable(compiled.errors);
    const rows: ResultRow[] = await this.dataSource.query(
      compiled.text,
      bindChunk(compiled, { ids: [id] }),
    );
    return rows[0] && this.evaluated(rows[0], compiled.columns);
  }

  /** The latest evaluation of a record: on change, by a run, or (never evaluated) now. */
  async explanation(
    classifier: StoredClassifier,
    context: ClassifierContext,
    id: string,
  ): Promise<ClassificationExplanation | undefined> {
    const base = { classifier: classifier.key };
    const onChange = await this.classifiers.onChangeExplanation(context.app, classifier.key, id);
    const run = await this.runResult(classifier, id);
    const onChangeAt = onChange?.at.getTime() ?? -Infinity;
    if (run && classifier.resultsAt && Date.parse(classifier.resultsAt) > onChangeAt)
      return { ...base, version: run.version, ...run.evaluated, at: classifier.resultsAt };
    if (onChange)
      return {
        ...base,
        version: onChange.classifier_version,
        inputs: onChange.inputs,
        matchedRules: onChange.matched_rules,
        outputs: onChange.outputs,
        at: onChange.at.toISOString(),
      };
    const now = await this.live(context, id);
    return now && { ...base, version: classifier.version, ...now, at: new Date().toISOString() };
  }

  private async runResult(classifier: StoredClassifier, id: string) {
    if (!classifier.resultsTable) return undefined;
    const rows = await this.dataSource
      .query<(ResultRow & { classifier_version?: number })[]>(
        `SELECT * FROM ${classifier.resultsTable} WHERE id = $1`,
        [id],
      )
      .catch(() => []); // an unlogged table is emptied by a crash: fall back to the other sources
    const row = rows[0];
    if (!row) return undefined;
    const context = await this.compiler.context(classifier.app, classifier);
    const { columns } = this.compiler.sql(context);
    return {
      version: Number(row.classifier_version ?? classifier.version),
      evaluated: this.evaluated(row, columns),
    };
  }

  private evaluated(
    row: ResultRow,
    columns: { inputs: Record<string, string>; outputs: Record<string, string> },
  ): Evaluated {
    return {
      inputs: pick(row, columns.inputs),
      matchedRules: row.matched_rules,
      outputs: pick(row, columns.outputs),
    };
  }

  /** What a run would do now: distributions, transitions of the first output, a sample, conflicts. */
  async preview(context: ClassifierContext): Promise<ClassifierPreview> {
    const compiled = this.compiler.sql(context);
    if (compiled.errors.length > 0) throw unprocessable(compiled.errors);
    const table = tableOf(context.app, context.entity.key);
    const outputs = Object.entries(compiled.columns.outputs);
    const [first] = outputs;
    const titleField = context.entity.fields.find((field) => field.type === 'text');
    const differs = outputs
      .map(
        ([field, column]) =>
          `to_jsonb(t.${quoteIdentifier(field)}) IS DISTINCT FROM to_jsonb(p.${quoteIdentifier(column)})`,
      )
      .join(' OR ');
    return this.dataSource.transaction('REPEATABLE READ', async (manager: EntityManager) => {
      await manager.query(
        `CREATE TEMP TABLE ${PREVIEW_TABLE} ON COMMIT DROP AS ${compiled.text}`,
        compiled.values,
      );
      const joined = `${PREVIEW_TABLE} p JOIN ${table} t ON t.id = p.id`;
      const total = await countOf(manager, `SELECT count(*)::int AS n FROM ${PREVIEW_TABLE}`);
      const distributions: ClassifierPreview['distributions'] = {};
      for (const [field, column] of outputs) {
        const rows: { value: unknown; n: number }[] = await manager.query(
          `SELECT ${quoteIdentifier(column)} AS value, count(*)::int AS n FROM ${PREVIEW_TABLE}
            WHERE conflict IS NULL AND errors IS NULL GROUP BY 1 ORDER BY 2 DESC`,
        );
        distributions[field] = Object.fromEntries(rows.map((row) => [valueKey(row.value), row.n]));
      }
      const clean = `p.conflict IS NULL AND p.errors IS NULL`;
      const changes = await countOf(
        manager,
        `SELECT count(*)::int AS n FROM ${joined} WHERE ${clean} AND (${differs})`,
      );
      const transitions = first
        ? await manager.query<ClassifierPreview['transitions']>(
            `SELECT t.${quoteIdentifier(first[0])} AS "from", p.${quoteIdentifier(first[1])} AS "to", count(*)::int AS count
               FROM ${joined} WHERE ${clean} AND (${differs}) GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 50`,
          )
        : [];
      const sampleRows: Record<string, unknown>[] = await manager.query(
        `SELECT p.*, ${titleField ? `t.${quoteIdentifier(titleField.key)}` : 'NULL'} AS fw_title,
                ${outputs.map(([field]) => `t.${quoteIdentifier(field)} AS ${quoteIdentifier(`fw_was_${field}`)}`).join(', ')}
           FROM ${joined} WHERE ${clean} AND (${differs}) ORDER BY p.id LIMIT ${SAMPLE_SIZE}`,
      );
      const sample: ClassificationSampleRow[] = sampleRows.map((row) => ({
        id: row.id as string,
        title: (row.fw_title as string | null) ?? null,
        before: Object.fromEntries(
          outputs.map(([field]) => [field, row[`fw_was_${field}`] ?? null]),
        ),
        after: pick(row, compiled.columns.outputs),
        matchedRules: row.matched_rules as string[],
      }));
      const conflictRows: ResultRow[] = await manager.query(
        `SELECT id, conflict, errors FROM ${PREVIEW_TABLE} WHERE conflict IS NOT NULL OR errors IS NOT NULL ORDER BY id LIMIT ${CONFLICTS_SHOWN}`,
      );
      return {
        total,
        distribution: first ? (distributions[first[0]] ?? {}) : {},
        changes,
        distributions,
        transitions,
        sample,
        conflicts: conflictRows.map((row) => ({
          id: row.id,
          rules: row.conflict ?? row.errors ?? [],
          problem: row.conflict ? ('overlap' as const) : ('evaluation' as const),
        })),
      };
    });
  }
}
