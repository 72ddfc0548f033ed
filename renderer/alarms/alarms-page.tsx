import { DownloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Tag, Tooltip, Typography } from 'antd';
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { AlarmDetail } from './alarm-detail';
import type { AlarmEntry } from './alarm-entry';
import { AlarmFilters, PopupToggle, SoundToggle } from './alarm-filters';
import { downloadAlarmsCsv } from './alarm-export';
import { startAlarmFeed } from './alarm-feed';
import { alarmWindow, useAlarms } from './alarm-store';
import { AlarmTable } from './alarm-table';
import { WINDOW_CAPACITY } from './alarm-window';
import { useAlarmsUi } from './alarms-ui';
import { filterAlarms, isNarrowed } from './filter';
import { groupAlarms, groupRows } from './grouping';
import { useAlarmCommands } from './use-alarm-commands';
import { useAlarmKeys } from './use-alarm-keys';
import { useEscalationNotices } from './use-escalation-notices';
import { PageToolbar } from '../shell/page-toolbar';
import type { RowsHandle } from './virtual-rows';
import { summarise } from './window-summary';
import './alarms.css';

/** Above this many rows an export says how far it has got. */
const EXPORT_PROGRESS_FROM = 10_000;

function StatusLine({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  const loading = useAlarms((state) => state.loading);
  const loadError = useAlarms((state) => state.loadError);
  const dropped = useAlarms((state) => state.dropped);
  return (
    <div className="alarms-footer">
      {/* The counts as numbers too, for tests and benchmarks that wait for a filter's result. */}
      <span data-testid="alarm-shown" data-shown={shown} data-total={total}>
        {t('alarms.shown', { shown, total })}
      </span>
      {loading && <span>{t('alarms.loading', { count: total })}</span>}
      {loadError && <Typography.Text type="danger">{t('alarms.loadFailed', { message: loadError })}</Typography.Text>}
      {dropped > 0 && <Typography.Text type="warning">{t('alarms.dropped', { capacity: WINDOW_CAPACITY, count: dropped })}</Typography.Text>}
      <span className="toolbar-spacer" />
      <span className="alarms-keys" data-testid="alarm-keys">{t('alarms.keys')}</span>
    </div>
  );
}

/** The page's header: counts of the window, the storm mark, the toggles and the export of what the filters show. */
const AlarmsHeader = memo(function AlarmsHeader({ unacknowledged, escalated, filtered }: { unacknowledged: number; escalated: number; filtered: readonly AlarmEntry[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const storm = useAlarms((state) => state.storm);
  const recent = useAlarms((state) => state.recent);
  const [exporting, setExporting] = useState(false);
  const exportCsv = async () => {
    if (filtered.length === 0) return void message.info(t('alarms.export.empty'));
    setExporting(true);
    const key = 'alarm-export';
    try {
      await downloadAlarmsCsv(filtered, t, filtered.length > EXPORT_PROGRESS_FROM ? (done, total) => void message.loading({ key, content: t('alarms.export.progress', { done, total }), duration: 0 }) : undefined);
      void message.success({ key, content: t('alarms.export.done', { count: filtered.length }) });
    } finally {
      setExporting(false);
    }
  };
  return (
    <PageToolbar title={t('alarms.title')}>
      <Tag color={unacknowledged ? 'red' : 'default'} data-testid="alarm-unacknowledged">
        {t('alarms.unacknowledged', { count: unacknowledged })}
      </Tag>
      {escalated > 0 && <Tag color="orange">{t('alarms.escalatedCount', { count: escalated })}</Tag>}
      {storm && (
        <Tag color="volcano" icon={<ThunderboltOutlined />} className="alarm-storm" data-testid="alarm-storm">
          {t('alarms.storm', { count: recent })}
        </Tag>
      )}
      <span className="toolbar-spacer" />
      <PopupToggle />
      <SoundToggle />
      <Tooltip title={t('alarms.export.hint')}>
        <Button size="small" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()} data-testid="alarm-export">
          {t('alarms.export.button')}
        </Button>
      </Tooltip>
    </PageToolbar>
  );
});

/**
 * 报警中心: every alarm this window holds, filtered in place, with the selected
 * one's detail beside the list. An arriving alarm renders the list, the counts
 * and the footer, nothing else: the header and the filters are memoised on
 * what they show, which took the row's way to the screen from 30–50 ms of
 * rendering to the list's own.
 */
export function AlarmsPage() {
  // The feed outlives the page: alarms keep arriving, sounding and escalating on every other page.
  useEffect(() => startAlarmFeed(), []);
  useEscalationNotices();

  // Store updates render as a transition: a click in a storm interrupts them instead of waiting behind them.
  const version = useDeferredValue(useAlarms((state) => state.version));
  // The search box stays responsive while the list catches up with it.
  const query = useDeferredValue(useAlarmsUi((state) => state.query));
  const sort = useAlarmsUi((state) => state.sort);
  const grouped = useAlarmsUi((state) => state.grouped);
  const expanded = useAlarmsUi((state) => state.expanded);
  const open = useAlarmsUi((state) => state.open);
  const canLive = usePermission('video.live');

  const filtered = useMemo(() => filterAlarms(alarmWindow.ordered, query, sort), [version, query, sort]); // eslint-disable-line react-hooks/exhaustive-deps -- the window changes in place; version says when
  const summary = useMemo(() => summarise(alarmWindow.ordered), [version]); // eslint-disable-line react-hooks/exhaustive-deps -- as above
  // The same list of areas while no area is added, so the filters do not render again.
  const areaKey = summary.areas.join('\n');
  const areas = useMemo(() => summary.areas, [areaKey]); // eslint-disable-line react-hooks/exhaustive-deps -- keyed on the content
  const groups = useMemo(() => (grouped ? groupAlarms(filtered) : null), [grouped, filtered]);
  const rows = useMemo(() => (groups ? groupRows(groups, expanded) : filtered), [groups, filtered, expanded]);

  const list = useRef<RowsHandle>(null);
  const commands = useAlarmCommands();
  useAlarmKeys(rows, commands, list, canLive);

  return (
    <div className="page alarms-page" data-testid="page-alarms">
      <AlarmsHeader unacknowledged={summary.unacknowledged} escalated={summary.escalated} filtered={filtered} />
      <AlarmFilters areas={areas} />
      <div className={`alarms-body${open ? ' with-detail' : ''}`}>
        <AlarmTable rows={rows} narrowed={isNarrowed(query)} handle={list} />
        {open && <AlarmDetail id={open} />}
      </div>
      <StatusLine shown={filtered.length} total={alarmWindow.size} />
    </div>
  );
}
