import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { withoutHiddenFields, type FormSubmissionResult } from '@formwork/definitions';
import type { RequestActor } from '../auth/request-actor.js';
import { conflict, ProblemException, unprocessable } from '../common/problem.js';
import type { FormSubmissionRow, IdempotencyClaim } from '../records/records.repository.js';
import { RecordsService } from '../records/records.service.js';
import { FormValidator } from './form-validator.js';
import type { StoredForm } from './forms.repository.js';

export interface Submission {
  data: Record<string, unknown>;
  formVersion?: number;
  /** Edit this record through the form instead of creating one (staff only). */
  recordId?: string;
  recordVersion?: number;
}

export interface Submitter {
  actor: RequestActor | null;
  isPublic: boolean;
  /** Set by a customer link: the relation field pointing at the customer, and the customer's id. */
  customer?: { field: string; recordId: string };
  /** Chosen by the caller when its answer must be known before the write (an idempotency claim). */
  submissionId?: string;
  /** Claimed with the record (creates only): a key used before writes nothing (IdempotencyKeyUsed). */
  idempotency?: IdempotencyClaim;
}

/**
 * One path for every submission, staff or public: the form version's schema (as the browser used
 * it) first, then the entity's own rules, whose refusals come back as `/data/<field>` errors.
 */
@Injectable()
export class FormSubmissionsService {
  constructor(
    private readonly validator: FormValidator,
    private readonly records: RecordsService,
  ) {}

  async submit(
    form: StoredForm,
    submission: Submission,
    submitter: Submitter,
  ): Promise<FormSubmissionResult> {
    if (submission.formVersion !== undefined && submission.formVersion !== form.version)
      throw conflict(
        `The form changed since it was opened (now version ${form.version}). Reload it and fill it again.`,
        [{ path: '/formVersion', message: `is not the current version (${form.version})` }],
      );
    const data = withoutHiddenFields(form.uiSchema, submission.data);
    const errors = this.validator.validate(
      `${form.app}/${form.key}@${form.version}`,
      form.schema,
      data,
    );
    if (errors.length > 0) throw unprocessable(errors);
    if (!form.entity)
      throw unprocessable([{ path: '/data', message: 'this form has no entity to write to' }]);
    const values = submitter.customer
      ? { ...data, [submitter.customer.field]: submitter.customer.recordId }
      : data;
    const row: FormSubmissionRow = {
      id: submitter.submissionId ?? randomUUID(),
      form: form.key,
      formVersion: form.version,
      isPublic: submitter.isPublic,
      customerId: submitter.customer?.recordId ?? null,
      ...(submitter.idempotency ? { idempotency: submitter.idempotency } : {}),
    };
    const record = await asFormErrors(() =>
      submission.recordId && submitter.actor
        ? this.records.updateFromForm(
            form.app,
            form.entity!,
            submission.recordId,
            values,
            submission.recordVersion,
            submitter.actor,
            row,
          )
        : this.records.createFromForm(
            form.app,
            form.entity!,
            values,
            submitter.actor?.userId ?? null,
            row,
          ),
    );
    return { recordId: record.id, submissionId: row.id };
  }
}

/** Record-level refusals (a duplicate under unique, a missing relation target) as form field errors. */
async function asFormErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ProblemException) || !error.problem.errors) throw error;
    const status = error.problem.status;
    if (status !== 422 && !(status === 409 && error.problem.errors.length > 0)) throw error;
    const fieldErrors = error.problem.errors.map((entry) => ({
      path: entry.path.startsWith('/data') ? entry.path : `/data${entry.path}`,
      message: entry.message,
    }));
    throw unprocessable(fieldErrors);
  }
}
