import type { PublicForm } from '@formwork/definitions/forms';

/** One failing field as the engine reports it (`path` is `/data/<field>`). */
export interface ServerFieldError {
  path: string;
  message: string;
}

export type LoadFormResult =
  | { kind: 'ready'; form: PublicForm }
  | { kind: 'notFound' }
  | { kind: 'closed' }
  | { kind: 'rateLimited'; retryAfterSeconds: number | undefined }
  | { kind: 'failed' };

export type SubmitFormResult =
  | { kind: 'submitted'; submissionId: string }
  | { kind: 'invalid'; errors: ServerFieldError[] }
  | { kind: 'closed' }
  | { kind: 'notFound' }
  | { kind: 'rateLimited'; retryAfterSeconds: number | undefined }
  | { kind: 'tooLarge' }
  | { kind: 'failed' };

export interface SubmissionBody {
  data: Record<string, unknown>;
  _hp?: string;
}

const formUrl = (shareToken: string) => `/api/public/forms/${encodeURIComponent(shareToken)}`;

function retryAfterSeconds(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

async function jsonOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export async function loadPublicForm(shareToken: string): Promise<LoadFormResult> {
  let response: Response;
  try {
    response = await fetch(formUrl(shareToken), { headers: { accept: 'application/json' } });
  } catch {
    return { kind: 'failed' };
  }
  if (response.ok) {
    const form = (await jsonOf(response)) as PublicForm | undefined;
    return form?.schema ? { kind: 'ready', form } : { kind: 'failed' };
  }
  if (response.status === 404) return { kind: 'notFound' };
  if (response.status === 410) return { kind: 'closed' };
  if (response.status === 429)
    return { kind: 'rateLimited', retryAfterSeconds: retryAfterSeconds(response) };
  return { kind: 'failed' };
}

export async function submitPublicForm(
  shareToken: string,
  customerToken: string | null,
  body: SubmissionBody,
  idempotencyKey: string,
): Promise<SubmitFormResult> {
  const query = customerToken ? `?c=${encodeURIComponent(customerToken)}` : '';
  let response: Response;
  try {
    response = await fetch(`${formUrl(shareToken)}/submissions${query}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': idempotencyKey,
      },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'failed' };
  }
  const answer = (await jsonOf(response)) as
    { submissionId?: string; errors?: ServerFieldError[] } | undefined;
  if (response.status === 201 || response.status === 200)
    return { kind: 'submitted', submissionId: answer?.submissionId ?? '' };
  switch (response.status) {
    case 422:
      return { kind: 'invalid', errors: answer?.errors ?? [] };
    case 404:
      return { kind: 'notFound' };
    case 410:
      return { kind: 'closed' };
    case 413:
      return { kind: 'tooLarge' };
    case 429:
      return { kind: 'rateLimited', retryAfterSeconds: retryAfterSeconds(response) };
    default:
      return { kind: 'failed' };
  }
}
