import { memoByString } from '../memo';

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

// Quantities repeat (every replica has the same requests and limits), and a view parses those
// of every pod it shows: remembered.
const parseQuantityText = memoByString((text: string): number | undefined => {
  const match = /^([+-]?[0-9.]+)([eE][+-]?[0-9]+|[a-zA-Z]*)$/.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  if (!Number.isFinite(value)) return undefined;
  const suffix = match[2];
  if (/^[eE]/.test(suffix)) return value * 10 ** Number(suffix.slice(1));
  const factor = BINARY[suffix] ?? DECIMAL[suffix];
  return factor === undefined ? undefined : value * factor;
}, 4096);

/**
 * A Kubernetes resource quantity (`10`, `500m`, `1.5Gi`, `2e3`) as a number, or undefined when
 * the string is not a quantity.
 *
 * @public
 */
export function parseQuantity(
  quantity: string | undefined,
): number | undefined {
  return parseQuantityText(quantity ?? '');
}
