import { useEffect, useRef, useState } from "react";
import type { Conversion } from "./mermaidConvert.ts";
import { renderSvg } from "../templates/templatePreview.ts";

const DEBOUNCE_MS = 350;

export interface MermaidPreview {
  readonly busy: boolean;
  readonly result: Conversion | null;
  readonly svg: SVGSVGElement | null;
}

/**
 * Converts the text as the user types (debounced; only the latest text's result is
 * kept). The converter module, and Mermaid with it, loads on the first conversion.
 */
export function useMermaidPreview(text: string): MermaidPreview {
  const [state, setState] = useState<MermaidPreview>({ busy: true, result: null, svg: null });
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, busy: true }));
    const timer = setTimeout(async () => {
      const { convertMermaid } = await import("./mermaidConvert.ts");
      const result = await convertMermaid(text);
      const svg = result.ok ? await renderSvg(result.elements).catch(() => null) : null;
      if (mine === generation.current) setState({ busy: false, result, svg });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return state;
}
