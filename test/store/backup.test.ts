// @vitest-environment node
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packBackup, unpackBackup } from '../../src/store/backup';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text), options: { encoding: 'utf-8' as const }, savedAt: '2026-11-22T00:00:00Z' });

describe('workspace backup', () => {
  it('round-trips files byte for byte, their options and the view', () => {
    const gbk = { ...file('gbk.csv', ''), bytes: new Uint8Array([0xd6, 0xa3, 0xd6, 0xdd]), options: { encoding: 'gb18030' as const } };
    const zip = packBackup([file('a.csv', 'zone,year\n郑州,2020'), gbk], { route: 'rankings', ds: 'user', year: 2021 });
    const back = unpackBackup(zip);
    if ('error' in back) throw new Error(back.error);
    expect(back.files.map((f) => f.name)).toEqual(['a.csv', 'gbk.csv']);
    expect([...back.files[1].bytes]).toEqual([0xd6, 0xa3, 0xd6, 0xdd]);
    expect(back.files[1].options).toEqual({ encoding: 'gb18030' });
    expect(back.view).toEqual({ route: 'rankings', ds: 'user', year: 2021 });
    // recognisable from its first bytes: the importer opens a backup instead of refusing a zip
    expect(new TextDecoder('latin1').decode(zip.subarray(0, 64))).toContain('workspace.json');
  });

  it.each([
    ['not a zip', new Uint8Array([1, 2, 3])],
    ['no index', zipSync({ 'x.txt': strToU8('x') })],
    ['later version', zipSync({ 'workspace.json': strToU8(JSON.stringify({ format: 'htz-workspace', version: 2, files: [] })) })],
    ['missing file', zipSync({ 'workspace.json': strToU8(JSON.stringify({ format: 'htz-workspace', version: 1, files: [{ name: 'a.csv', path: 'files/1' }] })) })],
  ])('refuses %s with a reason', (_, bytes) => {
    const r = unpackBackup(bytes);
    expect('error' in r && r.error.length > 0).toBe(true);
  });
});
