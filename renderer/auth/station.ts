import { isElectron } from '../core/client';

const STORAGE_KEY = 'vigil.station';

/** A short id for this browser or desktop, kept across restarts, recorded in the audit trail. */
export function stationId(): string {
  let id = localStorage.getItem(STORAGE_KEY);
  if (!id) {
    const random = Array.from(crypto.getRandomValues(new Uint8Array(2)), (byte) => byte.toString(16).padStart(2, '0')).join('');
    id = `${isElectron ? 'desk' : 'web'}-${random}`;
    localStorage.setItem(STORAGE_KEY, id);
  }
  return id;
}
