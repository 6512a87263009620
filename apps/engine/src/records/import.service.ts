import { Inject, Injectable } from '@nestjs/common';
import {
  recordSchemaFor,
  toFieldErrors,
  type Entity,
  type Field,
  type FieldError,
  type ImportResult,
} from '@formwork/definitions';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestActor } from '../auth/request-actor.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { constraintName } from '../entities/physical-names.js';
import { JobsService, type JobContext } from '../jobs/jobs.service.js';
import { matchColumns, type ImportColumn, type ImportMapping } from './import-columns.js';
import { readImportFile, type Cell, type ImportSource, type SourceRow } from './import-source.js';
import { cellReaderFor, CellProblem, type CellContext, type CellReader } from './import-values.js';
import { arrayElement, ImportRepository, type UpdateRow } from './import.repository.js';
import { RecordsRepository } from './records.repository.js';
import { RecordsService } from './records.service.js';
import { RecordWriteHooks } from './record-write-hooks.js';
import { clientOf } from '../database/prepared-query.js';

/** Imports of more rows than this answer 202 and run as a job. */
export const SYNC_IMPORT_ROWS = 10_000;
/** Rows read, checked and written together (one INSERT, one savepoint). */
const CHUNK_ROWS = 2_000;
const YIELD_EVERY_ROWS = 200;
/** A zip may expand to this many times the upload limit before it is refused. */
const XLSX_EXPANSION = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ImportUpload {
  bytes: Uint8Array;
  mapping?: ImportMapping;
}

interface Target {
  app: string;
  entity: Entity;
}

interface Plan extends Target {
  source: ImportSource;
  fieldColumns: (ImportColumn & { kind: 'field' })[];
  idColumn?: ImportColumn;
  readers: Map<string, CellReader>;
  schemas: {
    create: ReturnType<typeof recordSchemaFor>;
    update: ReturnType<typeof recordSchemaFor>;
  };
  actorId: string;
}

/** A row that passed every check so far. */
interface Candidate {
  row: number;
  /** Set: the row updates this record. */
  id?: string;
  values: Record<string, unknown>;
}

class ImportState {
  created = 0;
  updated = 0;
  readonly failures = new Map<number, FieldError[]>();
  /** Per unique field: value (as array element) → the row that holds it. */
  readonly uniqueValues = new Map<string, Map<string, number>>();
  readonly updatedIds = new Set<string>();
  /** Unique fields that no live record held a value of when the import started. */
  readonly uniqueFieldsEmptyAtStart = new Set<string>();

  fail(row: number, errors: FieldError[]): void {
    const existing = this.failures.get(row);
    if (existing)
      existing.push(...errors.filter((error) => !existing.some((e) => e.path === error.path)));
    else this.failures.set(row, errors);
  }

  result(): ImportResult {
    return {
      created: this.created,
      updated: this.updated,
      failed: [...this.failures.entries()]
        .sort(([a], [b]) => a - b)
        .map(([row, errors]) => ({ row, errors })),
    };
  }
}

const isDataError = (error: unknown) => /^2[23]/.test((error as { code?: string }).code ?? '');

