import { useEffect, useRef, useState } from "react";

/**
 * A thumbnail drawn only once its card scrolls into view (the picker holds a dozen
 * templates; drawing them all up front would delay the dialog).
 */
export function TemplatePreview({ render, label }: { render: () => Promise<SVGSVGElement>; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"waiting" | "ready" | "failed">("waiting");

  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    let live = true;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        render().then(
          (svg) => {
            if (!live) return;
            host.replaceChildren(svg.cloneNode(true));
            setState("ready");
          },
          () => live && setState("failed"),
        );
      },
      { rootMargin: "120px" },
    );
    observer.observe(host);
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [render]);

  return (
    <div className="ab-tpl-preview" data-state={state} role="img" aria-label={`Preview of ${label}`}>
      <div ref={ref} className="ab-tpl-preview__svg" />
      {state === "failed" && <span className="ab-muted">No preview</span>}
    </div>
  );
}
