import { useConnection } from "./connectionStore.ts";

const LABELS = {
  connecting: "Connecting…",
  connected: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  refused: "Not connected",
} as const;

/** Connection state of a shared board; unsynced edits are counted, never dropped. */
export function ConnectionBadge() {
  const status = useConnection((s) => s.status);
  const unsynced = useConnection((s) => s.unsynced);
  const notice = useConnection((s) => s.notice);
  if (!status) return null;
  const pending = status !== "connected" && unsynced > 0;
  return (
    <span
      className={`ab-conn ab-conn--${status}`}
      data-testid="connection-status"
      data-status={status}
      role="status"
      title={[
        notice,
        pending
          ? `${unsynced} change${unsynced === 1 ? "" : "s"} saved on this device, sent when the connection returns`
          : status === "connected"
            ? "Connected: changes are shared as you draw"
            : "Changes are saved on this device and sent when the connection returns",
      ]
        .filter(Boolean)
        .join(" ")}
    >
      <span className="ab-conn__dot" />
      {LABELS[status]}
      {pending && <span className="ab-conn__pending">· {unsynced} unsynced</span>}
    </span>
  );
}

/** Shown when the server refused the invite or ended the connection for good: says why, in plain words. */
export function RefusalNotice({ onLeave }: { onLeave: () => void }) {
  const refusal = useConnection((s) => s.refusal);
  if (!refusal) return null;
  return (
    <div className="ab-refusal" role="alert" data-testid="connection-refused" data-code={refusal.code}>
      <strong>{refusal.title}</strong>
      <p>{refusal.message}</p>
      <button type="button" className="ab-button" onClick={onLeave}>
        Back to your boards
      </button>
    </div>
  );
}
