/**
 * Personal data as the event log shows it by default: enough to tell entries
 * apart, not enough to identify someone. A name keeps its first character
 * (张** / J*** D**), a number its last four digits (****5678).
 */
/** Words access controllers put beside the person, which identify nobody. */
const LABELS = new Set(['卡号', '工号', '访客', '员工', '编号', '门禁卡']);

export function maskPerson(text: string): string {
  return text
    .replace(/\d{5,}/g, (digits) => `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`)
    .replace(/[\p{Script=Han}]{2,}/gu, (name) => (LABELS.has(name) ? name : `${name[0]}${'*'.repeat(name.length - 1)}`))
    .replace(/\b([A-Za-z])([A-Za-z]+)\b/g, (_, first: string, rest: string) => `${first}${'*'.repeat(rest.length)}`);
}
