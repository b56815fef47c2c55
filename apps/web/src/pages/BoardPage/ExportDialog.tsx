import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { boardFileData } from "../../export/boardData.ts";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import {
  copyPngToClipboard,
  exportAndDownload,
  hasSelection,
  renderPreview,
  type ExportOptions,
} from "../../export/exportBoard.ts";
import { exportFileName } from "../../export/fileName.ts";
import { Modal } from "../../ui/Modal.tsx";
import { toast } from "../../ui/toastStore.ts";
import { useBoardUi } from "./boardUiStore.ts";

interface Props {
  api: ExcalidrawImperativeAPI;
  title: string;
  /** The board's doc: its estimate travels in PNG and .excalidraw files. */
  doc: Y.Doc;
}

const FORMATS: Array<{ value: ExportOptions["format"]; label: string; hint: string }> = [
  { value: "png", label: "PNG", hint: "Image with the board embedded: open it again to keep editing." },
  { value: "svg", label: "SVG", hint: "Vector image for docs and slides." },
  { value: "excalidraw", label: ".excalidraw", hint: "The board as a file, for Archboard or Excalidraw." },
];

function Segmented<T extends string | number>(props: {
  label: string;
  value: T;
  options: Array<{ value: T; label: string }>;
  onChange: (v: T) => void;
  disabled?: boolean;
}) {
  return (
    <div className="ab-field" role="radiogroup" aria-label={props.label}>
      <span className="ab-field__label">{props.label}</span>
      <div className="ab-segmented">
        {props.options.map((o) => (
          <button
            key={String(o.value)}
            type="button"
            role="radio"
            aria-checked={props.value === o.value}
            disabled={props.disabled}
            className={props.value === o.value ? "is-active" : ""}
            onClick={() => props.onChange(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Export options with a live preview; downloads or copies on demand. */
export function ExportDialog({ api, title, doc }: Props) {
  const opts = useBoardUi((s) => s.exportOptions);
  const setOpts = useBoardUi((s) => s.setExportOptions);
  const close = useBoardUi((s) => s.closeExport);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selection = hasSelection(api);
  const isImage = opts.format !== "excalidraw";

  useEffect(() => {
    let live = true;
    renderPreview(api, opts, 560).then(
      (url) => live && setPreview(url),
      () => live && setPreview(null),
    );
    return () => {
      live = false;
    };
  }, [api, opts]);

  const run = async (what: "download" | "copy") => {
    setBusy(true);
    try {
      if (what === "copy") {
        await copyPngToClipboard(api, opts, boardFileData(doc));
        toast("PNG copied to the clipboard.");
      } else {
        const { name } = await exportAndDownload(api, title, opts, boardFileData(doc));
        toast(`Exported ${name}`);
      }
      close();
    } catch (err) {
      toast(`Export failed: ${(err as Error).message}`, "error");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Export board" onClose={close} testId="export-dialog">
      <div className="ab-export">
        <div className={`ab-export__preview${opts.dark ? " is-dark" : ""}${opts.background ? "" : " is-transparent"}`}>
          {preview ? (
            <img src={preview} alt="Export preview" />
          ) : (
            <p>{opts.selectionOnly ? "Nothing selected" : "The board is empty"}</p>
          )}
        </div>
        <div className="ab-export__options">
          <Segmented label="Format" value={opts.format} options={FORMATS} onChange={(format) => setOpts({ format })} />
          <p className="ab-hint">{FORMATS.find((f) => f.value === opts.format)?.hint}</p>
          <Segmented
            label="Scale"
            value={opts.scale}
            disabled={opts.format !== "png"}
            options={[1, 2, 3].map((s) => ({ value: s as 1 | 2 | 3, label: `${s}×` }))}
            onChange={(scale) => setOpts({ scale })}
          />
          <Segmented
            label="Content"
            value={opts.selectionOnly ? "selection" : "board"}
            options={[
              { value: "board", label: "Whole board" },
              { value: "selection", label: "Selection" },
            ]}
            onChange={(v) => setOpts({ selectionOnly: v === "selection" })}
          />
          <label className="ab-check">
            <input
              type="checkbox"
              checked={opts.background}
              disabled={!isImage}
              onChange={(e) => setOpts({ background: e.target.checked })}
            />
            Background
          </label>
          <label className="ab-check">
            <input
              type="checkbox"
              checked={opts.dark}
              disabled={!isImage}
              onChange={(e) => setOpts({ dark: e.target.checked })}
            />
            Dark mode
          </label>
          {opts.selectionOnly && !selection && (
            <p className="ab-hint ab-hint--warn">Select something on the board first.</p>
          )}
          <p className="ab-export__name" title="File name">
            {exportFileName(title, opts.format, opts.selectionOnly ? "selection" : undefined)}
          </p>
          <div className="ab-modal__actions">
            <button type="button" className="ab-button" disabled={busy || !preview} onClick={() => run("copy")}>
              Copy PNG
            </button>
            <button
              type="button"
              className="ab-button ab-button--primary"
              disabled={busy || !preview}
              onClick={() => run("download")}
            >
              Download
            </button>
          </div>
        </div>
      </div>
    </Modal>
  );
}
