import type { DataClass } from '../contract';
import { maskPerson } from '../events/mask';
import { fieldsFor, type OpenDataKind, type OpenField } from '../site-link/interface/open-data';

export type PersonalMode = 'masked' | 'full';

/**
 * Turns store rows into open-data rows: only the fields of the chosen
 * classes, in their fixed order, personal ones masked as the event log shows
 * them (GB/T 35273 display masking) unless full is asked for and allowed.
 */
export function rowShaper(kind: OpenDataKind, classes: readonly DataClass[], personal: PersonalMode) {
  const fields: OpenField[] = fieldsFor(kind, classes);
  const mask = personal === 'masked';
  return {
    fields,
    shape(row: Record<string, unknown>): Record<string, unknown> {
      const out: Record<string, unknown> = {};
      for (const { name, dataClass } of fields) {
        const value = row[name] ?? null;
        out[name] = mask && dataClass === 'personal' && value !== null ? maskPerson(String(value)) : value;
      }
      return out;
    },
  };
}
