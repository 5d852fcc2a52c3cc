/**
 * Kubernetes label selector syntax (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`,
 * `!a`), parsed and matched in memory against cached objects. A selector never leaves the
 * backend: the API server is not asked to run it.
 */
export type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

export interface LabelSelector {
  requirements: Requirement[];
  /** The selector as written, for messages and kubectl commands. */
  text: string;
}

export class InvalidLabelSelectorError extends Error {
  readonly name = 'InvalidLabelSelectorError';
}

const KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
const MAX_LENGTH = 1024;

export function parseLabelSelector(text: string): LabelSelector {
  if (text.length > MAX_LENGTH) {
    throw new InvalidLabelSelectorError(
      `label selector is longer than ${MAX_LENGTH} characters`,
    );
  }
  const requirements: Requirement[] = [];
  for (const part of splitTopLevel(text)) {
    const term = part.trim();
    if (!term)
      throw new InvalidLabelSelectorError(
        `empty term in label selector "${text}"`,
      );
    requirements.push(parseTerm(term, text));
  }
  if (!requirements.length) {
    throw new InvalidLabelSelectorError('label selector is empty');
  }
  return { requirements, text };
}

export function matchesLabels(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  return selector.requirements.every(r => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      default:
        return false;
    }
  });
}

/** `key=value` when the selector is exactly one equality, so an index can answer it. */
export function singleEquality(
  selector: LabelSelector,
): { key: string; value: string } | undefined {
  const [only, ...rest] = selector.requirements;
  if (rest.length || only.op !== 'in' || only.values.length !== 1)
    return undefined;
  return { key: only.key, value: only.values[0] };
}

/**
 * Whether the selector pins at least one label to one non-empty value (`a=b`, `a==b`,
 * `a in (b)`), the least an entity must claim; see docs/security.md#entity-scope.
 */
export function hasPositiveEquality(selector: LabelSelector): boolean {
  return selector.requirements.some(
    r => r.op === 'in' && r.values.length === 1 && r.values[0] !== '',
  );
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (depth < 0)
      throw new InvalidLabelSelectorError(
        `unbalanced ")" in label selector "${text}"`,
      );
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0)
    throw new InvalidLabelSelectorError(
      `unbalanced "(" in label selector "${text}"`,
    );
  parts.push(current);
  return parts;
}

function parseTerm(term: string, text: string): Requirement {
  const setMatch = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(term);
  if (setMatch) {
    const [, key, op, list] = setMatch;
    const values = list.split(',').map(v => v.trim());
    checkKey(key, text);
    values.forEach(v => checkValue(v, text));
    return { key, op: op as 'in' | 'notin', values };
  }
  const eqMatch = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (eqMatch) {
    const [, key, op, value] = eqMatch;
    checkKey(key, text);
    checkValue(value, text);
    return { key, op: op === '!=' ? 'notin' : 'in', values: [value] };
  }
  if (term.startsWith('!')) {
    const key = term.slice(1).trim();
    checkKey(key, text);
    return { key, op: 'notexists' };
  }
  checkKey(term, text);
  return { key: term, op: 'exists' };
}

function checkKey(key: string, text: string) {
  const name = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key;
  if (!KEY.test(key) || name.length > 63 || key.length > 316) {
    throw new InvalidLabelSelectorError(
      `invalid label key "${key}" in label selector "${text}"`,
    );
  }
}

function checkValue(value: string, text: string) {
  if (value.length > 63 || !VALUE.test(value)) {
    throw new InvalidLabelSelectorError(
      `invalid label value "${value}" in label selector "${text}"`,
    );
  }
}
