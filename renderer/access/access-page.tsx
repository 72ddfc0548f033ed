import { Alert, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { useLatestCommands } from '../device-control/command-store';
import { PageSearch } from '../device-control/page-search';
import { groupByPlace, matchesSearch } from '../device-control/places';
import { StateFilterBar } from '../device-control/state-filter-bar';
import { useDeviceList } from '../devices/queries';
import { PageToolbar } from '../shell/page-toolbar';
import { AccessLog } from './access-log';
import { AccessLogFilters } from './access-log-filters';
import { accessActions, useAccessUi } from './access-ui';
import { DOOR_LOOK } from './door-chip';
import { DoorList } from './door-list';
import { DOOR_VIEWS, doorView, summariseDoors } from './door-state';
import { OpenDoorDialog } from './open-door-dialog';
import { useDoorKeys } from './use-door-keys';
import '../device-control/device-control.css';
import './access.css';

/** More doors than this and the officer narrows the list first. */
const DOOR_LIMIT = 1000;

export function AccessPage() {
  const { t } = useTranslation();
  const canOpen = usePermission('devices.command');
  const doors = useDeviceList({ kind: 'door', limit: DOOR_LIMIT });
  const { search, area, views, selected, opening, dialogOpen } = useAccessUi();
  const all = useMemo(() => doors.data?.items ?? [], [doors.data]);
  const areas = useMemo(() => [...new Set(all.map((door) => door.area))].sort(), [all]);
  const inArea = useMemo(() => all.filter((door) => (area === undefined || door.area === area) && matchesSearch(door, search)), [all, area, search]);
  const counts = useMemo(() => summariseDoors(inArea), [inArea]);
  const shown = useMemo(() => (views.length ? inArea.filter((door) => views.includes(doorView(door))) : inArea), [inArea, views]);
  const groups = useMemo(() => groupByPlace(shown), [shown]);
  const codes = useMemo(() => groups.flatMap((group) => group.buildings.flatMap((building) => building.items.map((door) => door.code))), [groups]);
  const openingDoor = opening ? all.find((door) => door.code === opening) : undefined;

  const commands = useLatestCommands();
  useDoorKeys(codes, canOpen);

  return (
    <div className="page access-page" data-testid="page-access">
      <PageToolbar title={t('access.title')}>
        <PageSearch
          value={search}
          onChange={(value) => useAccessUi.setState({ search: value })}
          placeholder={t('access.search')}
          dialogOpen={() => useAccessUi.getState().dialogOpen}
          testId="door-search"
        />
        <Select<string>
          allowClear
          placeholder={t('access.allAreas')}
          value={area}
          onChange={(value) => useAccessUi.setState({ area: value })}
          options={areas.map((value) => ({ value, label: value || t('access.noArea') }))}
          style={{ width: 120 }}
          data-testid="door-area"
        />
        <StateFilterBar
          testId="door-summary"
          hint={t('access.filterHint')}
          active={views}
          onToggle={accessActions.toggleView}
          items={DOOR_VIEWS.filter((view) => view !== 'unknown' || counts.unknown > 0).map((view) => ({ key: view, label: t(`access.views.${view}`), count: counts[view], ...DOOR_LOOK[view] }))}
        />
      </PageToolbar>
      <div className="access-body">
        <section className="panel access-doors">
          <div className="panel-head">
            <span>{t('access.doors', { count: shown.length })}</span>
            {!canOpen && (
              <Typography.Text type="secondary" className="panel-note">
                {t('access.readOnly')}
              </Typography.Text>
            )}
          </div>
          {doors.data && doors.data.total > doors.data.items.length && <Alert type="warning" banner title={t('access.tooMany', { shown: doors.data.items.length, total: doors.data.total })} />}
          <div className="panel-body">
            <DoorList
              groups={groups}
              selected={selected}
              commands={commands}
              canOpen={canOpen}
              onSelect={accessActions.select}
              onOpen={accessActions.askToOpen}
              onShowLog={accessActions.showLogOf}
            />
          </div>
        </section>
        <section className="panel access-log-panel">
          <div className="panel-head">
            <span>{t('access.log.title')}</span>
            <AccessLogFilters doors={all} areas={areas} />
          </div>
          <AccessLog />
        </section>
      </div>
      <div className="page-keys" data-testid="access-keys">
        {t('access.keys')}
      </div>
      {openingDoor && <OpenDoorDialog key={openingDoor.code} door={openingDoor} open={dialogOpen} onClose={accessActions.closeDialog} afterClose={accessActions.dialogGone} />}
    </div>
  );
}
