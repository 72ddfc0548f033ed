import { CoreClient, type VigilBridge } from './contract';
import { bridgeTransport, webSocketTransport } from './transports';

function pickTransport() {
  // The Electron preload exposes the bridge; a plain browser talks to `vigil serve`.
  const bridge = (globalThis as { vigil?: VigilBridge }).vigil;
  if (bridge) return bridgeTransport(bridge);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return webSocketTransport(`${scheme}://${location.host}/ws`);
}

export const transport = pickTransport();
export const isElectron = !!(globalThis as { vigil?: VigilBridge }).vigil;

/** The one typed client of this window. */
export const core = new CoreClient(transport);
