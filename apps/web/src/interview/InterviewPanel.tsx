import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type * as Y from "yjs";
import type { Role, RoomId } from "@archboard/protocol";
import { toast } from "../ui/toastStore.ts";
import { ChecklistSection } from "./ChecklistSection.tsx";
import { ClockSection } from "./ClockSection.tsx";
import { NotesSection, RubricSection } from "./NotesSection.tsx";
import { PromptSection } from "./PromptSection.tsx";
import { ReportSection } from "./ReportSection.tsx";
import { useNotes, useNotesDoc } from "./useSession.ts";

const ROLE_LABEL: Record<Role, string> = { interviewer: "Interviewer", candidate: "Candidate", observer: "Observer" };

interface Props {
  api: ExcalidrawImperativeAPI;
  doc: Y.Doc;
  roomId: RoomId;
  token: string;
  role: Role;
  title: string;
  followCandidate: () => boolean;
}

/** The mock-interview session panel (a tab of the board's side panel): each role sees its own part. */
export function InterviewPanel({ api, doc, roomId, token, role, title, followCandidate }: Props) {
  const isInterviewer = role === "interviewer";
  const notesDoc = useNotesDoc(roomId, token, isInterviewer);
  const privateData = useNotes(notesDoc);
  return (
    <div className="ab-session" data-testid="interview-panel">
      <div className="ab-session__body">
        <div className="ab-session__who">
          You are the
          <span className={`ab-role ab-role--${role}`} data-testid="role">
            {ROLE_LABEL[role]}
          </span>
        </div>
        <ClockSection doc={doc} canControl={isInterviewer} />
        {isInterviewer && (
          <div className="ab-session__actions">
            <button
              type="button"
              className="ab-button"
              data-testid="follow-candidate"
              onClick={() => {
                if (!followCandidate()) toast("The candidate is not on the board yet.");
              }}
            >
              Follow candidate
            </button>
            <span className="ab-hint">Laser: press K</span>
          </div>
        )}
        <PromptSection doc={doc} isInterviewer={isInterviewer} readOnly={role === "observer"} />
        <ChecklistSection doc={doc} readOnly={role === "observer"} />
        {isInterviewer && notesDoc && privateData && (
          <>
            <NotesSection boardDoc={doc} notesDoc={notesDoc} notes={privateData.notes} />
            <RubricSection notesDoc={notesDoc} scores={privateData.scores} signal={privateData.signal} />
          </>
        )}
        {role !== "observer" && (
          <ReportSection
            api={api}
            doc={doc}
            roomId={roomId}
            token={token}
            title={title}
            isInterviewer={isInterviewer}
            privateData={privateData}
          />
        )}
      </div>
    </div>
  );
}
