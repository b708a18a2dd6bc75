import { dismissNotice, useStore } from '../store/store';
import { useLang, useT } from '../features/common/hooks';
import { inLang } from '../i18n/bilingual';

/** Messages for the user (imports done, invalid link parameters); errors are announced assertively. */
export function Notices({ extra }: { extra: string[] }) {
  const t = useT();
  const lang = useLang();
  const notices = useStore((s) => s.notices);
  if (!notices.length && !extra.length) return null;
  return (
    <div className="notices" aria-live="polite">
      {extra.length > 0 && (
        <p className="notice error" role="alert">
          {t('urlNotice', { detail: extra.join(', ') })}
        </p>
      )}
      {notices.map((n) => (
        <p key={n.id} className={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          {inLang(n.text, lang)}
          <button type="button" onClick={() => dismissNotice(n.id)} aria-label={t('close')}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
