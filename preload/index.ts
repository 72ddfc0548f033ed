import { contextBridge, ipcRenderer } from 'electron';
import type { VigilBridge } from '../main/contract';
import { createBridge, type BridgePort } from './bridge';

/*
 * The sandboxed preload: contextBridge only. The window gets window.vigil
 * (send a contract call, listen for results and events) and nothing else;
 * the MessagePort to the core stays in this isolated world.
 */

const bridge = createBridge((text) => console.warn(text));

function wrap(port: MessagePort): BridgePort {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage(listener) {
      // Assigning onmessage also starts the port.
      port.onmessage = (event) => listener(event.data);
    },
    onClose(listener) {
      // 'close' is Electron's extension to MessagePort: the core's end went away (exit or restart).
      port.addEventListener('close', listener);
    },
    close: () => port.close(),
  };
}

// Sent by the main process after every load and after every restart of the core.
ipcRenderer.on('vigil:port', (event) => {
  const port = event.ports[0];
  if (port) bridge.attach(wrap(port));
});

const vigil = {
  send: (message) => bridge.send(message),
  onMessage: (listener) => bridge.onMessage(listener),
  onLink: (listener) => bridge.onLink(listener),
  // The shell validates the requests again: this world is no more trusted than the page.
  openWindows: (requests) => ipcRenderer.invoke('vigil:open-windows', requests) as Promise<number>,
  savePdf: (suggestedName) => ipcRenderer.invoke('vigil:save-pdf', suggestedName) as Promise<boolean>,
} satisfies VigilBridge;

contextBridge.exposeInMainWorld('vigil', vigil);
