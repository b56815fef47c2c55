import "./replay.css";
import { useRef, useState } from "react";
import type { HistoryEntry } from "@archboard/board-sync/history";
import { download } from "../../export/exportBoard.ts";
import { exportFileName } from "../../export/fileName.ts";
import { formatClock } from "../../interview/clock.ts";
import { toast } from "../../ui/toastStore.ts";
import { momentLabel } from "../pastActions.ts";
import { REPLAY_SPEEDS } from "./replayPlayer.ts";
import { recordTimelapse } from "./timelapseVideo.ts";
import { useReplay, type ReplayBinding } from "./useReplay.ts";

interface Props extends ReplayBinding {
  /** The board's title, for the video's file name. */
  title: string;
}

/**
 * Playback of the board's history in the History tab: play / pause, the next
 * change, speed, and, as of the moment shown, the time, the interview clock
 * and the diagram check's finding count; plus the time-lapse video export.
 */
export function ReplayControls({ title, ...binding }: Props) {
  const replay = useReplay(binding);
  const s = replay.state;
  const findings = s ? `${s.findings} ${s.findings === 1 ? "finding" : "findings"}` : null;
  const clock = s?.moment.clock;
  return (
    <section className="ab-replay" aria-label="Replay" data-testid="replay">
      <div className="ab-replay__row">
        <button
          type="button"
          className="ab-button ab-button--primary"
          data-testid="replay-play"
          disabled={replay.loading}
          onClick={() => void (s?.playing ? replay.pause() : replay.play())}
        >
          {s?.playing ? "Pause" : s?.ended ? "Replay again" : "Play"}
        </button>
        <button
          type="button"
          className="ab-button"
          data-testid="replay-step"
          // At the last change there is no next one, unless the scrubber has moved back since.
          disabled={replay.loading || (s?.ended === true && binding.viewing === s.moment.at)}
          onClick={() => void replay.step()}
        >
          Next change
        </button>
        <div className="ab-segmented" role="group" aria-label="Replay speed">
          {REPLAY_SPEEDS.map((speed) => (
            <button
              key={speed}
              type="button"
              className={replay.speed === speed ? "is-active" : undefined}
              aria-pressed={replay.speed === speed}
              onClick={() => replay.setSpeed(speed)}
            >
              {speed}×
            </button>
          ))}
        </div>
      </div>
      {replay.error && (
        <p className="ab-replay__error" role="alert">
          {replay.error}
        </p>
      )}
      {s && (
        <>
          <progress
            className="ab-replay__progress"
            aria-label="Replay progress"
            value={s.position}
            max={Math.max(1, s.duration)}
          />
          <dl
            className="ab-replay__moment"
            data-testid="replay-moment"
            data-ended={s.ended}
            data-playing={s.playing}
            data-at={s.moment.at}
          >
            <div>
              <dt>Time</dt>
              <dd>{momentLabel(s.moment.at)}</dd>
            </div>
            <div>
              <dt>Clock</dt>
              <dd data-testid="replay-clock" data-phase={clock?.phase.id ?? ""}>
                {clock
                  ? clock.status === "finished"
                    ? `Finished · ${formatClock(clock.totalElapsedMs)}`
                    : `${clock.phase.label} · ${formatClock(clock.elapsedMs)}`
                  : "No interview"}
              </dd>
            </div>
            <div>
              <dt>Check</dt>
              <dd data-testid="replay-findings" data-count={s.findings}>
                {findings}
              </dd>
            </div>
          </dl>
        </>
      )}
      <TimelapseExport title={title} load={binding.load} />
    </section>
  );
}

/** "Export time-lapse": renders the video with a progress bar; Cancel stops it. */
function TimelapseExport({ title, load }: { title: string; load: () => Promise<HistoryEntry[]> }) {
  const [progress, setProgress] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);
  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress(0);
    try {
      const entries = await load();
      const video = await recordTimelapse(entries, { signal: controller.signal, onProgress: setProgress });
      download(video.blob, exportFileName(`${title} time-lapse`, "webm"));
      toast(`Time-lapse saved: ${Math.round(video.blob.size / 1024)} KiB.`);
    } catch (err) {
      if (!(err instanceof DOMException && err.name === "AbortError"))
        toast(`The time-lapse could not be made: ${(err as Error).message}`, "error");
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };
  if (progress === null)
    return (
      <button type="button" className="ab-button" data-testid="timelapse-export" onClick={() => void start()}>
        Export time-lapse
      </button>
    );
  return (
    <div className="ab-replay__row" data-testid="timelapse-rendering">
      <progress
        className="ab-replay__progress"
        aria-label="Time-lapse rendering"
        data-testid="timelapse-progress"
        value={progress}
        max={1}
      />
      <span className="ab-replay__percent">{Math.round(progress * 100)}%</span>
      <button type="button" className="ab-button" data-testid="timelapse-cancel" onClick={() => abort.current?.abort()}>
        Cancel
      </button>
    </div>
  );
}
