import { ClearOutlined, GroupOutlined, MutedOutlined, PictureOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Segmented, Select, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ALARM_STATES, EVENT_TYPE_NAMES, SEVERITIES } from '../core/contract';
import { usePopupEnabled } from './alarm-popup';
import { setMuted, useAlarms } from './alarm-store';
import { setQuery, useAlarmsUi } from './alarms-ui';
import { ALL_ALARMS, isNarrowed, type AlarmSort } from './filter';

/** Mutes this station's alarm sound, never critical's; remembered per station. */
export function SoundToggle() {
  const { t } = useTranslation();
  const muted = useAlarms((state) => state.muted);
  const lastTone = useAlarms((state) => state.lastTone);
  return (
    <Tooltip title={muted ? t('alarms.sound.muted') : t('alarms.sound.on')}>
      <Button
        size="small"
        icon={muted ? <MutedOutlined /> : <SoundOutlined />}
        aria-label={muted ? t('alarms.sound.muted') : t('alarms.sound.on')}
        aria-pressed={muted}
        onClick={() => setMuted(!muted)}
        data-testid="alarm-mute"
        data-last-tone={lastTone?.tone}
      />
    </Tooltip>
  );
}

/** Whether a new alarm's camera pops up on this station when no wall is open (报警弹窗). */
export function PopupToggle() {
  const { t } = useTranslation();
  const [on, setOn] = usePopupEnabled();
  return (
    <Tooltip title={on ? t('alarms.popup.on') : t('alarms.popup.off')}>
      <Button size="small" icon={<PictureOutlined />} type={on ? 'default' : 'dashed'} aria-label={on ? t('alarms.popup.on') : t('alarms.popup.off')} aria-pressed={on} onClick={() => setOn(!on)} data-testid="alarm-popup-toggle" />
    </Tooltip>
  );
}

/** Filters, sort and grouping of the list; memoised, as it renders only when they or the areas change. */
export const AlarmFilters = memo(function AlarmFilters({ areas }: { areas: string[] }) {
  const { t } = useTranslation();
  const query = useAlarmsUi((state) => state.query);
  const sort = useAlarmsUi((state) => state.sort);
  const grouped = useAlarmsUi((state) => state.grouped);

  return (
    <div className="page-toolbar alarm-toolbar" data-testid="alarm-filters">
      <Input.Search
        size="small"
        allowClear
        placeholder={t('alarms.filters.search')}
        value={query.text}
        onChange={(event) => setQuery({ text: event.target.value })}
        style={{ width: 190 }}
        data-testid="alarm-search"
      />
      <Select
        size="small"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('alarms.filters.severity')}
        value={query.severities}
        onChange={(severities) => setQuery({ severities })}
        options={SEVERITIES.map((value) => ({ value, label: t(`alarms.severity.${value}`) }))}
        style={{ width: 150 }}
        data-testid="filter-severity"
      />
      <Select
        size="small"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('alarms.filters.state')}
        value={query.states}
        onChange={(states) => setQuery({ states })}
        options={ALARM_STATES.map((value) => ({ value, label: t(`alarms.states.${value}`) }))}
        style={{ width: 160 }}
        data-testid="filter-state"
      />
      <Select
        size="small"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('alarms.filters.type')}
        value={query.types}
        onChange={(types) => setQuery({ types })}
        options={EVENT_TYPE_NAMES.map((value) => ({ value, label: t(`alarms.types.${value}`) }))}
        optionFilterProp="label"
        style={{ width: 170 }}
        data-testid="filter-type"
      />
      <Select
        size="small"
        allowClear
        showSearch
        placeholder={t('alarms.filters.area')}
        value={query.area ?? undefined}
        onChange={(area) => setQuery({ area: area ?? null })}
        options={areas.map((area) => ({ value: area, label: area }))}
        style={{ width: 120 }}
        data-testid="filter-area"
      />
      <DatePicker.RangePicker
        size="small"
        showTime={{ format: 'HH:mm' }}
        format="MM-DD HH:mm"
        allowEmpty={[true, true]}
        placeholder={[t('alarms.filters.from'), t('alarms.filters.to')]}
        value={[query.from === null ? null : dayjs(query.from), query.to === null ? null : dayjs(query.to)]}
        onChange={(range) => setQuery({ from: range?.[0]?.valueOf() ?? null, to: range?.[1]?.valueOf() ?? null })}
        style={{ width: 240 }}
        data-testid="filter-range"
      />
      <Segmented<AlarmSort>
        size="small"
        value={sort}
        onChange={(value) => useAlarmsUi.setState({ sort: value })}
        options={[
          { value: 'newest', label: t('alarms.filters.newest') },
          { value: 'severity', label: t('alarms.filters.bySeverity') },
        ]}
        data-testid="alarm-sort"
      />
      <Tooltip title={t('alarms.groupedHint')}>
        <Button size="small" icon={<GroupOutlined />} type={grouped ? 'primary' : 'default'} aria-pressed={grouped} onClick={() => useAlarmsUi.setState({ grouped: !grouped })} data-testid="alarm-grouped">
          {t('alarms.grouped')}
        </Button>
      </Tooltip>
      {isNarrowed(query) && (
        <Tooltip title={t('alarms.filters.reset')}>
          <Button size="small" type="text" icon={<ClearOutlined />} aria-label={t('alarms.filters.reset')} onClick={() => useAlarmsUi.setState({ query: ALL_ALARMS })} data-testid="alarm-filters-reset" />
        </Tooltip>
      )}
    </div>
  );
});
