import { maskPerson } from '../events/mask';

/** A name as the access log masks it: its first character (王**, J*** D**). */
export const maskName = maskPerson;

/** A phone number keeps its last four digits (*******5678), enough to tell two residents apart on a call back. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${'*'.repeat(Math.max(digits.length - 4, 3))}${digits.slice(-4)}`;
}
