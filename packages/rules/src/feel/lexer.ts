/** Tokens of the FEEL subset used in decision-table cells. Offsets count UTF-16 units from 0. */
export type TokenKind = 'number' | 'string' | 'name' | 'punct' | 'end';

export interface Token {
  kind: TokenKind;
  /** The number's digits, the string's unescaped content, the name, or the punctuation. */
  text: string;
  offset: number;
  end: number;
}

export interface LexError {
  message: string;
  offset: number;
}

/** Words that never join a multi-word name (`Years of Service` is one name; `x and y` is not). */
const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'true',
  'false',
  'null',
  'in',
  'between',
  'instance',
  'if',
  'then',
  'else',
  'for',
  'some',
  'every',
  'satisfies',
  'function',
  'return',
]);

const PUNCTUATION = [
  '..',
  '<=',
  '>=',
  '!=',
  '**',
  '<',
  '>',
  '=',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  '+',
  '-',
  '*',
  '/',
];
const NAME_START = /[\p{L}_?]/u;
const NAME_PART = /[\p{L}\p{N}_?']/u;
const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  '"': '"',
  '\\': '\\',
  "'": "'",
};

export const isKeyword = (word: string) => KEYWORDS.has(word);

function readString(source: string, start: number): { token?: Token; error?: LexError } {
  let text = '';
  let index = start + 1;
  while (index < source.length) {
    const char = source[index] ?? '';
    if (char === '"') return { token: { kind: 'string', text, offset: start, end: index + 1 } };
    if (char === '\\') {
      const next = source[index + 1] ?? '';
      if (next === 'u') {
        const hex = /^[0-9a-fA-F]{4}/.exec(source.slice(index + 2));
        if (!hex)
          return { error: { message: 'expected four hex digits after \\u', offset: index } };
        text += String.fromCharCode(parseInt(hex[0], 16));
        index += 6;
        continue;
      }
      const escaped = ESCAPES[next];
      if (escaped === undefined)
        return { error: { message: `unknown escape \\${next} in a string`, offset: index } };
      text += escaped;
      index += 2;
      continue;
    }
    text += char;
    index += 1;
  }
  return { error: { message: 'this string has no closing "', offset: start } };
}

/** Reads a name; words separated by spaces form one name unless one of them is a keyword. */
function readName(source: string, start: number): Token {
  const word = (from: number) => {
    let end = from;
    while (end < source.length && NAME_PART.test(source[end] ?? '')) end += 1;
    return end;
  };
  let end = word(start);
  if (isKeyword(source.slice(start, end)))
    return { kind: 'name', text: source.slice(start, end), offset: start, end };
  if (/^date\s+and\s+time\b/.test(source.slice(start))) {
    const match = /^date\s+and\s+time/.exec(source.slice(start)) ?? [''];
    return { kind: 'name', text: 'date and time', offset: start, end: start + match[0].length };
  }
  for (;;) {
    const gap = /^[ \t]+/.exec(source.slice(end));
    if (!gap) break;
    const next = end + gap[0].length;
    if (!NAME_START.test(source[next] ?? '')) break;
    const nextEnd = word(next);
    if (isKeyword(source.slice(next, nextEnd))) break;
    end = nextEnd;
  }
  const text = source.slice(start, end).replace(/\s+/g, ' ');
  return { kind: 'name', text, offset: start, end };
}

export function tokenize(source: string): { tokens: Token[] } | { error: LexError } {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (char === '"') {
      const { token, error } = readString(source, index);
      if (error || !token) return { error: error ?? { message: 'bad string', offset: index } };
      tokens.push(token);
      index = token.end;
      continue;
    }
    const number = /^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(index));
    if (number && !(char === '.' && source[index + 1] === '.')) {
      // `1..5` is the number 1 followed by `..`, not 1. and .5
      let text = number[0];
      if (/^\d+\.\./.test(source.slice(index))) text = text.replace(/\..*$/, '');
      tokens.push({ kind: 'number', text, offset: index, end: index + text.length });
      index += text.length;
      continue;
    }
    if (NAME_START.test(char)) {
      const token = readName(source, index);
      tokens.push(token);
      index = token.end;
      continue;
    }
    const punct = PUNCTUATION.find((p) => source.startsWith(p, index));
    if (!punct) return { error: { message: `unexpected character ${char}`, offset: index } };
    tokens.push({ kind: 'punct', text: punct, offset: index, end: index + punct.length });
    index += punct.length;
  }
  tokens.push({ kind: 'end', text: '', offset: source.length, end: source.length });
  return { tokens };
}

/** How a token reads in an error message. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the cell';
    case 'string':
      return `the string "${token.text}"`;
    case 'number':
      return `the number ${token.text}`;
    case 'name':
      return `the name ${token.text}`;
    case 'punct':
      return `"${token.text}"`;
  }
}
