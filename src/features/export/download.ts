/**
 * The one door through which files leave the app (docs/architecture.md §3.3). A Blob and an <a download>: works offline,
 * on plain-http intranets, and in every browser the dashboard supports.
 */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoke later: some browsers start the download asynchronously
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies a PNG to the clipboard where the browser allows it; says why not otherwise. */
export async function copyPng(blob: Blob): Promise<'ok' | 'unsupported' | 'denied'> {
  const Item = (window as unknown as { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
  if (!navigator.clipboard?.write || !Item) return 'unsupported';
  try {
    await navigator.clipboard.write([new Item({ 'image/png': blob })]);
    return 'ok';
  } catch {
    return 'denied';
  }
}
