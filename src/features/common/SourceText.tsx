const URL_RE = /(https?:\/\/[^\s,;，；]+)/g;

/** A source citation as text; plain http(s) URLs become links (React escapes; other schemes stay text). */
export function SourceText({ text }: { text: string }) {
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
    </span>
  );
}
