import { HttpException } from '@nestjs/common';
import type { FieldError, Problem } from '@formwork/definitions';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function titleOf(status: number): string {
  return TITLES[status] ?? 'Error';
}

export function problemOf(
  status: number,
  detail: string,
  extensions: Partial<Problem> = {},
): Problem {
  return { type: 'about:blank', title: titleOf(status), status, detail, ...extensions };
}

/** An HTTP error whose body is the given problem. */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem, problem.status);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new ProblemException(problemOf(400, detail, errors ? { errors } : {}));
export const unauthorized = (detail = 'Log in to continue.') =>
  new ProblemException(problemOf(401, detail));
export const forbidden = (detail = 'You are not allowed to do this.') =>
  new ProblemException(problemOf(403, detail));
export const notFound = (detail: string) => new ProblemException(problemOf(404, detail));
export const conflict = (detail: string, errors?: FieldError[]) =>
  new ProblemException(problemOf(409, detail, errors ? { errors } : {}));
export const unprocessable = (errors: FieldError[], detail = 'The request has invalid fields.') =>
  new ProblemException(problemOf(422, detail, { errors }));
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new ProblemException(problemOf(429, detail), { 'retry-after': String(retryAfterSeconds) });
