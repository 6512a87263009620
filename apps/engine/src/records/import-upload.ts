import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { badRequest, ProblemException, problemOf } from '../common/problem.js';
import type { ImportMapping } from './import-columns.js';
import type { ImportUpload } from './import.service.js';

/** Raw bodies the import route takes as they are (CSV text, or an XLSX file). */
export const IMPORT_CONTENT_TYPES = [
  'text/csv',
  'application/csv',
  'text/comma-separated-values',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const tooLarge = (maxBytes: number) =>
  new ProblemException(
    problemOf(
      413,
      `The file is larger than the import limit of ${maxBytes} bytes (FORMWORK_IMPORT_MAX_BYTES). Split it into smaller files.`,
    ),
  );

/**
 * Lets the import route receive files up to FORMWORK_IMPORT_MAX_BYTES, while JSON bodies keep
 * FORMWORK_BODY_LIMIT: raw CSV/XLSX bodies get a parser with their own limit, and multipart
 * uploads are read by @fastify/multipart (only the import route reads them).
 */
export async function registerImportBodyParsers(
  app: NestFastifyApplication,
  maxBytes: number,
): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024 * 1024, parts: 20 },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      IMPORT_CONTENT_TYPES,
      { parseAs: 'buffer', bodyLimit: maxBytes },
      (_request, body, done) => done(null, body),
    );
}

function parseMapping(text: string): ImportMapping {
  let mapping: unknown;
  try {
    mapping = JSON.parse(text);
  } catch {
    mapping = undefined;
  }
  const valid =
    mapping !== null &&
    typeof mapping === 'object' &&
    !Array.isArray(mapping) &&
    Object.values(mapping).every((value) => value === null || typeof value === 'string');
  if (!valid)
    throw badRequest('The mapping is not valid.', [
      {
        path: '/mapping',
        message: 'must be a JSON object of column header → field key (or null to ignore it)',
      },
    ]);
  return mapping as ImportMapping;
}

/** The uploaded file (and mapping) of an import request, whichever way it was sent. */
export async function readImportUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<ImportUpload> {
  if (request.isMultipart()) {
    let bytes: Buffer | undefined;
    let mapping: ImportMapping | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const content = await part.toBuffer();
          if (part.fieldname === 'file' && bytes === undefined) bytes = content;
        } else if (part.fieldname === 'mapping' && typeof part.value === 'string') {
          if (part.value.trim() !== '') mapping = parseMapping(part.value);
        }
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
      if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
        throw badRequest('Send one file (the part named file) and at most a mapping part.', [
          { path: '/file', message: 'only one file can be imported at a time' },
        ]);
      throw error;
    }
    if (!bytes)
      throw badRequest('The upload has no file: send it as the multipart part named file.', [
        { path: '/file', message: 'is missing' },
      ]);
    return { bytes, mapping };
  }
  const body: unknown = request.body;
  if (Buffer.isBuffer(body)) {
    if (body.length > maxBytes) throw tooLarge(maxBytes);
    return { bytes: body };
  }
  if (typeof body === 'string') return { bytes: Buffer.from(body, 'utf8') };
  throw new ProblemException(
    problemOf(
      415,
      'Send the file as text/csv, as an XLSX body, or as multipart/form-data with a part named file.',
    ),
  );
}
