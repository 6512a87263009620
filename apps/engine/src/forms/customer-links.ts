import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A customer link (`/f/<share>?c=<token>`) carries which customer record the answer belongs to,
 * signed so that nobody can attach answers to another customer by editing the link.
 */
export class CustomerLinks {
  constructor(private readonly secret: string) {}

  sign(scope: { app: string; form: string }, recordId: string): string {
    const body = Buffer.from(JSON.stringify({ r: recordId })).toString('base64url');
    return `${body}.${this.signature(scope, body)}`;
  }

  /** The record id a token names for this form, or undefined when it was not signed by us for it. */
  verify(scope: { app: string; form: string }, token: string): string | undefined {
    const [body, signature] = token.split('.');
    if (!body || !signature) return undefined;
    const expected = Buffer.from(this.signature(scope, body));
    const presented = Buffer.from(signature);
    if (expected.length !== presented.length || !timingSafeEqual(expected, presented))
      return undefined;
    try {
      const { r } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { r?: unknown };
      return typeof r === 'string' ? r : undefined;
    } catch {
      return undefined;
    }
  }

  private signature(scope: { app: string; form: string }, body: string): string {
    return createHmac('sha256', this.secret)
      .update(`${scope.app}/${scope.form}:${body}`)
      .digest('base64url');
  }
}
