import { previewFile } from '../../store/actions';

/** Reads a user's File into bytes and opens the preview. */
export async function openFileForImport(file: File): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  previewFile(file.name, bytes);
}
