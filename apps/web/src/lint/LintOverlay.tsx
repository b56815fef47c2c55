import "./lintView.css";
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useSyncExternalStore, type CSSProperties } from "react";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { AppState, ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Severity } from "@archboard/diagram-lint";
import { PANELS_SIDEBAR } from "../pages/BoardPage/panels.ts";
import { useLintPanel } from "./lintPanelStore.ts";
import { useLint } from "./lintStore.ts";
import { markerTargets, placeMarker, type MarkerTarget } from "./overlayMarkers.ts";
import { showElements } from "./showElement.ts";
import { useRuleGroups } from "./useRuleGroups.ts";

const GLYPH: Readonly<Record<Severity, string>> = { error: "!", warn: "!", info: "i" };

/** How far, in screen pixels, a badge's centre sits from its anchor. */
const OFFSET = 12;

type Frame = Pick<AppState, "offsetLeft" | "offsetTop" | "width" | "height">;

/**
 * Small severity badges beside the elements that have findings, drawn in the page
 * over the canvas (under Excalidraw's toolbars and sidebar), never into the scene:
 * exports render the scene, so the badges can never end up in one. Clicking a badge
 * opens its rule in the panel at that element.
 */
export function LintOverlay({ api }: { api: ExcalidrawImperativeAPI }) {
  const on = useLintPanel((s) => s.overlay);
  return on ? <OverlayLayer api={api} /> : null;
}

function OverlayLayer({ api }: { api: ExcalidrawImperativeAPI }) {
  const groups = useRuleGroups(api);
  const targets = useMemo(() => markerTargets(groups), [groups]);
  // Follow edits (a box dragged before the next check) and the editor's size, cheaply: the
  // snapshots are strings, so only a changed version of a marked element or a new frame re-renders.
  const subscribe = useCallback((notify: () => void) => api.onChange(notify), [api]);
  const edits = useSyncExternalStore(subscribe, () => versionsOf(api.getSceneElements(), targets));
  const frame = parseFrame(useSyncExternalStore(subscribe, () => frameKey(api.getAppState())));
  const layer = useRef<HTMLDivElement>(null);
  // Badges keep one click handler; it opens whatever the element's finding is now.
  const latest = useRef(targets);
  useLayoutEffect(() => {
    latest.current = targets;
  }, [targets]);
  const open = useCallback(
    (elementId: string) => {
      const target = latest.current.get(elementId);
      if (target) reveal(api, target);
    },
    [api],
  );

  // Scroll and zoom move the whole layer with one style write, without a React render.
  useLayoutEffect(() => {
    const follow = (scrollX: number, scrollY: number, zoom: AppState["zoom"]) => {
      const el = layer.current;
      if (!el) return;
      el.style.transform = `scale(${zoom.value}) translate(${scrollX}px, ${scrollY}px)`;
      // Full size from 50 % zoom up; smaller when zoomed far out, so a whole board stays readable.
      const size = Math.min(1, Math.max(0.6, zoom.value * 2));
      el.style.setProperty("--ab-overlay-unzoom", String(size / zoom.value));
    };
    const s = api.getAppState();
    follow(s.scrollX, s.scrollY, s.zoom);
    return api.onScrollChange(follow);
  }, [api]);

  const markers = useMemo(() => {
    const byId = new Map(api.getSceneElements().map((e) => [e.id, e]));
    return [...targets.values()].flatMap((t) => {
      const element = byId.get(t.elementId);
      return element ? [{ target: t, ...placeMarker(element) }] : [];
    });
    // `edits` stands for the scene: it changes whenever a marked element does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, targets, edits]);

  return (
    <div
      className="ab-lint-overlay"
      data-testid="lint-overlay"
      style={{ left: frame.offsetLeft, top: frame.offsetTop, width: frame.width, height: frame.height }}
    >
      <div ref={layer} className="ab-lint-overlay__layer">
        {markers.map(({ target, x, y, away }) => (
          <Badge
            key={target.elementId}
            elementId={target.elementId}
            severity={target.severity}
            x={x}
            y={y}
            dx={away.x * OFFSET}
            dy={away.y * OFFSET}
            title={target.titles.join("\n")}
            onOpen={open}
          />
        ))}
      </div>
    </div>
  );
}

interface BadgeProps {
  elementId: string;
  severity: Severity;
  x: number;
  y: number;
  dx: number;
  dy: number;
  title: string;
  onOpen: (elementId: string) => void;
}

/** One badge. Memoised on what it shows, so a new check re-renders only the badges that changed. */
const Badge = memo(
  function Badge({ elementId, severity, x, y, dx, dy, title, onOpen }: BadgeProps) {
    return (
      <span
        className={`ab-badge ab-badge--${severity}`}
        data-testid="lint-badge"
        data-element={elementId}
        style={
          {
            left: x,
            top: y,
            "--ab-badge-dx": `${dx.toFixed(1)}px`,
            "--ab-badge-dy": `${dy.toFixed(1)}px`,
          } as CSSProperties
        }
        title={title}
        onClick={() => onOpen(elementId)}
      >
        {GLYPH[severity]}
      </span>
    );
  },
  (a, b) =>
    a.elementId === b.elementId &&
    a.severity === b.severity &&
    a.x === b.x &&
    a.y === b.y &&
    a.dx === b.dx &&
    a.dy === b.dy &&
    a.title === b.title &&
    a.onOpen === b.onOpen,
);

/** Opens the panel at a badge's element. */
function reveal(api: ExcalidrawImperativeAPI, target: MarkerTarget) {
  api.toggleSidebar({ name: PANELS_SIDEBAR, tab: "check", force: true });
  useLint.getState().setTab("findings");
  useLintPanel.getState().stepTo(target.ruleId, target.index);
  showElements(api, [target.elementId], { zoom: false });
}

/** The editor's place in the page as a string, so an unchanged frame is an unchanged snapshot. */
function frameKey(s: Frame): string {
  return `${s.offsetLeft},${s.offsetTop},${s.width},${s.height}`;
}

function parseFrame(key: string): Frame {
  const [offsetLeft = 0, offsetTop = 0, width = 0, height = 0] = key.split(",").map(Number);
  return { offsetLeft, offsetTop, width, height };
}

/** A fingerprint of the marked elements' versions: changes when any of them is edited. */
function versionsOf(elements: readonly ExcalidrawElement[], targets: ReadonlyMap<string, MarkerTarget>): string {
  let sum = 0,
    count = 0;
  for (const e of elements) {
    if (!targets.has(e.id)) continue;
    sum = (sum * 31 + e.version + e.versionNonce) % 2 ** 48;
    count++;
  }
  return `${count}:${sum}`;
}
