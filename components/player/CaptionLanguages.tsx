/** The film page's line listing caption languages, from the cached film data (no client code). */
export function CaptionLanguages({ captions }: { captions: { lang: string; label: string }[] }) {
  if (captions.length === 0) return null;
  return (
    <>
      <dt className="text-muted">Captions</dt>
      <dd>
        {captions.map((c, i) => (
          <span key={c.lang}>
            {i > 0 ? ", " : null}
            <span lang={c.lang}>{c.label}</span>
          </span>
        ))}
      </dd>
    </>
  );
}
