import { Sidebar } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useState, type ReactNode } from "react";
import type * as Y from "yjs";
import type { Role, RoomId } from "@archboard/protocol";
import { EstimatesPanel } from "../../estimates/EstimatesPanel.tsx";
import { useInterviewPrompt } from "../../estimates/useInterviewPrompt.ts";
import { HistoryPanel } from "../../history/HistoryPanel.tsx";
import { InterviewPanel } from "../../interview/InterviewPanel.tsx";
import { LintPanel, LiveSeverityCounts } from "../../lint/LintPanel.tsx";
import { PANELS_SIDEBAR, usePanels } from "./panels.ts";

/** What the interview tab needs; absent on boards that are not mock interviews. */
export interface InterviewTab {
  roomId: RoomId;
  token: string;
  role: Role;
  title: string;
  followCandidate: () => boolean;
}

/**
 * The board's side panel, docked on the right: the diagram check, the estimates, (in a
 * mock interview) the session, and the board's history, as tabs. One sidebar instead of three keeps every panel a
 * click away without crowding the top bar.
 */
export function BoardPanels({
  api,
  doc,
  interview,
  readOnly,
  playback,
}: {
  api: ExcalidrawImperativeAPI;
  doc: Y.Doc;
  interview: InterviewTab | null;
  readOnly: boolean;
  /** Controls that play the board's history, shown in the History tab. */
  playback?: ReactNode;
}) {
  const [docked, setDocked] = useState(true);
  const prompt = useInterviewPrompt(doc, interview?.role === "interviewer");
  return (
    <Sidebar
      name={PANELS_SIDEBAR}
      docked={docked}
      onDock={setDocked}
      onStateChange={(state) => usePanels.getState().setTab(state?.tab)}
      className="ab-panels"
    >
      <Sidebar.Tabs>
        <Sidebar.Header>
          <Sidebar.TabTriggers>
            <Sidebar.TabTrigger tab="check" data-testid="panel-tab-check">
              Check <LiveSeverityCounts />
            </Sidebar.TabTrigger>
            <Sidebar.TabTrigger tab="estimates" data-testid="panel-tab-estimates">
              Estimates
            </Sidebar.TabTrigger>
            {interview && (
              <Sidebar.TabTrigger tab="interview" data-testid="panel-tab-interview">
                Interview
              </Sidebar.TabTrigger>
            )}
            <Sidebar.TabTrigger tab="history" data-testid="panel-tab-history">
              History
            </Sidebar.TabTrigger>
          </Sidebar.TabTriggers>
        </Sidebar.Header>
        <Sidebar.Tab tab="check">
          <LintPanel api={api} doc={doc} />
        </Sidebar.Tab>
        <Sidebar.Tab tab="estimates">
          <EstimatesPanel api={api} doc={doc} readOnly={readOnly} prompt={prompt} />
        </Sidebar.Tab>
        {interview && (
          <Sidebar.Tab tab="interview">
            <InterviewPanel api={api} doc={doc} {...interview} />
          </Sidebar.Tab>
        )}
        <Sidebar.Tab tab="history">
          <HistoryPanel doc={doc} readOnly={readOnly} playback={playback} />
        </Sidebar.Tab>
      </Sidebar.Tabs>
    </Sidebar>
  );
}