/**
 * Imports CSV and XLSX files into an entity: every row is read the way people fill in
 * spreadsheets, validated with the record API's rules, and written in batches (multi-row
 * statements) in one transaction. A row is written entirely or not at all; rows that fail
 * are reported with their row number and the path of each problem, the others land.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordsService,
    private readonly recordsRepository: RecordsRepository,
    private readonly imports: ImportRepository,
    private readonly jobs: JobsService,
    private readonly hooks: RecordWriteHooks,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Reads and checks the file, then imports it now, or as a job when it is large. */
  async import(
    app: string,
    entityKey: string,
    upload: ImportUpload,
    actor: RequestActor,
  ): Promise<ImportResult | { jobId: string }> {
    const { entity } = await this.records.target(app, entityKey);
    const source = await readImportFile(upload.bytes, {
      maxExpandedBytes: this.config.FORMWORK_IMPORT_MAX_BYTES * XLSX_EXPANSION,
    });
    const columns = matchColumns(source.headers, entity, upload.mapping);
    const plan: Plan = {
      app,
      entity,
      source,
      fieldColumns: columns.filter((column) => column.kind === 'field'),
      idColumn: columns.find((column) => column.kind === 'id'),
      readers: new Map(entity.fields.map((field) => [field.key, cellReaderFor(field)])),
      schemas: {
        create: recordSchemaFor(entity.fields, 'create'),
        update: recordSchemaFor(entity.fields, 'update'),
      },
      actorId: actor.userId,
    };
    if (source.rows.length <= SYNC_IMPORT_ROWS) return this.run(plan);
    const jobId = await this.jobs.start(
      {
        kind: 'records.import',
        app,
        entity: entityKey,
        params: { format: source.format, rows: source.rows.length, columns: source.headers },
      },
      actor,
      (context) => this.run(plan, context),
    );
    return { jobId };
  }

  /**
   * One transaction for the whole import. Chunks are pipelined: the next chunk is read and
   * validated (JavaScript) while PostgreSQL writes the previous one.
   */
  private async run(plan: Plan, job?: JobContext): Promise<ImportResult> {
    const state = new ImportState();
    await this.imports.analyzeIfStale(plan);
    const runner = this.dataSource.createQueryRunner();
    const manager = runner.manager;
    let writing: Promise<void> | undefined;
    await runner.connect();
    try {
      await runner.startTransaction();
      for (const field of plan.entity.fields)
        if (field.unique && !(await this.imports.anyValue(manager, plan, field)))
          state.uniqueFieldsEmptyAtStart.add(field.key);
      const rows = plan.source.rows;
      const needsLookups = plan.fieldColumns.some((column) => column.field.type === 'user');
      for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
        if (job?.signal.aborted) throw new Error('the engine is shutting down');
        const chunk = rows.slice(start, start + CHUNK_ROWS);
        if (needsLookups) await writing;
        const context = needsLookups ? await this.cellContext(plan, chunk, manager) : {};
        const candidates = await this.readChunk(plan, chunk, context, state);
        await writing;
        if (start > 0) await job?.progress(start / rows.length);
        writing = this.checkAndWrite(plan, candidates, state, manager);
      }
      await writing;
      const { created, updated, failed } = state.result();
      if (created + updated > 0)
        await this.recordsRepository.addEvent(
          {
            type: 'records_imported',
            app: plan.app,
            entity: plan.entity.key,
            payload: { created, updated, failed: failed.length, count: created + updated },
          },
          runner.manager,
        );
      await runner.commitTransaction();
    } catch (error) {
      await writing?.catch(() => undefined);
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
    return state.result();
  }

  /**
   * Reads and validates a chunk's rows; the rows that fail are recorded in the state. Yields to
   * the event loop now and then, so the previous chunk's statements go on meanwhile.
   */
  private async readChunk(
    plan: Plan,
    rows: SourceRow[],
    context: CellContext,
    state: ImportState,
  ): Promise<Candidate[]> {
    const candidates: Candidate[] = [];
    for (const [index, row] of rows.entries()) {
      if (index % YIELD_EVERY_ROWS === YIELD_EVERY_ROWS - 1)
        await new Promise((resolve) => setImmediate(resolve));
      const read = this.readRow(plan, row, context);
      if ('errors' in read) state.fail(row.row, read.errors);
      else candidates.push(read);
    }
    return candidates;
  }

  /** The checks that need the database, then the writes. */
  private async checkAndWrite(
    plan: Plan,
    valid: Candidate[],
    state: ImportState,
    manager: EntityManager,
  ): Promise<void> {
    let candidates = await this.checkReferences(plan, valid, state, manager);
    candidates = await this.checkUpdatedRecords(plan, candidates, state, manager);
    candidates = await this.checkUnique(plan, candidates, state, manager);
    await this.write(plan, candidates, state, manager);
  }

  /** User fields may be filled in with emails: the users of this chunk's emails, looked up at once. */
  private async cellContext(
    plan: Plan,
    rows: SourceRow[],
    manager: EntityManager,
  ): Promise<CellContext> {
    const userColumns = plan.fieldColumns.filter((column) => column.field.type === 'user');
    if (userColumns.length === 0) return {};
    const emails = new Set<string>();
    for (const { cells } of rows)
      for (const column of userColumns) {
        const cell = cells[column.index];
        if (typeof cell === 'string' && cell.includes('@')) emails.add(cell.trim().toLowerCase());
      }
    if (emails.size === 0) return {};
    return { userIdsByEmail: await this.imports.userIdsByEmail(manager, [...emails]) };
  }

  private readRow(
    plan: Plan,
    { row, cells }: SourceRow,
    context: CellContext,
  ): Candidate | { errors: FieldError[] } {
    const width = plan.source.headers.length;
    if (plan.source.strictWidth && cells.length !== width)
      return {
        errors: [
          {
            path: '',
            message: `has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header has ${width} columns`,
          },
        ],
      };
    if (!plan.source.strictWidth && cells.slice(width).some((cell) => !isEmptyCell(cell)))
      return {
        errors: [{ path: '', message: `has values beyond the last of the ${width} columns` }],
      };

    const errors: FieldError[] = [];
    const values: Record<string, unknown> = {};
    for (const column of plan.fieldColumns) {
      const value = plan.readers.get(column.field.key)!(cells[column.index] ?? null, context);
      if (value instanceof CellProblem)
        errors.push({ path: `/${column.field.key}`, message: value.message });
      else if (value !== undefined) values[column.field.key] = value;
    }
    let id: string | undefined;
    if (plan.idColumn) {
      const cell = cells[plan.idColumn.index];
      const text = isEmptyCell(cell) ? '' : String(cell).trim();
      if (text !== '') {
        if (UUID.test(text)) id = text.toLowerCase();
        else errors.push({ path: '/id', message: 'must be a record id (uuid)' });
      }
    }
    const creating = id === undefined && !errors.some((error) => error.path === '/id');
    if (creating)
      for (const field of plan.entity.fields)
        if (
          field.required &&
          field.default === undefined &&
          values[field.key] === undefined &&
          !errors.some((error) => error.path === `/${field.key}`)
        )
          errors.push({ path: `/${field.key}`, message: 'is required' });
    const parsed = plan.schemas[creating ? 'create' : 'update'].safeParse(values);
    if (!parsed.success)
      for (const error of toFieldErrors(parsed.error))
        if (!errors.some((existing) => existing.path === error.path)) errors.push(error);
    if (errors.length > 0 || !parsed.success) return { errors };
    const data = parsed.data;
    if (creating)
      for (const field of plan.entity.fields)
        if (data[field.key] === undefined && field.default !== undefined)
          data[field.key] = field.default;
    return { row, id, values: data };
  }

  /** Relation and user values must name live records and users: one query per field and chunk. */
  private async checkReferences(
    { app, entity }: Plan,
    candidates: Candidate[],
    state: ImportState,
    manager: EntityManager,
  ): Promise<Candidate[]> {
    const failed = new Set<Candidate>();
    for (const field of entity.fields) {
      if (field.type !== 'relation' && field.type !== 'user') continue;
      const ids = new Set<string>();
      for (const candidate of candidates) {
        const value = candidate.values[field.key];
        if (typeof value === 'string') ids.add(value);
      }
      if (ids.size === 0) continue;
      const found =
        field.type === 'user'
          ? await this.recordsRepository.existingUserIds([...ids], manager)
          : await this.recordsRepository.existingIds(app, field.target!, [...ids], manager);
      for (const candidate of candidates) {
        const value = candidate.values[field.key];
        if (typeof value !== 'string' || found.has(value)) continue;
        failed.add(candidate);
        state.fail(candidate.row, [{ path: `/${field.key}`, message: referenceProblem(field) }]);
      }
    }
    return candidates.filter((candidate) => !failed.has(candidate));
  }

  /** A row with an id updates that record: it must exist, and only one row may update it. */
  private async checkUpdatedRecords(
    { app, entity }: Plan,
    candidates: Candidate[],
    state: ImportState,
    manager: EntityManager,
  ): Promise<Candidate[]> {
    const ids = candidates.flatMap((candidate) => (candidate.id ? [candidate.id] : []));
    if (ids.length === 0) return candidates;
    const found = await this.recordsRepository.existingIds(app, entity.key, ids, manager);
    return candidates.filter((candidate) => {
      if (!candidate.id) return true;
      if (!found.has(candidate.id)) {
        state.fail(candidate.row, [
          { path: '/id', message: `there is no record ${candidate.id} in ${entity.key}` },
        ]);
        return false;
      }
      if (state.updatedIds.has(candidate.id)) {
        state.fail(candidate.row, [
          { path: '/id', message: 'is updated by an earlier row of this file' },
        ]);
        return false;
      }
      state.updatedIds.add(candidate.id);
      return true;
    });
  }

  /**
   * Unique fields: a value held by another live record, or by an earlier row of the file,
   * fails the row. (The unique index stays the last word: see write.)
   */
  private async checkUnique(
    plan: Plan,
    candidates: Candidate[],
    state: ImportState,
    manager: EntityManager,
  ): Promise<Candidate[]> {
    const failed = new Set<Candidate>();
    for (const field of plan.entity.fields) {
      if (!field.unique) continue;
      const texts = new Set<string>();
      for (const candidate of candidates) {
        const text = arrayElement(field.type, candidate.values[field.key]);
        if (text !== null) texts.add(text);
      }
      if (texts.size === 0) continue;
      // Into a field that held no value at the start, only this file's rows can collide (seen
      // below); a concurrent writer is still caught by the unique index (see write).
      const taken = state.uniqueFieldsEmptyAtStart.has(field.key)
        ? new Map<string, string>()
        : await this.imports.takenValues(manager, plan, field, [...texts]);
      let seen = state.uniqueValues.get(field.key);
      if (!seen) state.uniqueValues.set(field.key, (seen = new Map<string, number>()));
      for (const candidate of candidates) {
        if (failed.has(candidate)) continue;
        const text = arrayElement(field.type, candidate.values[field.key]);
        if (text === null) continue;
        const holder = taken.get(text);
        if ((holder !== undefined && holder !== candidate.id) || seen.has(text)) {
          failed.add(candidate);
          state.fail(candidate.row, [
            { path: `/${field.key}`, message: 'is already used by another record' },
          ]);
        } else seen.set(text, candidate.row);
      }
    }
    return candidates.filter((candidate) => !failed.has(candidate));
  }

  /**
   * Writes the chunk's rows in a few statements under a savepoint. Should one of them fail on
   * a constraint (a race with another writer), the chunk is rolled back to the savepoint and
   * written row by row, so only the offending rows fail.
   */
  private async write(
    plan: Plan,
    candidates: Candidate[],
    state: ImportState,
    manager: EntityManager,
  ): Promise<void> {
    if (candidates.length === 0) return;
    await manager.query('SAVEPOINT fw_import_chunk');
    try {
      const written = await this.writeRows(plan, candidates, manager);
      await manager.query('RELEASE SAVEPOINT fw_import_chunk');
      this.count(candidates, written, state, plan);
      return;
    } catch (error) {
      if (!isDataError(error)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT fw_import_chunk');
      await manager.query('RELEASE SAVEPOINT fw_import_chunk');
    }
    for (const candidate of candidates) {
      await manager.query('SAVEPOINT fw_import_row');
      try {
        const written = await this.writeRows(plan, [candidate], manager);
        await manager.query('RELEASE SAVEPOINT fw_import_row');
        this.count([candidate], written, state, plan);
      } catch (error) {
        if (!isDataError(error)) throw error;
        await manager.query('ROLLBACK TO SAVEPOINT fw_import_row');
        await manager.query('RELEASE SAVEPOINT fw_import_row');
        state.fail(candidate.row, [this.problemOf(plan, error)]);
      }
    }
  }

  /** Inserts the new rows, then updates the others grouped by the fields they set. */
  private async writeRows(
    plan: Plan,
    candidates: Candidate[],
    manager: EntityManager,
  ): Promise<{ created: number; updatedIds: Set<string> }> {
    const creates = candidates.filter((candidate) => !candidate.id);
    const createdIds =
      creates.length > 0
        ? await this.imports.insert(
            manager,
            plan,
            creates.map((candidate) => candidate.values),
            plan.actorId,
          )
        : [];
    const groups = new Map<string, UpdateRow[]>();
    for (const candidate of candidates) {
      if (!candidate.id) continue;
      const signature = Object.keys(candidate.values).sort().join(',');
      const group = groups.get(signature) ?? [];
      group.push({ id: candidate.id, values: candidate.values });
      groups.set(signature, group);
    }
    const updatedIds = new Set<string>();
    for (const [signature, rows] of groups) {
      const keys = new Set(signature.split(','));
      const fields = plan.entity.fields.filter((field) => keys.has(field.key));
      for (const id of await this.imports.update(manager, plan, fields, rows, plan.actorId))
        updatedIds.add(id);
    }
    const ids = [...createdIds, ...updatedIds];
    if (ids.length > 0)
      await this.hooks.afterWrite(await clientOf(manager), {
        app: plan.app,
        entity: plan.entity,
        ids,
      });
    return { created: createdIds.length, updatedIds };
  }

  private count(
    candidates: Candidate[],
    written: { created: number; updatedIds: Set<string> },
    state: ImportState,
    plan: Plan,
  ): void {
    state.created += written.created;
    state.updated += written.updatedIds.size;
    for (const candidate of candidates)
      if (candidate.id && !written.updatedIds.has(candidate.id))
        state.fail(candidate.row, [
          { path: '/id', message: `there is no record ${candidate.id} in ${plan.entity.key}` },
        ]);
  }

  /** A constraint violation of one row, told in the API's words. */
  private problemOf({ app, entity }: Plan, error: unknown): FieldError {
    const { code, constraint, column, message } = error as {
      code?: string;
      constraint?: string;
      column?: string;
      message?: string;
    };
    const byConstraint = (kind: 'ux' | 'fk') =>
      entity.fields.find(
        (field) => constraintName(kind, app, entity.key, field.key) === constraint,
      );
    if (code === '23505') {
      const field = byConstraint('ux');
      return { path: field ? `/${field.key}` : '', message: 'is already used by another record' };
    }
    if (code === '23503') {
      const field = byConstraint('fk');
      if (field) return { path: `/${field.key}`, message: referenceProblem(field) };
    }
    if (code === '23502' && column) return { path: `/${column}`, message: 'is required' };
    return { path: '', message: `cannot be stored: ${message ?? code}` };
  }
}

const isEmptyCell = (cell: Cell | undefined) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

const referenceProblem = (field: Field) =>
  field.type === 'user' ? 'is not a user' : `is not a record of ${field.target}`;
