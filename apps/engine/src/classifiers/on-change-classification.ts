import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isAggregateSource } from '@formwork/definitions';
import { bindChunk } from '@formwork/rules';
import { queryPrepared, type SqlClient } from '../database/prepared-query.js';
import { quoteIdentifier, tableOf } from '../entities/physical-names.js';
import {
  RecordWriteHooks,
  type HookWrites,
  type RecordWriteHook,
  type WrittenRecords,
} from '../records/record-write-hooks.js';
import { onChangeStatement, type ClassifiedRow } from './classification-statements.js';
import { aggregateEntities, ClassifierCompiler } from './classifier-compiler.js';
import { ClassifiersRepository, type StoredClassifier } from './classifiers.repository.js';

/**
 * Re-classifies records in the transaction that changed them: a customer edit re-evaluates the
 * customer's on-change classifiers, and a new, edited or deleted order re-evaluates the
 * classifiers of the customer it points at (aggregates `via` a relation). One set-based statement
 * per classifier, whatever the number of records written.
 */
@Injectable()
export class OnChangeClassification implements RecordWriteHook, OnModuleInit {
  constructor(
    private readonly hooks: RecordWriteHooks,
    private readonly classifiers: ClassifiersRepository,
    private readonly compiler: ClassifierCompiler,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async isInterested(app: string, entity: string): Promise<boolean> {
    const classifiers = await this.classifiers.onChange(app);
    return classifiers.some(
      (classifier) =>
        classifier.entity === entity || aggregateEntities(classifier).includes(entity),
    );
  }

  async afterWrite(client: SqlClient, written: WrittenRecords): Promise<HookWrites> {
    const writes: HookWrites = new Map();
    for (const classifier of await this.classifiers.onChange(written.app)) {
      if (classifier.entity === written.entity.key) {
        for (const row of await this.classify(client, classifier, written.ids))
          if (row.changed) writes.set(row.id, { ...writes.get(row.id), ...row.outputs });
      }
      const parents = await this.parentsOf(client, classifier, written);
      if (parents.length > 0) await this.classify(client, classifier, parents);
    }
    return writes;
  }

  /** Records of the classifier's entity that the written (related) records point at, then and now. */
  private async parentsOf(
    client: SqlClient,
    classifier: StoredClassifier,
    written: WrittenRecords,
  ): Promise<string[]> {
    const vias = new Set(
      classifier.inputs.flatMap(({ source }) =>
        isAggregateSource(source) && source.entity === written.entity.key ? [source.via] : [],
      ),
    );
    if (vias.size === 0) return [];
    const parents = new Set<string>();
    for (const via of vias) {
      if (!written.entity.fields.some((field) => field.key === via)) continue;
      for (const before of written.before?.values() ?? [])
        if (typeof before[via] === 'string') parents.add(before[via]);
      const rows = await queryPrepared<{ parent: string }>(
        client,
        `SELECT DISTINCT ${quoteIdentifier(via)} AS parent FROM ${tableOf(written.app, written.entity.key)}
          WHERE id = ANY($1::uuid[]) AND ${quoteIdentifier(via)} IS NOT NULL`,
        [written.ids],
        written.entity.version,
      );
      for (const row of rows) parents.add(row.parent);
    }
    return [...parents];
  }

  /** Classifies records now with one classifier, in the caller's transaction (a flow's classify step). */
  async classifyNow(
    client: SqlClient,
    app: string,
    key: string,
    ids: readonly string[],
  ): Promise<ClassifiedRow[] | undefined> {
    const classifier = await this.classifiers.find(app, key);
    return classifier && this.classify(client, classifier, ids);
  }

  private async classify(
    client: SqlClient,
    classifier: StoredClassifier,
    ids: readonly string[],
  ): Promise<ClassifiedRow[]> {
    // A classifier whose entities are gone cannot run; it must not block the record write.
    const context = await this.compiler.context(classifier.app, classifier).catch(() => undefined);
    if (!context) return [];
    const compiled = this.compiler.sql(context, {
      idsParameter: true,
      cacheAs: `${classifier.app}/${classifier.key}@${classifier.version}:ids`,
    });
    if (compiled.errors.length > 0) return [];
    const statement = onChangeStatement(
      {
        app: classifier.app,
        entity: context.entity,
        classifier: classifier.key,
        version: classifier.version,
        compiled,
      },
      { text: compiled.text, values: bindChunk(compiled, { ids }) },
    );
    return queryPrepared<ClassifiedRow>(
      client,
      statement.text,
      statement.values,
      this.compiler.versionOf(context),
    );
  }
}
