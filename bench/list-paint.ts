/// <reference lib="dom" />
import type { Page } from 'playwright-core';

export type Paint = { ms: number; shown: number; total: number };

/**
 * Arms a list page for one filter change: the time runs from the user's
 * input (the pointerdown, input or keydown event's own timestamp, so time the
 * event waited for a busy main thread counts) until the list's new result is
 * painted. "Painted": the status line's count (`data-shown` on the element
 * with `statusTestId`, which React commits with the rows) changed, then a
 * requestAnimationFrame runs before that frame's paint and a second one at
 * the start of the next frame, after it was presented.
 */
export function armListPaint(page: Page, statusTestId: string): Promise<void> {
  return page.evaluate((testId) => {
    const bench = window as unknown as { input: number | null; painted: Paint | null; listening?: boolean };
    if (!bench.listening) {
      bench.listening = true;
      for (const type of ['pointerdown', 'input', 'keydown']) window.addEventListener(type, (event) => (bench.input = event.timeStamp), { capture: true });
    }
    bench.input = null;
    bench.painted = null;
    const find = () => document.querySelector<HTMLElement>(`[data-testid=${testId}]`);
    const before = find()!.dataset.shown;
    // The whole page is watched, not the status element: a refetch (another station's change, an escalation) may
    // mount a new one, and an observer on the old one would wait forever.
    const observer = new MutationObserver(() => {
      const status = find();
      if (!status || status.dataset.shown === before) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          bench.painted = { ms: performance.now() - (bench.input ?? Number.NaN), shown: Number(status.dataset.shown), total: Number(status.dataset.total) };
        }),
      );
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-shown'] });
  }, statusTestId);
}

/** The armed change's paint; fails loudly when the list never showed it or no input event was seen. */
export async function listPainted(page: Page, what: string): Promise<Paint> {
  const handle = await page.waitForFunction(() => (window as unknown as { painted: Paint | null }).painted, undefined, { timeout: 10_000 }).catch((error: unknown) => {
    throw new Error(`the list did not show the result of "${what}" within 10 s`, { cause: error });
  });
  const paint = (await handle.jsonValue())!;
  if (!Number.isFinite(paint.ms)) throw new Error(`no input event was seen for "${what}"`);
  return paint;
}
