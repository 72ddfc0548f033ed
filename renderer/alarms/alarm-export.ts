import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { PROCEDURES } from '../core/contract';
import type { AlarmEntry } from './alarm-entry';
import { fullTime, stepsDone } from './alarm-format';
import { csvParts, downloadCsv, type CsvColumn, type CsvProgress } from '../export/csv';

/** The columns of an export, titled and worded in the UI language; times in full, local. */
export function exportColumns(t: TFunction): CsvColumn<AlarmEntry>[] {
  return [
    { title: t('alarms.columns.id'), value: (alarm) => alarm.id },
    { title: t('alarms.columns.severity'), value: (alarm) => t(`alarms.severity.${alarm.severity}`) },
    { title: t('alarms.columns.type'), value: (alarm) => t(`alarms.types.${alarm.type}`) },
    { title: t('alarms.columns.source'), value: (alarm) => alarm.sourceName },
    { title: t('alarms.columns.code'), value: (alarm) => alarm.source },
    { title: t('alarms.columns.area'), value: (alarm) => alarm.area },
    { title: t('alarms.columns.building'), value: (alarm) => alarm.building },
    { title: t('alarms.columns.floor'), value: (alarm) => alarm.floor },
    { title: t('alarms.columns.raisedAt'), value: (alarm) => fullTime(alarm.raisedAt) },
    { title: t('alarms.columns.lastAt'), value: (alarm) => fullTime(alarm.lastAt) },
    { title: t('alarms.columns.count'), value: (alarm) => alarm.count },
    { title: t('alarms.columns.state'), value: (alarm) => t(`alarms.states.${alarm.state}`) },
    { title: t('alarms.columns.steps'), value: (alarm) => `${stepsDone(alarm.steps, PROCEDURES[alarm.type].length)}/${PROCEDURES[alarm.type].length}` },
    { title: t('alarms.columns.escalated'), value: (alarm) => (alarm.escalated ? t('common.yes') : '') },
    { title: t('alarms.columns.by'), value: (alarm) => alarm.by },
    { title: t('alarms.columns.station'), value: (alarm) => alarm.station },
    { title: t('alarms.columns.note'), value: (alarm) => alarm.note },
  ];
}

/** Builds the CSV of `alarms` and hands it to the browser as a download. */
export async function downloadAlarmsCsv(alarms: readonly AlarmEntry[], t: TFunction, onProgress?: CsvProgress): Promise<void> {
  const parts = await csvParts(alarms, exportColumns(t), { onProgress });
  downloadCsv(parts, `${t('alarms.export.file')}-${dayjs().format('YYYYMMDD-HHmmss')}.csv`);
}
