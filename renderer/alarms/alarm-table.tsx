import { Empty } from 'antd';
import { memo, useMemo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../core/use-now';
import { alarmColumns } from './alarm-columns';
import { openAlarm, toggleGroup, useAlarmsUi } from './alarms-ui';
import { isGroup, rowKey, type AlarmRow } from './grouping';
import { VirtualRows, type RowAttributes, type RowsHandle } from './virtual-rows';

function select(row: AlarmRow): void {
  if (!isGroup(row)) return openAlarm(row.id);
  useAlarmsUi.setState({ selected: row.key });
  toggleGroup(row.key);
}

/** A module function, so that the same one is handed to every row on every update. */
function rowAttributes(row: AlarmRow): RowAttributes {
  const group = isGroup(row);
  return {
    onClick: () => select(row),
    'data-testid': group ? 'alarm-group' : 'alarm-row',
    'data-id': rowKey(row),
    'data-state': group ? undefined : row.state,
    'data-source': group ? undefined : row.source,
  };
}

type Props = {
  rows: AlarmRow[];
  /** Set when the list is empty only because of the filters. */
  narrowed: boolean;
  handle: Ref<RowsHandle>;
};

/**
 * The alarm list: fixed-height rows, of which only those in view are drawn,
 * so 100 000 alarms cost what the thirty on screen cost. A click selects and
 * opens an alarm, or opens and closes a group.
 */
export const AlarmTable = memo(function AlarmTable({ rows, narrowed, handle }: Props) {
  const { t } = useTranslation();
  const selected = useAlarmsUi((state) => state.selected);
  const expanded = useAlarmsUi((state) => state.expanded);
  const compact = useAlarmsUi((state) => state.open !== null);
  const grouped = useAlarmsUi((state) => state.grouped);
  // Times of today show without their date: the columns change once a minute at most.
  const minute = Math.floor(useNow(60_000) / 60_000) * 60_000;
  const columns = useMemo(() => alarmColumns(t, expanded, minute, compact), [t, expanded, minute, compact]);

  const rowClassName = (row: AlarmRow) => {
    const classes = isGroup(row) ? ['group'] : [`state-${row.state}`, grouped ? 'member' : ''];
    if (rowKey(row) === selected) classes.push('selected');
    return classes.join(' ');
  };

  return (
    <div className="alarm-table" data-testid="alarm-table">
      <VirtualRows
        rows={rows}
        columns={columns}
        rowKey={rowKey}
        rowClassName={rowClassName}
        rowAttributes={rowAttributes}
        handle={handle}
        label={t('alarms.title')}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={narrowed ? t('alarms.noMatch') : t('alarms.empty')} />}
      />
    </div>
  );
});
