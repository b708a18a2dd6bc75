import { useEffect, useState } from 'react';
import { useT } from '../common/hooks';
import { openFileForImport } from './readFile';
import { addNotice } from '../../store/store';

/** Drag a file anywhere onto the page to import it; the overlay says so while dragging. */
export function DropZone() {
  const t = useT();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overFn = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = e.dataTransfer?.files;
      if (files && files.length > 1) addNotice(t('oneFileAtATime', { n: files.length }), 'error');
      if (files?.[0]) void openFileForImport(files[0]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, [t]);
  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>{t('dropHere')}</p>
    </div>
  );
}
