import { parseExpression } from '../feel/parse-expression.js';
import {
  DMN_NAMESPACES,
  type DmnDecision,
  type DmnInputData,
  type DmnIssue,
  type DmnItemDefinition,
  type DmnVersion,
  type ImportDmnResult,
} from './dmn-model.js';
import { resolveType } from './dmn-types.js';
import { readDecisionTable, type ReadContext } from './read-decision-table.js';
import {
  attribute,
  childNamed,
  childrenNamed,
  elementChildren,
  parseXml,
  textOf,
  type Element,
} from './xml.js';

/** Children of a decision that are not its logic. */
const DECISION_PARTS = new Set([
  'description',
  'extensionElements',
  'question',
  'allowedAnswers',
  'variable',
  'informationRequirement',
  'knowledgeRequirement',
  'authorityRequirement',
  'supportedObjective',
  'impactedPerformanceIndicator',
  'decisionMaker',
  'decisionOwner',
  'usingProcess',
  'usingTask',
]);
/** Top-level elements that carry no logic of their own. */
const IGNORED_ELEMENTS = new Set([
  'description',
  'extensionElements',
  'DMNDI',
  'textAnnotation',
  'association',
  'group',
  'elementCollection',
  'performanceIndicator',
  'organizationUnit',
]);

function readItemDefinition(element: Element, ns: ReadonlySet<string>): DmnItemDefinition {
  const typeRef = textOf(childNamed(element, 'typeRef', ns)).trim();
  const allowed = childNamed(element, 'allowedValues', ns);
  const item: DmnItemDefinition = {
    name: attribute(element, 'name') ?? '',
    type: resolveType(typeRef, []) ?? 'any',
    isCollection: attribute(element, 'isCollection') === 'true',
    components: childrenNamed(element, 'itemComponent', ns).map((child) =>
      readItemDefinition(child, ns),
    ),
  };
  if (allowed) item.allowedValues = textOf(childNamed(allowed, 'text', ns));
  return item;
}

/** Item definitions may refer to each other: resolve `typeRef`s to the FEEL type they come down to. */
function resolveItemTypes(
  items: DmnItemDefinition[],
  elements: Element[],
  ns: ReadonlySet<string>,
) {
  items.forEach((item, index) => {
    const typeRef = textOf(childNamed(elements[index] as Element, 'typeRef', ns)).trim();
    const other = items.find((candidate) => candidate.name === typeRef && candidate !== item);
    if (other && item.components.length === 0) item.type = resolveType(typeRef, items) ?? 'any';
  });
}

