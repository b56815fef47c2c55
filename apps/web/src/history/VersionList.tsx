import type * as Y from "yjs";
import { momentLabel } from "./pastActions.ts";
import { deleteVersion, useVersionDialog, type NamedVersion } from "./versions.ts";

/**
 * The board's named versions, oldest first: a click shows the board as it
 * was then. Saving and removing a name need a board one may edit.
 */
export function VersionList({
  doc,
  versions,
  readOnly,
  onShow,
}: {
  doc: Y.Doc;
  versions: readonly NamedVersion[];
  readOnly: boolean;
  onShow: (at: number) => void;
}) {
  return (
    <section className="ab-history__versions" aria-labelledby="ab-history-versions">
      <header>
        <h3 id="ab-history-versions">Named versions</h3>
        {!readOnly && (
          <button
            type="button"
            className="ab-button"
            onClick={() => useVersionDialog.getState().setOpen(true)}
            data-testid="history-save-version"
          >
            Save version…
          </button>
        )}
      </header>
      {versions.length === 0 ? (
        <p className="ab-muted">
          {readOnly ? "No version has a name yet." : "Name the board as it is now to find this moment again."}
        </p>
      ) : (
        <ul data-testid="history-versions">
          {versions.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className="ab-history__version"
                onClick={() => onShow(v.at)}
                data-testid="history-version"
              >
                <span className="ab-history__version-name">{v.name}</span>
                <span className="ab-muted">
                  {momentLabel(v.at)}
                  {v.by ? ` · ${v.by}` : ""}
                </span>
              </button>
              {!readOnly && (
                <button
                  type="button"
                  className="ab-icon-button"
                  aria-label={`Remove the name “${v.name}”`}
                  title="Remove this name (the board’s history stays)"
                  onClick={() => deleteVersion(doc, v.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
