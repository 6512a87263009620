import { Body, Controller, Delete, Get, Headers, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  classifierDefinitionSchema,
  KEY_PATTERN,
  type ClassificationExplanation,
  type Classifier,
  type ClassifierDefinition,
  type ClassifierEvaluation,
  type ClassifierPreview,
} from '@formwork/definitions';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Can } from '../auth/access.decorators.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { RequestActor } from '../auth/request-actor.js';
import { parseIfMatch } from '../common/if-match.js';
import { KeyParam } from '../common/key-param.js';
import { UuidParam } from '../common/uuid-param.js';
import { ValidBody, ValidQuery } from '../common/zod-validation.js';
import { ClassifierDmnService } from './classifier-dmn.service.js';
import { ClassifierRunner } from './classifier-runner.js';
import { ClassifiersService } from './classifiers.service.js';

const evaluateSchema = z.strictObject({
  record: z.record(z.string(), z.unknown(), { error: 'must be an object of field values' }),
});
const previewSchema = z.strictObject({ definition: classifierDefinitionSchema.optional() });
const keyQuery = z.string().regex(KEY_PATTERN, 'must match ^[a-z][a-z0-9_]{0,39}$');
const importQuerySchema = z.strictObject({ key: keyQuery.optional(), entity: keyQuery.optional() });
const explainQuerySchema = z.strictObject({ classifier: keyQuery });

@ApiTags('classifiers')
@Controller('apps/:app/classifiers')
export class ClassifiersController {
  constructor(
    private readonly classifiers: ClassifiersService,
    private readonly runner: ClassifierRunner,
    private readonly dmn: ClassifierDmnService,
  ) {}

  @Can('read', 'Classifier')
  @Get()
  list(@KeyParam('app') app: string): Promise<{ items: Classifier[] }> {
    return this.classifiers.list(app);
  }

  /** Imports a DMN 1.3–1.5 decision table (XML body); an existing key is replaced. */
  @Can('manage', 'Classifier')
  @Post('import-dmn')
  async importDmn(
    @KeyParam('app') app: string,
    @ValidQuery(importQuerySchema) query: z.output<typeof importQuerySchema>,
    @Body() xml: unknown,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Classifier> {
    const { classifier, created } = await this.dmn.import(app, xml, query, actor);
    void reply.status(created ? 201 : 200);
    return classifier;
  }

  @Can('read', 'Classifier')
  @Get(':classifier')
  get(@KeyParam('app') app: string, @KeyParam('classifier') key: string): Promise<Classifier> {
    return this.classifiers.get(app, key);
  }

  /** Creates or replaces the classifier; it is live as soon as this answers. */
  @Can('manage', 'Classifier')
  @Put(':classifier')
  async put(
    @KeyParam('app') app: string,
    @KeyParam('classifier') key: string,
    @ValidBody(classifierDefinitionSchema) definition: ClassifierDefinition,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Classifier> {
    const { classifier, created } = await this.classifiers.put(
      app,
      key,
      definition,
      parseIfMatch(ifMatch),
      actor,
    );
    void reply.status(created ? 201 : 200);
    return classifier;
  }

  @Can('manage', 'Classifier')
  @Delete(':classifier')
  @HttpCode(204)
  delete(
    @KeyParam('app') app: string,
    @KeyParam('classifier') key: string,
    @CurrentActor() actor: RequestActor,
  ): Promise<void> {
    return this.classifiers.delete(app, key, actor);
  }

  @Can('read', 'Classifier')
  @Post(':classifier/evaluate')
  @HttpCode(200)
  evaluate(
    @KeyParam('app') app: string,
    @KeyParam('classifier') key: string,
    @ValidBody(evaluateSchema) body: z.output<typeof evaluateSchema>,
  ): Promise<ClassifierEvaluation> {
    return this.classifiers.evaluate(app, key, body.record);
  }

  /** What a run would change; with `definition`, of that unsaved table (the editor's preview). */
  @Can('manage', 'Classifier')
  @Post(':classifier/preview')
  @HttpCode(200)
  preview(
    @KeyParam('app') app: string,
    @KeyParam('classifier') key: string,
    @ValidBody(previewSchema) body: z.output<typeof previewSchema>,
  ): Promise<ClassifierPreview> {
    return this.classifiers.preview(app, key, body.definition);
  }

  @Can('manage', 'Classifier')
  @Post(':classifier/run')
  @HttpCode(202)
  async run(
    @KeyParam('app') app: string,
    @KeyParam('classifier') key: string,
    @CurrentActor() actor: RequestActor,
  ): Promise<{ jobId: string }> {
    await this.classifiers.find(app, key);
    return { jobId: await this.runner.start(app, key, actor) };
  }

  @Can('read', 'Classifier')
  @Get(':classifier/dmn')
  async exportDmn(
    @KeyParam('app') app: string,
    @KeyParam('classifier') key: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const xml = await this.classifiers.exportDmn(app, key);
    void reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${key}.dmn"`);
    return xml;
  }
}

/** `GET …/records/{id}/explain?classifier=`: why a record has its class. */
@ApiTags('classifiers')
@Controller('apps/:app/entities/:entity/records/:id/explain')
export class ExplainController {
  constructor(private readonly classifiers: ClassifiersService) {}

  @Can('read', 'Record')
  @Get()
  explain(
    @KeyParam('app') app: string,
    @KeyParam('entity') entity: string,
    @UuidParam('id') id: string,
    @ValidQuery(explainQuerySchema) query: z.output<typeof explainQuerySchema>,
  ): Promise<ClassificationExplanation> {
    return this.classifiers.explain(app, entity, id, query.classifier);
  }
}
