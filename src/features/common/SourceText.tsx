import { useMemo } from 'react';
import { tierOf } from '../../data/source-tiers';
import { useStore } from '../../store/store';
import { useT } from './hooks';

const URL_RE = /(https?:\/\/[^\s,;，；]+)/g;

/**
 * A source citation as text; plain http(s) URLs become links (React escapes; other schemes stay text). The
 * source's tier (official, media, a copy on an aggregator site, unknown — data/source-tiers.ts) follows it as a
 * small label, so every value shown with its source also says how far that source can be trusted.
 */
export function SourceText({ text, tier = true }: { text: string; tier?: boolean }) {
  const t = useT();
  const rules = useStore((s) => s.tierRules);
  const which = useMemo(() => (tier ? tierOf(text, rules).tier : null), [tier, text, rules]);
  const parts = text.split(URL_RE);
  return (
    <span className="source-text">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} target="_blank" rel="noopener noreferrer">
            {part.length > 60 ? `${part.slice(0, 57)}…` : part}
          </a>
        ) : (
          part
        ),
      )}
      {which && (
        <span className={`tier tier-${which}`} data-testid="source-tier" data-tier={which}>
          {t(`tier.${which}`)}
        </span>
      )}
    </span>
  );
}
