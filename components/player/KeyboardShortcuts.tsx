const keys: [string[], string][] = [
  [["Space", "K"], "Play or pause"],
  [["←", "→"], "Back or forward 5 seconds"],
  [["↑", "↓"], "Volume up or down"],
  [["M"], "Mute or unmute"],
  [["C"], "Captions on or off"],
  [["F"], "Full screen on or off"],
];

const names: Record<string, string> = { "←": "Left arrow", "→": "Right arrow", "↑": "Up arrow", "↓": "Down arrow" };

/** The player's shortcuts as a list, for the watch page. */
export function KeyboardShortcuts() {
  return (
    <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
      {keys.map(([ks, what]) => (
        <div key={what} className="contents">
          <dt className="flex gap-1">
            {ks.map((k, i) => (
              <span key={k} className="flex items-center gap-1">
                {i > 0 ? <span className="text-muted">or</span> : null}
                <kbd className="min-w-7 rounded-md border border-b-2 border-line bg-page px-1.5 py-0.5 text-center font-mono text-xs font-semibold">
                  {names[k] ? (
                    <>
                      <span aria-hidden="true">{k}</span>
                      <span className="sr-only">{names[k]}</span>
                    </>
                  ) : (
                    k
                  )}
                </kbd>
              </span>
            ))}
          </dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}
