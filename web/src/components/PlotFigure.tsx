// A chart drawn as SVG by Observable Plot, loaded on first use (pages without charts never download it), with its text alternative beside it.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import './plot-figure.css';

export type PlotModule = typeof import('@observablehq/plot');

let plotModule: Promise<PlotModule> | null = null;

/** The charting library, downloaded once. */
export function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('@observablehq/plot');
  return plotModule;
}

function idle(run: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 500 });
  else setTimeout(run, 0);
}

/**
 * A figure: caption, the chart (an image to assistive technology, named by `label`) and `children`, the same
 * figures in words (a table or a list). `draw` gets the library and the width the chart may take; it runs again
 * when it changes (keep it stable with useCallback) or the box is resized.
 */
export function PlotFigure({
  caption,
  label,
  draw,
  children,
  id,
}: {
  caption: ReactNode;
  label: string;
  draw: (plot: PlotModule, width: number) => SVGElement | HTMLElement;
  children?: ReactNode;
  id?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (width <= 0) return;
    let stale = false;
    loadPlot().then(
      // Drawn when the page is idle: the chart never holds up what the page shows first.
      (plot) =>
        idle(() => {
          const el = box.current;
          if (stale || !el) return;
          const chart = draw(plot, Math.min(width, 720));
          const svg = chart instanceof SVGElement ? chart : chart.querySelector('svg');
          // The chart is one image to assistive technology; the names Plot gives its marks stay as data-mark.
          for (const part of svg?.querySelectorAll('[aria-label]') ?? []) {
            part.setAttribute('data-mark', part.getAttribute('aria-label')!);
            part.removeAttribute('aria-label');
          }
          svg?.setAttribute('role', 'img');
          svg?.setAttribute('aria-label', label);
          el.replaceChildren(chart);
        }),
      () => setFailed(true),
    );
    return () => {
      stale = true;
    };
  }, [draw, width, label]);
  return (
    <figure className="plot-figure" id={id}>
      <figcaption>{caption}</figcaption>
      <div className="plot-box" ref={box} data-plot="" />
      {failed ? <p className="muted">The chart could not be drawn; the figures below say the same.</p> : null}
      {children}
    </figure>
  );
}
