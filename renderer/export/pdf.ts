import type { VigilBridge } from '../core/contract';

/** Desktop: Electron prints the window to a PDF file through its save-pdf call; a browser prints the page, where "Save as PDF" does the same. */
export async function savePdf(name: string): Promise<void> {
  const bridge = (globalThis as { vigil?: VigilBridge }).vigil;
  if (bridge?.savePdf) await bridge.savePdf(name);
  else window.print();
}