const hrefId = (element: Element | undefined) =>
  element ? (attribute(element, 'href') ?? '').replace(/^.*#/, '') : '';

function readDecision(
  element: Element,
  context: Omit<ReadContext, 'path' | 'errors' | 'warnings'>,
  names: Map<string, string>,
  issues: { errors: DmnIssue[]; warnings: DmnIssue[] },
): DmnDecision {
  const { ns } = context;
  const name = attribute(element, 'name') ?? attribute(element, 'id') ?? '';
  const path = `decision[name="${name}"]`;
  const variable = childNamed(element, 'variable', ns);
  const decision: DmnDecision = {
    id: attribute(element, 'id') ?? name,
    name,
    requiredDecisions: [],
    requiredInputs: [],
  };
  const typeRef = variable ? attribute(variable, 'typeRef') : undefined;
  if (typeRef !== undefined) decision.typeRef = typeRef;
  for (const requirement of childrenNamed(element, 'informationRequirement', ns)) {
    const required = childNamed(requirement, 'requiredDecision', ns);
    const input = childNamed(requirement, 'requiredInput', ns);
    const id = hrefId(required ?? input);
    const target = names.get(id);
    if (target === undefined)
      issues.errors.push({
        element: `${path}/informationRequirement`,
        message: `it refers to #${id}, which is not in the model`,
      });
    else if (required) decision.requiredDecisions.push(target);
    else decision.requiredInputs.push(target);
  }
  if (childrenNamed(element, 'knowledgeRequirement', ns).length > 0) {
    issues.errors.push({
      element: `${path}/knowledgeRequirement`,
      message: 'business knowledge models are not supported',
    });
    decision.unsupported = 'it invokes a business knowledge model';
  }
  const logic = elementChildren(element).filter(
    (child) => !DECISION_PARTS.has(child.localName ?? ''),
  );
  const [first] = logic;
  const unsupported = (kind: string, reason: string) => {
    issues.errors.push({ element: `${path}/${kind}`, message: reason });
    decision.unsupported ??= reason;
  };
  if (!first) unsupported('', 'the decision has no decision logic');
  else if (first.localName === 'decisionTable') {
    const errors: DmnIssue[] = [];
    const table = readDecisionTable(first, decision, {
      ...context,
      path,
      errors,
      warnings: issues.warnings,
    });
    issues.errors.push(...errors);
    if (errors.length > 0)
      decision.unsupported ??= `its decision table is outside the supported subset: ${errors[0]?.message}`;
    decision.logic = { kind: 'decisionTable', table };
  } else if (first.localName === 'literalExpression') {
    const source = textOf(childNamed(first, 'text', ns));
    const parsed = parseExpression(source);
    if (parsed.ok)
      decision.logic = { kind: 'literalExpression', text: source, expression: parsed.value };
    else
      unsupported(
        'literalExpression',
        `the literal expression ${JSON.stringify(source.trim())} is outside the supported FEEL subset (${parsed.error.message})`,
      );
  } else
    unsupported(
      first.localName ?? '',
      `${first.localName} decision logic is not supported; only decision tables and simple literal expressions are`,
    );
  return decision;
}

/**
 * Reads a DMN 1.3, 1.4 or 1.5 model: its decision tables, simple literal expressions, input data,
 * item definitions and requirements. Unsupported parts are listed in `errors`, naming the element,
 * and only the decisions that use them are unusable: the others still evaluate.
 */
export function importDmn(xml: string): ImportDmnResult {
  const parsed = parseXml(xml);
  if ('error' in parsed)
    return {
      errors: [{ element: '', message: `the XML does not parse: ${parsed.error}` }],
      warnings: [],
    };
  const { root } = parsed;
  const version = (Object.keys(DMN_NAMESPACES) as DmnVersion[]).find(
    (key) => DMN_NAMESPACES[key] === root.namespaceURI,
  );
  if (root.localName !== 'definitions' || !version)
    return {
      errors: [
        {
          element: root.localName ?? '',
          message: `not a DMN 1.3–1.5 model: the root is {${root.namespaceURI ?? ''}}${root.localName ?? ''}, expected definitions in ${Object.values(DMN_NAMESPACES).join(', ')}`,
        },
      ],
      warnings: [],
    };
  const ns: ReadonlySet<string> = new Set([DMN_NAMESPACES[version]]);
  const errors: DmnIssue[] = [];
  const warnings: DmnIssue[] = [];
  const itemElements = childrenNamed(root, 'itemDefinition', ns);
  const itemDefinitions = itemElements.map((element) => readItemDefinition(element, ns));
  resolveItemTypes(itemDefinitions, itemElements, ns);
  const names = new Map<string, string>();
  const inputData: DmnInputData[] = childrenNamed(root, 'inputData', ns).map((element) => {
    const variable = childNamed(element, 'variable', ns);
    const input: DmnInputData = {
      id: attribute(element, 'id') ?? '',
      name: attribute(element, 'name') ?? '',
    };
    const typeRef = variable ? attribute(variable, 'typeRef') : undefined;
    if (typeRef !== undefined) input.typeRef = typeRef;
    names.set(input.id, input.name);
    return input;
  });
  const decisionElements = childrenNamed(root, 'decision', ns);
  for (const element of decisionElements)
    names.set(attribute(element, 'id') ?? '', attribute(element, 'name') ?? '');
  const decisions = decisionElements.map((element) =>
    readDecision(element, { ns, items: itemDefinitions }, names, { errors, warnings }),
  );
  for (const element of elementChildren(root)) {
    const name = element.localName ?? '';
    if (
      ['itemDefinition', 'inputData', 'decision'].includes(name) ||
      IGNORED_ELEMENTS.has(name) ||
      !ns.has(element.namespaceURI ?? '')
    )
      continue;
    const label = `${name}[name="${attribute(element, 'name') ?? ''}"]`;
    if (name === 'knowledgeSource')
      warnings.push({
        element: label,
        message: 'knowledge sources are documentation only and are ignored',
      });
    else errors.push({ element: label, message: `${name} is not supported` });
  }
  const model = {
    version,
    itemDefinitions,
    inputData,
    decisions,
    ...optional(root, 'id'),
    ...optional(root, 'name'),
    ...optional(root, 'namespace'),
  };
  return { model, errors, warnings };
}

function optional(
  element: Element,
  name: 'id' | 'name' | 'namespace',
): Partial<Record<typeof name, string>> {
  const value = attribute(element, name);
  return value === undefined ? {} : { [name]: value };
}
