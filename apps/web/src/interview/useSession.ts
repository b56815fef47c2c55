import { useEffect, useState } from "react";
import * as Y from "yjs";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import { notesRoomName, type RoomId } from "@archboard/protocol";
import { syncServerUrl } from "../collab/roomConnection.ts";
import { clockView, type ClockView } from "./clock.ts";
import { observeNotes, readNotes, readScores, readSignal } from "./notes.ts";
import { serverNow, syncServerTime } from "./serverTime.ts";
import { observeSession, readClarified, readClock, readPrompt, readSharedReport } from "./session.ts";

/** The shared session state of a board's doc, re-read on every change. */
export function useSession(doc: Y.Doc) {
  const read = () => ({
    clock: readClock(doc),
    prompt: readPrompt(doc),
    clarified: readClarified(doc),
    report: readSharedReport(doc),
  });
  const [state, setState] = useState(read);
  useEffect(() => {
    setState(read());
    return observeSession(doc, () => setState(read()));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc]);
  return state;
}

/** The clock as it reads now, refreshed twice a second. */
export function useClockView(doc: Y.Doc): ClockView {
  const { clock } = useSession(doc);
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    void syncServerTime().then(() => setNow(serverNow()));
    const timer = setInterval(() => setNow(serverNow()), 500);
    return () => clearInterval(timer);
  }, []);
  return clockView(clock, now);
}

/**
 * The interviewer's private doc, opened only with an interviewer token: kept
 * in this browser and synced through the room's notes channel, which the
 * server refuses to anyone else.
 */
export function useNotesDoc(roomId: RoomId | undefined, token: string | undefined, enabled: boolean) {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  useEffect(() => {
    if (!enabled || !roomId || !token) return;
    const notes = new Y.Doc();
    const local = new IndexeddbPersistence(`archboard:notes:${roomId}`, notes);
    const provider = new WebsocketProvider(syncServerUrl(), notesRoomName(roomId), notes, { params: { token }, maxBackoffTime: 5000 });
    setDoc(notes);
    return () => {
      provider.destroy();
      void local.destroy();
      notes.destroy();
      setDoc(null);
    };
  }, [roomId, token, enabled]);
  return doc;
}

/** Notes and rubric of the private doc, re-read on every change. */
export function useNotes(doc: Y.Doc | null) {
  const read = () => (doc ? { notes: readNotes(doc), scores: readScores(doc), signal: readSignal(doc) } : null);
  const [state, setState] = useState(read);
  useEffect(() => {
    setState(read());
    if (!doc) return;
    return observeNotes(doc, () => setState(read()));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc]);
  return state;
}
