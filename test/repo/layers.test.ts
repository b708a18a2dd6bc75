/**
 * The layers of docs/architecture.md §3.2, for every import: static, type-only, re-exports and `import()` (which
 * ESLint's no-restricted-imports does not see), the store included; and no import cycle between modules.
 * Read with the TypeScript parser, so a commented-out import or a string that merely looks like one is not counted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** What each layer may import, besides itself. Lower layers never reach up. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  domain: [],
  i18n: ['domain'],
  theme: [],
  data: ['domain', 'i18n'],
  model: ['domain', 'i18n', 'data', 'theme'],
  charts: ['domain', 'i18n', 'data', 'model', 'theme'],
  store: ['domain', 'i18n', 'data', 'model'],
  features: ['domain', 'i18n', 'data', 'model', 'theme', 'charts', 'store'],
  app: ['domain', 'i18n', 'data', 'model', 'theme', 'charts', 'store', 'features'],
  // the entry and the service worker sit above everything
  'main.tsx': ['*'],
  'sw.ts': ['*'],
};

interface Edge {
  from: string;
  to: string;
  /** `import type`, or named imports that are all types: gone at run time */
  typeOnly: boolean;
  dynamic: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|mjs)$/.test(name) && !/\.d\.m?ts$/.test(name) ? [path] : [];
  });
}

/** `./x` from `src/a/b.ts` → `src/a/x.ts` (or .tsx, .mjs, /index.ts): the module file the import names. */
function resolveModule(from: string, spec: string, files: ReadonlySet<string>): string {
  const base = relative(process.cwd(), resolve(dirname(from), spec));
  const hit = [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, join(base, 'index.ts')].find((c) => files.has(c));
  return hit ?? base;
}

function importsOf(file: string, files: ReadonlySet<string>): Edge[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const edges: Edge[] = [];
  const visit = (node: ts.Node) => {
    let spec: string | null = null;
    let typeOnly = false;
    let dynamic = false;
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      spec = node.moduleSpecifier.text;
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      spec = node.moduleSpecifier.text;
      typeOnly = node.isTypeOnly;
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      // a computed import() path cannot be checked: refuse it rather than let it through unseen
      spec = arg && ts.isStringLiteralLike(arg) ? arg.text : `<computed import() in ${file}>`;
      dynamic = true;
    }
    if (spec !== null && (spec.startsWith('.') || spec.startsWith('<'))) edges.push({ from: file, to: spec.startsWith('<') ? spec : resolveModule(file, spec, files), typeOnly, dynamic });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

const layerOf = (path: string) => path.split('/')[1] ?? '';

const files = sourceFiles('src');
const fileSet = new Set(files);
const edges = files.flatMap((f) => importsOf(f, fileSet));

/** The imports that reach up (or out of a folder the table does not place), as `from → to (kind)`. */
function upward(list: readonly Edge[]): string[] {
  return list
    .filter((e) => {
      const from = layerOf(e.from);
      const to = e.to.startsWith('<') ? '<computed>' : layerOf(e.to);
      const allowed = MAY_IMPORT[from];
      if (!allowed) return true; // a new top-level folder must be placed in the table first
      return from !== to && !allowed.includes('*') && !allowed.includes(to);
    })
    .map((e) => `${e.from} → ${e.to}${e.dynamic ? ' (import())' : e.typeOnly ? ' (type)' : ''}`);
}

/** Strongly connected groups of more than one module (Tarjan), over the imports that exist at run time. */
function cycles(nodes: readonly string[], next: ReadonlyMap<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of next.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of nodes) if (!idx.has(v)) strong(v);
  return found;
}

describe('layer boundaries (docs/architecture.md §3.2)', () => {
  it('reads the imports of every source file, import() included', () => {
    // a parser that found nothing would pass every rule below
    expect(files.length).toBeGreaterThan(100);
    expect(edges.filter((e) => e.dynamic).length).toBeGreaterThan(10);
    expect(edges.some((e) => e.from === 'src/app/views.ts' && e.dynamic && e.to.startsWith('src/features/'))).toBe(true);
  });

  it('no layer imports a layer above it, by any kind of import', () => {
    expect(upward(edges)).toEqual([]);
  });

  it('the rule fails on an upward import() and a new unplaced folder (made-up edges)', () => {
    expect(upward([{ from: 'src/store/actions.ts', to: 'src/features/export/download.ts', typeOnly: false, dynamic: true }])).toEqual(['src/store/actions.ts → src/features/export/download.ts (import())']);
    expect(upward([{ from: 'src/utils/x.ts', to: 'src/data/table.ts', typeOnly: false, dynamic: false }])).toHaveLength(1);
    expect(upward([{ from: 'src/charts/a.ts', to: 'src/model/b.ts', typeOnly: true, dynamic: false }])).toEqual([]);
  });

  it('no import cycle between modules (type-only imports left out: they are gone at run time)', () => {
    const next = new Map<string, string[]>();
    for (const e of edges) if (!e.typeOnly) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    expect(cycles(files, next)).toEqual([]);
  });

  it('the cycle finder finds a cycle (a made-up graph)', () => {
    const next = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(cycles(['a', 'b', 'c', 'd'], next)).toEqual([['a', 'b', 'c']]);
  });
});
