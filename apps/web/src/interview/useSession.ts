import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import * as Y from "yjs";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import { notesRoomName, type RoomId } from "@archboard/protocol";
import { syncServerUrl } from "../collab/roomConnection.ts";
import { clockView, type ClockView } from "./clock.ts";
import { observeNotes, readNotes, readScores, readSignal } from "./notes.ts";
import { serverNow, syncServerTime } from "./serverTime.ts";
import { observeSession, readClarified, readClock, readPrompt, readSharedReport } from "./session.ts";

type Observe = (doc: Y.Doc, onChange: () => void) => () => void;

/**
 * An external store for React over what `read` finds in `doc`, re-read each
 * time `observe` reports a change. The value is kept between changes, so
 * React sees one snapshot per change.
 */
function docStore<T>(doc: Y.Doc | null, observe: Observe, read: (doc: Y.Doc) => T) {
  let snapshot = doc ? read(doc) : null;
  return {
    subscribe: (onChange: () => void) => {
      if (!doc) return () => {};
      const refresh = () => {
        snapshot = read(doc);
        onChange();
      };
      const stop = observe(doc, refresh);
      // The doc may have changed between the first read and this subscription.
      refresh();
      return stop;
    },
    getSnapshot: () => snapshot,
  };
}

/** What `read` finds in `doc`, kept current (null without a doc). */
function useDocValue<T>(doc: Y.Doc, observe: Observe, read: (doc: Y.Doc) => T): T;
function useDocValue<T>(doc: Y.Doc | null, observe: Observe, read: (doc: Y.Doc) => T): T | null;
function useDocValue<T>(doc: Y.Doc | null, observe: Observe, read: (doc: Y.Doc) => T): T | null {
  const store = useMemo(() => docStore(doc, observe, read), [doc, observe, read]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

const readSessionState = (doc: Y.Doc) => ({
  clock: readClock(doc),
  prompt: readPrompt(doc),
  clarified: readClarified(doc),
  report: readSharedReport(doc),
});

/** The shared session state of a board's doc, re-read on every change. */
export function useSession(doc: Y.Doc) {
  return useDocValue(doc, observeSession, readSessionState);
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
    const provider = new WebsocketProvider(syncServerUrl(), notesRoomName(roomId), notes, {
      params: { token },
      maxBackoffTime: 5000,
    });
    // The doc lives exactly as long as this effect's providers, so the effect is what hands it over.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
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

const readPrivateNotes = (doc: Y.Doc) => ({ notes: readNotes(doc), scores: readScores(doc), signal: readSignal(doc) });

/** Notes and rubric of the private doc, re-read on every change; null while it is not open. */
export function useNotes(doc: Y.Doc | null) {
  return useDocValue(doc, observeNotes, readPrivateNotes);
}
