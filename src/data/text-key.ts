/**
 * A matching key for names typed by people: NFKC folds full-width letters, digits and brackets
 * (（亿元） → (亿元)), case is ignored and all white space (incl. U+3000) is removed, and so are the
 * invisible characters that ride along in pasted text (zero-width spaces, joiners, bidi controls): `郑州\u200b`
 * and `郑州` are one name.
 */
export function textKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\u00a0\u3000\u200b-\u200f\u2060\u202a-\u202e\u2066-\u2069\ufeff]+/g, '');
}
