import type { Durations, Figures, SlaLanguage } from '../../contract/ops-figures';


/** Each row's metric in both languages; the key column stays the same in both, for scripts. */
const LABELS: Record<string, [string, string]> = {
  linkAvailability: ['站点链路可用率', 'Site link availability'],
  cameraAvailability: ['摄像机可用率', 'Camera availability'],
  deviceOnline: ['设备在线率', 'Device online rate'],
  'ackP90.critical': ['紧急告警确认 P90', 'Critical alarms acknowledged, p90'],
  'ackP90.major': ['重要告警确认 P90', 'Major alarms acknowledged, p90'],
  'ackP90.minor': ['次要告警确认 P90', 'Minor alarms acknowledged, p90'],
  orderDoneP90: ['报修完成 P90', 'Repair orders done, p90'],
  response: ['告警响应时间', 'Alarm response time'],
  handling: ['告警处置时间', 'Alarm handling time'],
  orders: ['报修工单时长', 'Repair order time'],
  incidents: ['事件处置时长', 'Incident time'],
  unit: ['设备可用率', 'Unit availability'],
};
const UNITS: Record<string, string> = { linkAvailability: '%', cameraAvailability: '%', deviceOnline: '%', orderDoneP90: 'h' };

export const CSV_HEADER = ['key', 'metric', 'scope', 'target', 'actual', 'met', 'unit', 'count', 'done', 'p50', 'p90', 'max', 'mean'] as const;

/** A field as RFC 4180 has it: quoted when it holds a comma, quote or line break. Numbers unformatted, absent values empty. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The SLA report of a period as CSV: the verdicts against the targets, then
 * the times behind them (by severity and shift, orders, incidents) and the
 * cameras and devices below 100 %. UTF-8 with a byte-order mark, so Excel
 * opens the Chinese as Chinese; CRLF line ends; times in milliseconds.
 */
export function slaCsv(figures: Figures, language: SlaLanguage): string {
  const label = (key: string) => LABELS[key]?.[language === 'zh-CN' ? 0 : 1] ?? key;
  const rows: (string | number | boolean | null)[][] = [];
  for (const verdict of figures.verdicts) {
    rows.push([verdict.key, label(verdict.key), 'site', verdict.target, verdict.actual, verdict.met, UNITS[verdict.key] ?? 's', '', '', '', '', '', '']);
  }
  const times = (key: string, scope: string, d: Durations) => rows.push([key, label(key), scope, '', '', '', 'ms', d.count, d.done, d.p50, d.p90, d.max, d.mean]);
  times('response', 'all', figures.alarms.response);
  times('handling', 'all', figures.alarms.handling);
  for (const entry of figures.alarms.bySeverity) {
    times('response', `severity:${entry.severity}`, entry.response);
    times('handling', `severity:${entry.severity}`, entry.handling);
  }
  for (const entry of figures.alarms.byShift) {
    times('response', `shift:${entry.shift}`, entry.response);
    times('handling', `shift:${entry.shift}`, entry.handling);
  }
  times('orders', 'all', figures.orders);
  times('incidents', 'all', figures.incidents);
  for (const unit of figures.worstUnits) rows.push(['unit', label('unit'), `${unit.code} ${unit.name} (${unit.area})`, '', unit.pct, '', '%', unit.outages, '', '', '', '', '']);
  const lines = [CSV_HEADER.join(','), ...rows.map((row) => row.map(field).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
