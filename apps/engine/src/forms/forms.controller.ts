import { Controller, Delete, Get, Headers, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  formInputSchema,
  formSubmissionInputSchema,
  type Form,
  type FormSubmissionResult,
  type ParsedFormInput,
} from '@formwork/definitions';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Can } from '../auth/access.decorators.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { RequestActor } from '../auth/request-actor.js';
import { parseIfMatch } from '../common/if-match.js';
import { KeyParam } from '../common/key-param.js';
import { ValidBody } from '../common/zod-validation.js';
import { FormSubmissionsService } from './form-submissions.service.js';
import { FormsService } from './forms.service.js';
import { PublicFormsService } from './public-forms.service.js';

const staffSubmissionSchema = formSubmissionInputSchema.extend({
  recordId: z.uuid({ error: 'must be a record id' }).optional(),
  recordVersion: z.number().int().min(1).optional(),
});
const customerLinkSchema = z.strictObject({ recordId: z.uuid({ error: 'must be a record id' }) });

@ApiTags('forms')
@Controller('apps/:app/forms')
export class FormsController {
  constructor(
    private readonly forms: FormsService,
    private readonly submissions: FormSubmissionsService,
    private readonly publicForms: PublicFormsService,
  ) {}

  @Can('read', 'Form')
  @Get()
  list(@KeyParam('app') app: string): Promise<{ items: Form[] }> {
    return this.forms.list(app);
  }

  @Can('read', 'Form')
  @Get(':form')
  get(@KeyParam('app') app: string, @KeyParam('form') form: string): Promise<Form> {
    return this.forms.get(app, form);
  }

  @Can('manage', 'Form')
  @Put(':form')
  async put(
    @KeyParam('app') app: string,
    @KeyParam('form') key: string,
    @ValidBody(formInputSchema) input: ParsedFormInput,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Form> {
    const { form, created } = await this.forms.put(app, key, input, parseIfMatch(ifMatch), actor);
    void reply.status(created ? 201 : 200);
    return form;
  }

  @Can('manage', 'Form')
  @Delete(':form')
  @HttpCode(204)
  delete(
    @KeyParam('app') app: string,
    @KeyParam('form') key: string,
    @CurrentActor() actor: RequestActor,
  ): Promise<void> {
    return this.forms.delete(app, key, actor);
  }

  @Can('create', 'Record')
  @Post(':form/submissions')
  async submit(
    @KeyParam('app') app: string,
    @KeyParam('form') key: string,
    @ValidBody(staffSubmissionSchema) input: z.output<typeof staffSubmissionSchema>,
    @CurrentActor() actor: RequestActor,
  ): Promise<FormSubmissionResult> {
    return this.submissions.submit(await this.forms.find(app, key), input, {
      actor,
      isPublic: false,
    });
  }

  /** A public link that attaches the answers to one customer record. */
  @Can('create', 'Record')
  @Post(':form/customer-links')
  @HttpCode(200)
  async customerLink(
    @KeyParam('app') app: string,
    @KeyParam('form') key: string,
    @ValidBody(customerLinkSchema) input: z.output<typeof customerLinkSchema>,
  ): Promise<{ token: string; url: string }> {
    const form = await this.forms.find(app, key);
    const token = this.publicForms.customerLinks.sign({ app, form: key }, input.recordId);
    return { token, url: `/f/${form.shareToken ?? ''}?c=${encodeURIComponent(token)}` };
  }
}
