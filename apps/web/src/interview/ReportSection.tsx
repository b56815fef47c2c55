import { useState } from "react";
import type * as Y from "yjs";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { RoomId } from "@archboard/protocol";
import { boardFileData } from "../export/boardData.ts";
import { DEFAULT_EXPORT_OPTIONS, download, renderExport } from "../export/exportBoard.ts";
import { exportFileName } from "../export/fileName.ts";
import { useLint } from "../lint/lintStore.ts";
import { toast } from "../ui/toastStore.ts";
import type { Note, Score, Signal } from "./notes.ts";
import { phaseBoards, phaseCuts, type PhaseBoard } from "./phaseBoards.ts";
import {
  downloadPhasePictures,
  downloadSharedPhases,
  makePhaseBoards,
  phaseFileName,
  roomBoardAt,
} from "./phaseImages.ts";
import { resolvePrompt } from "./PromptSection.tsx";
import { buildReport } from "./report.ts";
import { serverNow } from "./serverTime.ts";
import { shareReport } from "./session.ts";
import { useSession } from "./useSession.ts";

interface Props {
  api: ExcalidrawImperativeAPI;
  doc: Y.Doc;
  roomId: RoomId;
  token: string;
  title: string;
  isInterviewer: boolean;
  privateData: { notes: readonly Note[]; scores: Record<string, Score>; signal: Signal | null } | null;
}

async function downloadBoardImage(api: ExcalidrawImperativeAPI, doc: Y.Doc, file: string) {
  try {
    download(await renderExport(api, DEFAULT_EXPORT_OPTIONS, boardFileData(doc)), file);
  } catch (err) {
    toast(`The board image could not be made: ${(err as Error).message}`, "error");
  }
}

/**
 * The boards by phase, or none when the history cannot be read (the server
 * refused, or the network is down): the report is still made, without them.
 */
async function byPhase(
  make: () => Promise<{ boards: PhaseBoard[]; pictures: Map<string, Blob> }>,
): Promise<{ boards: PhaseBoard[]; pictures: Map<string, Blob> }> {
  try {
    return await make();
  } catch (err) {
    toast(`The board by phase is left out of the report: ${(err as Error).message}`, "error");
    return { boards: [], pictures: new Map() };
  }
}

/** The end-of-interview report: the interviewer's full copy, and the candidate's shared copy. */
export function ReportSection({ api, doc, roomId, token, title, isInterviewer, privateData }: Props) {
  const session = useSession(doc);
  const [busy, setBusy] = useState(false);
  const base = `${title} report`;
  const imageFile = exportFileName(base, "png");
  const boardAt = roomBoardAt(roomId, token);
  /** Runs a report action with the buttons disabled; a failure is told, not thrown. */
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      toast(`The report could not be made: ${(err as Error).message}`, "error");
    } finally {
      setBusy(false);
    }
  };
  const build = (includePrivateNotes: boolean, boards: readonly PhaseBoard[]) =>
    buildReport({
      boardTitle: title,
      prompt: resolvePrompt(session.prompt),
      clock: session.clock,
      findings: useLint.getState().findings,
      scores: privateData?.scores ?? {},
      signal: privateData?.signal ?? null,
      notes: privateData?.notes ?? [],
      includePrivateNotes,
      generatedAt: new Date(serverNow()),
      imageFile,
      phaseBoards: boards,
    });
  const downloadMarkdown = (markdown: string) =>
    download(new Blob([markdown], { type: "text/markdown" }), exportFileName(base, "md"));

  if (isInterviewer) {
    return (
      <section className="ab-session__section" aria-label="Report">
        <h3 className="ab-session__heading">Report</h3>
        <div className="ab-session__actions">
          <button
            type="button"
            className="ab-button ab-button--primary"
            data-testid="download-report"
            disabled={busy}
            onClick={run(async () => {
              const { boards, pictures } = await byPhase(() =>
                makePhaseBoards(phaseCuts(session.clock, serverNow()), boardAt, base),
              );
              downloadMarkdown(build(true, boards));
              await downloadBoardImage(api, doc, imageFile);
              downloadPhasePictures(pictures);
            })}
          >
            Download report
          </button>
          <button
            type="button"
            className="ab-button"
            data-testid="share-report"
            disabled={busy}
            onClick={run(async () => {
              const cuts = phaseCuts(session.clock, serverNow());
              const { boards } = await byPhase(async () => ({
                boards: await phaseBoards(cuts, boardAt, (cut) => phaseFileName(base, cut)),
                pictures: new Map<string, Blob>(),
              }));
              const pictures = boards.filter((b) => !b.empty).map(({ at, file }) => ({ at, file }));
              shareReport(doc, build(false, boards), serverNow(), pictures);
              toast("The candidate can now download the report, without your private notes.");
            })}
          >
            {session.report ? "Share again" : "Share with candidate"}
          </button>
        </div>
        <p className="ab-hint">
          Markdown with the prompt, timings, diagram check, rubric and notes, plus the board as PNG at the end and at
          the end of each phase.
        </p>
      </section>
    );
  }
  if (!session.report) return null;
  const shared = session.report;
  return (
    <section className="ab-session__section" aria-label="Report">
      <h3 className="ab-session__heading">Report</h3>
      <p className="ab-hint">The interviewer shared the report.</p>
      <button
        type="button"
        className="ab-button ab-button--primary"
        data-testid="download-report"
        disabled={busy}
        onClick={run(async () => {
          downloadMarkdown(shared.markdown);
          await downloadBoardImage(api, doc, imageFile);
          await downloadSharedPhases(shared.phases ?? [], boardAt);
        })}
      >
        Download report
      </button>
    </section>
  );
}
