import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Device } from '../core/contract';
import { ACCESS_TYPES, type AccessType } from './access-log-query';
import { useAccessUi } from './access-ui';

/** Which door, area, events and time the access log shows. */
export function AccessLogFilters({ doors, areas }: { doors: Device[]; areas: string[] }) {
  const { t } = useTranslation();
  const logDoor = useAccessUi((state) => state.logDoor);
  const logArea = useAccessUi((state) => state.logArea);
  const logTypes = useAccessUi((state) => state.logTypes);
  const logFrom = useAccessUi((state) => state.logFrom);
  const logTo = useAccessUi((state) => state.logTo);
  return (
    <div className="access-log-filters">
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('access.log.allDoors')}
        value={logDoor}
        onChange={(value) => useAccessUi.setState({ logDoor: value })}
        options={doors.map((door) => ({ value: door.code, label: door.name }))}
        style={{ width: 190 }}
        data-testid="log-door"
      />
      <Select<string>
        allowClear
        placeholder={t('access.allAreas')}
        value={logArea}
        onChange={(value) => useAccessUi.setState({ logArea: value })}
        options={areas.map((area) => ({ value: area, label: area || t('access.noArea') }))}
        style={{ width: 110 }}
        data-testid="log-area"
      />
      <Select<AccessType[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('access.log.allTypes')}
        value={logTypes}
        onChange={(value) => useAccessUi.setState({ logTypes: value })}
        options={ACCESS_TYPES.map((type) => ({ value: type, label: t(`access.log.types.${type}`) }))}
        style={{ width: 200 }}
        data-testid="log-types"
      />
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="MM-DD HH:mm"
        allowEmpty={[true, true]}
        placeholder={[t('access.log.from'), t('access.log.to')]}
        value={[logFrom === undefined ? null : dayjs(logFrom), logTo === undefined ? null : dayjs(logTo)]}
        onChange={(range) => {
          const [from, to] = range ?? [];
          useAccessUi.setState({ logFrom: from?.valueOf(), logTo: to?.valueOf() });
        }}
        style={{ width: 250 }}
        data-testid="log-range"
      />
    </div>
  );
}
