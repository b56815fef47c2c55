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
  // The last finished conversion and the text it was made from: busy while that is not the current text.
  const [done, setDone] = useState<{ text: string | null; result: Conversion | null; svg: SVGSVGElement | null }>({
    text: null,
    result: null,
    svg: null,
  });
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    const convert = async () => {
      const { convertMermaid } = await import("./mermaidConvert.ts");
      const result = await convertMermaid(text);
      const svg = result.ok ? await renderSvg(result.elements).catch(() => null) : null;
      if (mine === generation.current) setDone({ text, result, svg });
    };
    const timer = setTimeout(() => void convert(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return { busy: done.text !== text, result: done.result, svg: done.svg };
}
