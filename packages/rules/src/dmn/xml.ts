import { DOMParser, type Element } from '@xmldom/xmldom';

export type { Element };

const ELEMENT_NODE = 1;

/** Parses XML; a malformed document gives a message rather than an exception. */
export function parseXml(text: string): { root: Element } | { error: string } {
  const problems: string[] = [];
  try {
    const document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message);
      },
    }).parseFromString(text, 'text/xml');
    const root = document.documentElement;
    if (problems.length > 0 || !root)
      return { error: problems[0] ?? 'the document has no root element' };
    return { root };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function elementChildren(element: Element): Element[] {
  const result: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling)
    if (node.nodeType === ELEMENT_NODE) result.push(node as Element);
  return result;
}

/** Child elements with this local name in one of these namespaces. */
export function childrenNamed(
  element: Element,
  localName: string,
  namespaces: ReadonlySet<string>,
): Element[] {
  return elementChildren(element).filter(
    (child) => child.localName === localName && namespaces.has(child.namespaceURI ?? ''),
  );
}

export function childNamed(
  element: Element,
  localName: string,
  namespaces: ReadonlySet<string>,
): Element | undefined {
  return childrenNamed(element, localName, namespaces)[0];
}

export function textOf(element: Element | undefined): string {
  return element?.textContent ?? '';
}

export function attribute(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? (element.getAttribute(name) ?? undefined) : undefined;
}
