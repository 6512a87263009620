import { PassThrough, type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { Entity, Filter } from '@formwork/definitions';
import ExcelJS from 'exceljs';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger.js';
import { EntitiesRepository } from '../entities/entities.repository.js';
import { RecordQueryCompiler } from './compile-record-query.js';
import { csvCell } from './csv.js';
import { columnKey, exportColumns, type ExportColumn } from './export-values.js';
import { toApiRecord } from './record-columns.js';
import type { RecordRow } from './records.repository.js';
import { RecordsService } from './records.service.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportQuery {
  format: ExportFormat;
  filter?: Filter;
  sort?: string;
  search?: string;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: AsyncIterable<Buffer> | Readable;
}

/** Rows fetched at a time: the file is written page by page, never held whole. */
const PAGE_ROWS = 1_000;
/** The compiler always adds a LIMIT; an export has none. */
const UNLIMITED = Number.MAX_SAFE_INTEGER - 1;
const EXPORT_IDLE_TIMEOUT = '5min';
const UTF8_BOM = '\uFEFF';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (entity: Entity) =>
  entity.name
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31) || entity.key;

function waitForDrain(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/**
 * Streams an entity's records as CSV (UTF-8 with a BOM, so Excel reads Chinese right) or XLSX,
 * filtered, searched and sorted like the list endpoint, paging through the keyset compiler.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly records: RecordsService,
    private readonly entities: EntitiesRepository,
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async export(app: string, entityKey: string, query: ExportQuery): Promise<ExportFile> {
    const { entity } = await this.records.target(app, entityKey);
    const related = new Map((await this.entities.list(app)).map((other) => [other.key, other]));
    const pages = this.pages(app, entity, related, query);
    // The first page is read before anything is sent, so a bad filter or sort is still a 400.
    const first = await pages.next();
    const rest = async function* () {
      if (first.done) return;
      yield first.value;
      yield* pages;
    };
    const columns = exportColumns(entity);
    return query.format === 'csv'
      ? {
          fileName: `${entity.key}.csv`,
          contentType: 'text/csv; charset=utf-8',
          body: csvChunks(columns, rest()),
        }
      : {
          fileName: `${entity.key}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: this.xlsxStream(entity, columns, rest()),
        };
  }

  /**
   * The matching records a page at a time, through a server-side cursor in a read-only
   * REPEATABLE READ transaction: one consistent snapshot, one query plan, and no page that
   * re-reads what came before (keyset paging over a sort with many equal values would).
   * The connection is held while the file streams; a client that stops reading for
   * EXPORT_IDLE_TIMEOUT loses it.
   */
  private async *pages(
    app: string,
    entity: Entity,
    related: ReadonlyMap<string, Entity>,
    { filter, sort, search }: ExportQuery,
  ): AsyncGenerator<RecordRow[], void> {
    const query = new RecordQueryCompiler(app, entity, related).compile({
      filter,
      sort,
      search,
      limit: UNLIMITED,
    });
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      await runner.query(
        `SET LOCAL idle_in_transaction_session_timeout = '${EXPORT_IDLE_TIMEOUT}'`,
      );
      await runner.query(`DECLARE fw_export NO SCROLL CURSOR FOR ${query.text}`, query.values);
      for (;;) {
        const rows = await runner.manager.query<Record<string, unknown>[]>(
          `FETCH FORWARD ${PAGE_ROWS} FROM fw_export`,
        );
        if (rows.length > 0) yield rows.map((row) => toApiRecord(row) as RecordRow);
        if (rows.length < PAGE_ROWS) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  /** ExcelJS's streaming writer, fed a page at a time and paused while the client is behind. */
  private xlsxStream(
    entity: Entity,
    columns: ExportColumn[],
    pages: AsyncGenerator<RecordRow[]>,
  ): Readable {
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(sheetName(entity), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = columns.map((column) => ({
      header: column.header,
      key: columnKey(column),
      width: column.field ? Math.min(40, Math.max(12, column.header.length * 2 + 2)) : 38,
      style: column.numFmt ? { numFmt: column.numFmt } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    const write = async () => {
      for await (const page of pages) {
        for (const record of page) {
          const row: Record<string, ExcelJS.CellValue> = {};
          for (const column of columns) {
            const key = columnKey(column);
            row[key] = column.excel(record[key]);
          }
          sheet.addRow(row).commit();
        }
        // Let the zip writer catch up, then wait while the client has not taken what was sent.
        await new Promise((resolve) => setImmediate(resolve));
        if (out.destroyed) return;
        if (out.writableNeedDrain) await waitForDrain(out);
        if (out.destroyed) return;
      }
      sheet.commit();
      await workbook.commit();
    };
    write().catch((error: unknown) => {
      this.logger.error({ err: error }, 'export failed while streaming');
      out.destroy(error as Error);
    });
    return out;
  }
}

async function* csvChunks(
  columns: ExportColumn[],
  pages: AsyncGenerator<RecordRow[]>,
): AsyncGenerator<Buffer> {
  const header = columns.map((column) => csvCell(column.header, { guardFormula: true })).join(',');
  yield Buffer.from(`${UTF8_BOM}${header}\r\n`, 'utf8');
  for await (const page of pages) {
    let text = '';
    for (const record of page) {
      text += columns.map((column) => column.csv(record[columnKey(column)])).join(',');
      text += '\r\n';
    }
    yield Buffer.from(text, 'utf8');
  }
}
