import { feelNumber, type FeelValue } from './values.js';
import { parseDecimal, negateDecimal } from './decimal.js';
import { describeToken, isKeyword, tokenize, type Token } from './lexer.js';
import { parseDate, parseDateTime, parseDuration, parseTime } from './temporal.js';
import type { Operand, ParseError } from './ast.js';

/** Thrown inside a parser only, and always caught by its entry point. */
export class ParseFailure extends Error {
  constructor(readonly failure: ParseError) {
    super(failure.message);
  }
}

const TEMPORAL_FUNCTIONS: Record<string, (text: string) => FeelValue | undefined> = {
  date: (text) => parseDate(text),
  time: (text) => parseTime(text),
  'date and time': (text) => parseDateTime(text),
  duration: (text) => parseDuration(text),
};

export const column = (offset: number) => offset + 1;

/** A cursor over the tokens of one cell, with the parsing steps both cell grammars share. */
export class TokenStream {
  private index = 0;
  private constructor(private readonly tokens: Token[]) {}

  static of(source: string): TokenStream {
    const result = tokenize(source);
    if ('error' in result) throw new ParseFailure(result.error);
    return new TokenStream(result.tokens);
  }

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }

  isPunct(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'punct' && token.text === text;
  }

  fail(message: string, token: Token = this.peek()): never {
    throw new ParseFailure({ message, offset: token.offset });
  }

  expectPunct(text: string, context: string): Token {
    if (!this.isPunct(text)) {
      const token = this.peek();
      this.fail(
        `expected "${text}" ${context} at column ${column(token.offset)}, found ${describeToken(token)}`,
      );
    }
    return this.next();
  }

  expectEnd(what: string): void {
    const token = this.peek();
    if (token.kind !== 'end')
      this.fail(
        `unexpected ${describeToken(token)} at column ${column(token.offset)} after ${what}`,
      );
  }

  /** A literal or a name path; undefined (nothing consumed) when the next token starts neither. */
  readOperand(): Operand | undefined {
    const token = this.peek();
    if (token.kind === 'number') {
      this.next();
      return {
        kind: 'literal',
        value: feelNumber(parseDecimal(token.text) ?? { coefficient: 0n, scale: 0 }),
        offset: token.offset,
        end: token.end,
      };
    }
    if (token.kind === 'punct' && token.text === '-' && this.peek(1).kind === 'number') {
      this.next();
      const number = this.next();
      const decimal = parseDecimal(number.text) ?? { coefficient: 0n, scale: 0 };
      return {
        kind: 'literal',
        value: feelNumber(negateDecimal(decimal)),
        offset: token.offset,
        end: number.end,
      };
    }
    if (token.kind === 'string') {
      this.next();
      return { kind: 'literal', value: token.text, offset: token.offset, end: token.end };
    }
    if (token.kind !== 'name') return undefined;
    if (token.text === 'true' || token.text === 'false' || token.text === 'null') {
      this.next();
      const value = token.text === 'null' ? null : token.text === 'true';
      return { kind: 'literal', value, offset: token.offset, end: token.end };
    }
    const temporal = TEMPORAL_FUNCTIONS[token.text];
    if (temporal && this.isPunct('(', 1)) return this.readTemporal(token, temporal);
    if (isKeyword(token.text)) return undefined;
    return this.readPath();
  }

  private readTemporal(name: Token, parse: (text: string) => FeelValue | undefined): Operand {
    this.next();
    this.next();
    const argument = this.peek();
    if (argument.kind !== 'string')
      this.fail(
        `expected a quoted text such as "2024-01-31" in ${name.text}( at column ${column(argument.offset)}`,
      );
    this.next();
    const close = this.expectPunct(')', `to close ${name.text}(`);
    const value = parse(argument.text);
    if (value === undefined)
      this.fail(
        `"${argument.text}" is not a valid ${name.text} at column ${column(argument.offset)}`,
        argument,
      );
    return { kind: 'literal', value, offset: name.offset, end: close.end };
  }

  private readPath(): Operand {
    const first = this.next();
    const path = [first.text];
    let end = first.end;
    while (this.isPunct('.') && this.peek(1).kind === 'name') {
      this.next();
      const part = this.next();
      path.push(part.text);
      end = part.end;
    }
    return { kind: 'path', path, offset: first.offset, end };
  }
}
