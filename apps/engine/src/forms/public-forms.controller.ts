import { Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HONEYPOT_FIELD, type PublicForm } from '@formwork/definitions';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Public } from '../auth/access.decorators.js';
import { ValidBody } from '../common/zod-validation.js';
import { PublicFormsService } from './public-forms.service.js';

const publicSubmissionSchema = z.strictObject({
  data: z.record(z.string(), z.unknown(), { error: 'must be a JSON object' }),
  [HONEYPOT_FIELD]: z.string().max(1000).optional(),
});
const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/);

/** Public forms: no login; rate-limited per client; `Idempotency-Key` honoured for 24 h. */
@ApiTags('public forms')
@Controller('public/forms')
export class PublicFormsController {
  constructor(private readonly publicForms: PublicFormsService) {}

  @Public()
  @Get(':token')
  get(@Param('token') token: string): Promise<PublicForm> {
    return this.publicForms.get(token);
  }

  @Public()
  @Post(':token/submissions')
  async submit(
    @Param('token') token: string,
    @ValidBody(publicSubmissionSchema) body: z.output<typeof publicSubmissionSchema>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Query('c') customerToken: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const key =
      idempotencyKey && idempotencyKeySchema.safeParse(idempotencyKey).success
        ? idempotencyKey
        : undefined;
    const response = await this.publicForms.submit(token, {
      body,
      bodyBytes: Number(request.headers['content-length'] ?? JSON.stringify(body).length),
      clientAddress: request.ip,
      idempotencyKey: key,
      customerToken,
    });
    void reply.status(response.status);
    return response.body;
  }
}
