import { compareDecimals, parseDecimal } from '../feel/decimal.js';
import { formatFeelValue } from '../feel/convert.js';
import { parseDate, parseDateTime, parseDuration, parseTime } from '../feel/temporal.js';
import {
  compareValues,
  feelContext,
  feelNumber,
  isFeelList,
  isTagged,
  type FeelValue,
} from '../feel/values.js';
import { attribute, childrenNamed, elementChildren, textOf, type Element } from './xml.js';

export const TCK_NAMESPACE = 'http://www.omg.org/spec/DMN/20160719/testcase';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const NS: ReadonlySet<string> = new Set([TCK_NAMESPACE]);

function readSimple(element: Element): FeelValue {
  if (element.getAttributeNS(XSI, 'nil') === 'true') return null;
  const type = (element.getAttributeNS(XSI, 'type') ?? '').replace(/^.*:/, '');
  const text = textOf(element);
  const invalid = (what: string) => {
    throw new Error(`the ${what} value ${JSON.stringify(text)} does not parse`);
  };
  switch (type) {
    case 'decimal':
    case 'double':
    case 'float':
    case 'integer':
    case 'int':
    case 'long':
    case 'short': {
      const decimal = parseDecimal(text);
      return decimal ? feelNumber(decimal) : invalid('number');
    }
    case 'boolean':
      return text.trim() === 'true' || text.trim() === '1';
    case 'date':
      return parseDate(text.trim()) ?? invalid('date');
    case 'dateTime':
      return parseDateTime(text.trim()) ?? invalid('dateTime');
    case 'time':
      return parseTime(text.trim()) ?? invalid('time');
    case 'duration':
      return parseDuration(text.trim()) ?? invalid('duration');
    default:
      return text;
  }
}

/** Reads a TCK value: `<value>`, `<component>`s (a context) or `<list>` of `<item>`s. */
export function readTckValue(element: Element): FeelValue {
  if (element.getAttributeNS(XSI, 'nil') === 'true') return null;
  const [value] = childrenNamed(element, 'value', NS);
  if (value) return readSimple(value);
  const [list] = childrenNamed(element, 'list', NS);
  if (list) {
    if (list.getAttributeNS(XSI, 'nil') === 'true') return null;
    return childrenNamed(list, 'item', NS).map(readTckValue);
  }
  const components = childrenNamed(element, 'component', NS);
  if (components.length > 0)
    return feelContext(
      Object.fromEntries(
        components.map((component) => [
          attribute(component, 'name') ?? '',
          readTckValue(component),
        ]),
      ),
    );
  if (elementChildren(element).length === 0 && textOf(element).trim() === '') return null;
  throw new Error(`unexpected content in <${element.localName ?? ''}>`);
}

/** Equality as the TCK README defines it: decimals by value, contexts by component, lists in order. */
export function tckValuesEqual(expected: FeelValue, actual: FeelValue): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (typeof expected !== 'object' || typeof actual !== 'object') return expected === actual;
  if (isFeelList(expected) || isFeelList(actual)) {
    if (!isFeelList(expected) || !isFeelList(actual) || expected.length !== actual.length)
      return false;
    return expected.every((item, index) => tckValuesEqual(item, actual[index] ?? null));
  }
  if (!isTagged(expected) || !isTagged(actual) || expected.kind !== actual.kind) return false;
  if (expected.kind === 'number' && actual.kind === 'number')
    return compareDecimals(expected.value, actual.value) === 0;
  if (expected.kind === 'context' && actual.kind === 'context') {
    const keys = Object.keys(expected.entries);
    if (keys.length !== Object.keys(actual.entries).length) return false;
    return keys.every(
      (key) =>
        key in actual.entries &&
        tckValuesEqual(expected.entries[key] ?? null, actual.entries[key] ?? null),
    );
  }
  return compareValues(expected, actual) === 0;
}

export const describeValue = (value: FeelValue) => formatFeelValue(value);
