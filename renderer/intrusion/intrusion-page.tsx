import { Alert, Empty, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { useLatestCommands } from '../device-control/command-store';
import { PageSearch } from '../device-control/page-search';
import { groupByPlace, matchesSearch } from '../device-control/places';
import { StateFilterBar } from '../device-control/state-filter-bar';
import { useDeviceList } from '../devices/queries';
import { PageToolbar } from '../shell/page-toolbar';
import { intrusionActions, useIntrusionUi } from './intrusion-ui';
import { PartitionCard } from './partition-card';
import { useZoneKeys } from './use-zone-keys';
import { ZONE_LOOK } from './zone-chip';
import { PartitionDialog, ZoneDialog } from './zone-dialogs';
import { ZONE_VIEWS, summariseZones, zoneView } from './zone-state';
import '../device-control/device-control.css';
import './intrusion.css';

const ZONE_LIMIT = 1000;

export function IntrusionPage() {
  const { t } = useTranslation();
  const canCommand = usePermission('devices.command');
  const list = useDeviceList({ kind: 'alarm_input', limit: ZONE_LIMIT });
  const search = useIntrusionUi((state) => state.search);
  const views = useIntrusionUi((state) => state.views);
  const selected = useIntrusionUi((state) => state.selected);
  const request = useIntrusionUi((state) => state.request);
  const dialogOpen = useIntrusionUi((state) => state.dialogOpen);

  const all = useMemo(() => list.data?.items ?? [], [list.data]);
  const partitions = useMemo(() => groupByPlace(all).flatMap((area) => area.buildings), [all]);
  const counts = useMemo(() => summariseZones(all), [all]);
  const shown = useMemo(
    () =>
      partitions
        .map((partition) => ({ ...partition, items: partition.items.filter((zone) => matchesSearch(zone, search) && (!views.length || views.includes(zoneView(zone)))) }))
        .filter((partition) => partition.items.length > 0),
    [partitions, search, views],
  );
  const shownZones = useMemo(() => shown.flatMap((partition) => partition.items), [shown]);
  const partitionOf = useMemo(() => {
    const byCode = new Map(partitions.flatMap((partition) => partition.items.map((zone) => [zone.code, partition.key] as const)));
    return (code: string) => byCode.get(code);
  }, [partitions]);

  const commands = useLatestCommands();
  useZoneKeys(shownZones, partitionOf, canCommand);
  useEffect(() => {
    if (selected) document.querySelector(`.zone-row[data-code="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const dialogZone = request?.kind === 'zone' ? all.find((zone) => zone.code === request.code) : undefined;
  const dialogPartition = request?.kind === 'partition' ? partitions.find((partition) => partition.key === request.key) : undefined;
  const shared = { open: dialogOpen, onClose: intrusionActions.closeDialog, afterClose: intrusionActions.dialogGone };

  return (
    <div className="page intrusion-page" data-testid="page-intrusion">
      <PageToolbar title={t('intrusion.title')}>
        <PageSearch
          value={search}
          onChange={(value) => useIntrusionUi.setState({ search: value })}
          placeholder={t('intrusion.search')}
          dialogOpen={() => useIntrusionUi.getState().dialogOpen}
          testId="zone-search"
        />
        <StateFilterBar
          testId="zone-summary"
          hint={t('intrusion.filterHint')}
          active={views}
          onToggle={intrusionActions.toggleView}
          items={ZONE_VIEWS.filter((view) => view !== 'unknown' || counts.unknown > 0).map((view) => ({ key: view, label: t(`intrusion.views.${view}`), count: counts[view], ...ZONE_LOOK[view] }))}
        />
        <span className="toolbar-spacer" />
        <Typography.Text type="secondary">{t('intrusion.zones', { count: all.length })}</Typography.Text>
        {!canCommand && <Typography.Text type="secondary">{t('intrusion.readOnly')}</Typography.Text>}
      </PageToolbar>
      {list.data && list.data.total > list.data.items.length && <Alert type="warning" banner title={t('access.tooMany', { shown: list.data.items.length, total: list.data.total })} />}
      <div className="partition-grid" data-testid="partitions">
        {shown.map((partition) => (
          <PartitionCard
            key={partition.key}
            partition={partition}
            zones={partitions.find((whole) => whole.key === partition.key)!.items}
            selected={selected}
            commands={commands}
            canCommand={canCommand}
            onSelect={intrusionActions.select}
          />
        ))}
        {list.data && shown.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intrusion.empty')} />}
      </div>
      <div className="page-keys" data-testid="intrusion-keys">
        {t('intrusion.keys')}
      </div>
      {request?.kind === 'zone' && dialogZone && <ZoneDialog key={`${request.code}-${request.action}`} zone={dialogZone} action={request.action} {...shared} />}
      {request?.kind === 'partition' && dialogPartition && (
        <PartitionDialog key={`${request.key}-${request.action}`} name={dialogPartition.building} zones={dialogPartition.items} action={request.action} {...shared} />
      )}
    </div>
  );
}
