import { DownOutlined, FieldTimeOutlined, RightOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { severityOf } from './alarm-entry';
import { alarmTitle, placeOf, SEVERITY_COLOUR, shortTime, sourceLabel, STATE_COLOUR } from './alarm-format';
import { isGroup, type AlarmRow } from './grouping';
import type { Column } from './virtual-rows';

function Severity({ rank, t }: { rank: number; t: TFunction }) {
  const severity = severityOf(rank);
  return (
    <span className={`alarm-severity severity-${severity}`}>
      <i style={{ background: SEVERITY_COLOUR[severity] }} />
      {t(`alarms.severity.${severity}`)}
    </span>
  );
}

/**
 * The list's columns; a group row fills the same columns with its totals.
 * Beside the open detail (`compact`) the list leaves out what the detail shows.
 */
export function alarmColumns(t: TFunction, expanded: ReadonlySet<string>, now: number, compact: boolean): Column<AlarmRow>[] {
  const columns: Column<AlarmRow>[] = [
    { key: 'severity', title: t('alarms.columns.severity'), width: 70, render: (row) => <Severity rank={row.severityRank} t={t} /> },
    { key: 'type', title: t('alarms.columns.type'), width: 118, render: (row) => (isGroup(row) ? t(`alarms.types.${row.type}`) : alarmTitle(t, row)) },
    {
      key: 'source',
      title: t('alarms.columns.source'),
      width: compact ? 190 : 220,
      grow: true,
      render: (row) =>
        isGroup(row) ? (
          <span className="alarm-group-title">
            {expanded.has(row.key) ? <DownOutlined /> : <RightOutlined />}
            {t('alarms.group', { count: row.members.length, occurrences: row.occurrences })}
          </span>
        ) : (
          <span title={row.source}>{sourceLabel(row)}</span>
        ),
    },
    { key: 'place', title: t('alarms.columns.place'), width: compact ? 170 : 200, render: (row) => (isGroup(row) ? row.area : placeOf(row)) },
    { key: 'raisedAt', title: t('alarms.columns.raisedAt'), width: 116, render: (row) => <span className="mono">{shortTime(isGroup(row) ? row.newestAt : row.raisedAt, now)}</span> },
    { key: 'lastAt', title: t('alarms.columns.lastAt'), width: 116, render: (row) => <span className="mono">{shortTime(row.lastAt, now)}</span> },
    { key: 'count', title: t('alarms.columns.count'), width: 62, align: 'right', render: (row) => <span className="mono">{isGroup(row) ? row.occurrences : row.count}</span> },
    {
      key: 'state',
      title: t('alarms.columns.state'),
      width: 96,
      render: (row) =>
        isGroup(row) ? (
          row.unacknowledged > 0 && <Tag color="red">{t('alarms.groupOpen', { count: row.unacknowledged })}</Tag>
        ) : (
          <Tag color={STATE_COLOUR[row.state]}>{t(`alarms.states.${row.state}`)}</Tag>
        ),
    },
    {
      key: 'by',
      title: `${t('alarms.columns.by')} / ${t('alarms.columns.station')}`,
      width: 170,
      render: (row) =>
        isGroup(row) || !row.by ? (
          ''
        ) : (
          <span title={row.station ?? undefined}>
            {row.by}
            {row.station && <span className="alarm-station"> · {row.station}</span>}
          </span>
        ),
    },
    {
      key: 'escalated',
      title: <FieldTimeOutlined title={t('alarms.escalatedMark')} />,
      width: 44,
      align: 'center',
      render: (row) =>
        // A plain title: a tooltip component in each of thirty rows redrawn several times a second costs more than it gives.
        (isGroup(row) ? row.escalated > 0 : row.escalated) && <FieldTimeOutlined className="alarm-escalated" title={t('alarms.escalatedMark')} data-testid="alarm-escalated" />,
    },
  ];
  return compact ? columns.filter((column) => column.key !== 'lastAt' && column.key !== 'by') : columns;
}


