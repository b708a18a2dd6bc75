/**
 * A matching key for names typed by people: NFKC folds full-width letters, digits and brackets
 * (（亿元） → (亿元)), case is ignored and all white space (incl. U+3000) is removed.
 */
export function textKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\u00a0\u3000]+/g, '');
}
