// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands on its own (issue #13): a fresh clone has everything it refers to. No tracked file
 * outside docs/ may point at a folder beside the repository or at an absolute path of a developer's
 * machine, and every section or case id that code comments cite in the architecture and hostile-inputs
 * documents must exist there, so that citations cannot rot.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SELF = 'test/repo/self-contained.test.ts';
// Built from pieces so that this file does not contain what it looks for.
const NEEDLES = ['..' + '/shared', '/' + 'work/'];
const ARCH = 'docs/' + 'architecture.md';
const HOSTILE = 'docs/' + 'hostile-inputs.md';
/** Where citations are checked: the code, its tests, scripts, benchmarks and the top-level configs. */
const CITING = /^(src|test|scripts|bench)\/|^(eslint\.config\.js|vite\.config\.ts|vitest\.e2e\.config\.ts|index\.html)$/;

const tracked = (): string[] =>
  execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter(Boolean);

/** The text of a tracked file, or null when it is gone from the working tree, not a file, or binary (a NUL in its head). */
function textOf(path: string): string | null {
  const full = join(ROOT, path);
  if (!existsSync(full) || !statSync(full).isFile()) return null;
  const bytes = readFileSync(full);
  if (bytes.subarray(0, 8000).includes(0)) return null;
  return bytes.toString('utf8');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Section numbers of the architecture document's headings: `## 4. Routes` → 4, `### 4.2 Query` → 4.2. */
function sections(doc: string): Set<string> {
  const out = new Set<string>();
  for (const m of doc.matchAll(/^#{2,6}\s+(\d+(?:\.\d+)*)\.?\s/gm)) out.add(m[1]);
  return out;
}

/** Case ids of the hostile-inputs document: the first cell of a table row (`| N10 | …`) or a heading. */
function caseIds(doc: string): Set<string> {
  const out = new Set<string>();
  for (const m of doc.matchAll(/^\|\s*([A-Z]\d{1,2})\s*\|/gm)) out.add(m[1]);
  for (const m of doc.matchAll(/^#{2,6}\s+([A-Z]\d{1,2})\b/gm)) out.add(m[1]);
  return out;
}

// A citation: the document's path, then one or more references joined by commas, slashes, dashes or "and".
const ARCH_CITE = new RegExp(`${escape(ARCH)}((?:\\s*(?:,|and)?\\s*§\\s*\\d+(?:\\.\\d+)*)+)`, 'g');
const HOSTILE_CITE = new RegExp(`${escape(HOSTILE)}((?:\\s*(?:[,/–-]|and)?\\s*[A-Z]\\d{1,2}\\b)+)`, 'g');

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

describe('the repository stands on its own', () => {
  const files = tracked();

  it('lists the tracked files', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain('package.json');
  });

  it('no tracked file outside docs/ refers to a folder beside the repository or to an absolute machine path', () => {
    const hits: string[] = [];
    for (const path of files) {
      if (path.startsWith('docs/') || path === SELF) continue;
      const text = textOf(path);
      if (text === null) continue;
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        for (const needle of NEEDLES) if (line.includes(needle)) hits.push(`${path}:${i + 1}: ${line.trim().slice(0, 160)}`);
      });
    }
    expect(hits, `tracked files refer to paths outside the repository:\n${hits.join('\n')}`).toEqual([]);
  });

  it('every cited section of the architecture document and every cited hostile-input case exists', () => {
    const arch = textOf(ARCH);
    const hostile = textOf(HOSTILE);
    expect(arch, `${ARCH} is missing`).not.toBeNull();
    expect(hostile, `${HOSTILE} is missing`).not.toBeNull();
    const known = sections(arch!);
    const ids = caseIds(hostile!);
    const missing: string[] = [];
    for (const path of files) {
      if (!CITING.test(path)) continue;
      const text = textOf(path);
      if (text === null) continue;
      for (const m of text.matchAll(ARCH_CITE)) {
        for (const s of m[1].matchAll(/§\s*(\d+(?:\.\d+)*)/g)) {
          if (!known.has(s[1])) missing.push(`${path}:${lineOf(text, m.index)}: ${ARCH} §${s[1]} has no such heading`);
        }
      }
      for (const m of text.matchAll(HOSTILE_CITE)) {
        for (const id of m[1].match(/[A-Z]\d{1,2}/g) ?? []) {
          if (!ids.has(id)) missing.push(`${path}:${lineOf(text, m.index)}: ${HOSTILE} ${id} is not a case there`);
        }
      }
    }
    expect(missing, `citations that point nowhere:\n${missing.join('\n')}`).toEqual([]);
  });

  it('the documents define what the citation check relies on', () => {
    const known = sections(textOf(ARCH) ?? '');
    for (const s of ['2.1', '3.2', '4.2', '5.1', '7.1', '8']) expect(known.has(s), `§${s}`).toBe(true);
    const ids = caseIds(textOf(HOSTILE) ?? '');
    for (const id of ['E1', 'E10', 'S6', 'N10', 'X4', 'L1', 'P6', 'B1', 'J1', 'R1', 'X8']) expect(ids.has(id), id).toBe(true);
  });
});
