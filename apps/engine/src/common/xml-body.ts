import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export const XML_CONTENT_TYPES = ['application/xml', 'text/xml'];

/** XML bodies (DMN imports) arrive as text, under the same size limit as JSON bodies. */
export function registerXmlBodyParser(app: NestFastifyApplication, maxBytes: number): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      XML_CONTENT_TYPES,
      { parseAs: 'string', bodyLimit: maxBytes },
      (_request, body, done) => done(null, body),
    );
}
