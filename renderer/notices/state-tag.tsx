import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { NoticeState } from '../core/contract';

const COLOURS: Record<NoticeState, string> = { draft: 'default', submitted: 'gold', rejected: 'red', scheduled: 'blue', published: 'green', expired: 'default', revoked: 'volcano' };

export function StateTag({ state }: { state: NoticeState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[state]} data-testid="notice-state">
      {t(`notices.states.${state}`)}
    </Tag>
  );
}

export const formatTime = (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm');
