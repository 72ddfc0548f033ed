import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { useCoreEvent } from '../core/use-core-event';
import { opsKeys } from '../ops/keys';


function sinceText(since: number): string {
  const at = dayjs(since);
  return at.isSame(dayjs(), 'day') ? at.format('HH:mm:ss') : at.format('MM-DD HH:mm:ss');
}

/** The site broker link, as the core sees it: how fresh everything on screen is. */
export function SiteLinkState() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data } = useQuery({ queryKey: opsKeys.link(), queryFn: () => core.call('ops.link', {}) });
  useCoreEvent('link.state', () => void queryClient.invalidateQueries({ queryKey: opsKeys.link() }));
  if (!data) return <Badge status="default" text="…" />;

  const configured = data.since > 0;
  const label =
    data.state === 'online'
      ? t('shell.link.online')
      : data.state === 'connecting'
        ? t('shell.link.connecting')
        : configured
          ? t('shell.link.offlineSince', { time: sinceText(data.since) })
          : t('shell.link.offline');
  const tooltip = [
    configured ? t('shell.link.broker', { broker: data.broker }) : t('shell.link.notConfigured'),
    configured ? t('shell.link.since', { time: sinceText(data.since) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const status = data.state === 'online' ? 'success' : data.state === 'connecting' ? 'processing' : 'error';
  return (
    <Tooltip title={tooltip}>
      <span className={`site-link site-link-${data.state}`} data-testid="site-link" data-state={data.state}>
        <Badge status={status} text={label} />
      </span>
    </Tooltip>
  );
}
