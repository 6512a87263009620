import { ArgumentsHost, Catch, HttpException, Inject, type ExceptionFilter } from '@nestjs/common';
import type { Problem } from '@formwork/definitions';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { WebAssets } from '../web/web-assets.js';
import { ProblemException, problemOf } from './problem.js';
import { LOGGER } from './logger.js';

interface FastifyError {
  statusCode?: number;
  code?: string;
  message: string;
}

/** Fastify's own errors (raised before a route runs) translated to what a client can act on. */
function problemOfFastifyError(error: FastifyError | undefined): Problem | undefined {
  switch (error?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemOf(400, 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemOf(413, 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemOf(415, 'Send the request body as application/json.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problemOf(400, 'The Content-Length header does not match the body.');
    default:
      if (error?.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return problemOf(error.statusCode, error.message);
      }
      return undefined;
  }
}

function problemOfHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'string' ? response : (response as { message?: unknown }).message;
  if (Array.isArray(message)) return problemOf(status, message.join('; '));
  return problemOf(status, typeof message === 'string' ? message : exception.message);
}

/** Every error leaves the engine as application/problem+json; unknown errors are logged, not shown. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly webAssets: WebAssets,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (
      exception instanceof HttpException &&
      exception.getStatus() === 404 &&
      (await this.webAssets.trySendIndex(request, reply))
    ) {
      return;
    }
    const problem = this.toProblem(exception, request);
    if (exception instanceof ProblemException) void reply.headers(exception.headers);
    void reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
  }

  private toProblem(exception: unknown, request: FastifyRequest): Problem {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof HttpException) {
      // Nest wraps Fastify's body-parsing errors, keeping the original as the cause.
      return (
        problemOfFastifyError(exception.cause as FastifyError) ?? problemOfHttpException(exception)
      );
    }
    const fastifyProblem = problemOfFastifyError(exception as FastifyError);
    if (fastifyProblem) return fastifyProblem;
    this.logger.error(
      { err: exception, method: request.method, url: request.url },
      'unhandled error',
    );
    return problemOf(500, 'Something went wrong on our side. The error has been logged.');
  }
}
