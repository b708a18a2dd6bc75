import { previewFile, refuseFile, restoreBackup } from '../../store/actions';

/**
 * Reads a user's File into bytes and opens the preview. Too large a file is refused by its size, before a
 * byte is read (docs/hostile-inputs.md L1). A workspace backup (.zip) is restored instead of previewed.
 */
export async function openFileForImport(file: File): Promise<void> {
  // the limits load on the first pick of a file, not with the first view
  const { checkFileSize } = await import('../../data/limits');
  const refusal = checkFileSize(file.size);
  if (refusal) {
    refuseFile(file.name, file.size, refusal.reason);
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.zip$/i.test(file.name) && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const text = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
    if (text.includes('workspace.json')) {
      await restoreBackup(bytes, file.name);
      return;
    }
  }
  previewFile(file.name, bytes, {}, file);
}
