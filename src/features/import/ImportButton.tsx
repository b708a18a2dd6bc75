import { useRef } from 'react';
import { useT } from '../common/hooks';
import { openFileForImport } from './readFile';

export function ImportButton() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="primary" onClick={() => input.current?.click()}>
        {t('importFile')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,.json,.xlsx,.xlsm,.xlsb,.xls,.et,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
        hidden
        data-testid="file-input"
        aria-label={t('importFile')}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void openFileForImport(f);
          e.target.value = '';
        }}
      />
    </>
  );
}
