/**
 * The one door to the network (docs/architecture.md §3.3): relative URLs, so the site works from any sub-path.
 * Errors name the file, so a deployer sees which one is missing.
 */
/**
 * The files last answered by the service worker from its cache because the network failed (src/sw.ts marks
 * them): while any is, the page shows the last data it has, and says so.
 */
export const servedFromCache = new Set<string>();

export async function fetchBytes(path: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(path, { cache: 'no-cache' });
  } catch (e) {
    throw new Error(`${path}: 无法读取 (${(e as Error).message})`, { cause: e });
  }
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  if (res.headers.has('x-htz-from-cache')) servedFromCache.add(path);
  else servedFromCache.delete(path);
  return new Uint8Array(await res.arrayBuffer());
}

export async function fetchText(path: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await fetchBytes(path));
}

export async function fetchJson(path: string): Promise<unknown> {
  const text = await fetchText(path);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: JSON 格式错误 (${(e as Error).message})`, { cause: e });
  }
}
