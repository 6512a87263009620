import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Serves the OpenAPI document generated from the controllers: UI at /api/docs, JSON at /api/docs-json. */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Formwork API')
    .setDescription('The public REST contract of Formwork. Errors are application/problem+json.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addCookieAuth('fw_session')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
