import { CloseOutlined } from '@ant-design/icons';
import { App, Button, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OpenDoorDialog } from '../access/open-door-dialog';
import { useCommandFeed } from '../device-control/command-store';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import { LINK_KINDS, type Device, type IncidentLink, type LinkKind } from '../core/contract';
import { describeError } from '../core/errors';
import { showPage } from '../shell/ui-store';
import { wallActions } from '../video/wall-store';

/** What the incident is linked to across the site; cameras go to the wall, doors open (the door command, audited), the rest are named. */
export function IncidentLinks({ links, canLink, onLink }: { links: readonly IncidentLink[]; canLink: boolean; onLink(action: 'link' | 'unlink', link: IncidentLink): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWatch = usePermission('video.live');
  const canCommand = usePermission('devices.command');
  // A door opened from here shows its command's progress: keep the commands' answers coming while the links are shown.
  useCommandFeed();
  const [door, setDoor] = useState<Device | null>(null);
  const [doorOpen, setDoorOpen] = useState(false);
  const [kind, setKind] = useState<LinkKind>('camera');
  const [ref, setRef] = useState('');
  const showOnWall = (camera: string) => {
    wallActions.show(camera);
    showPage('wall');
  };
  const openDoor = (code: string) =>
    core.call('devices.get', { code }).then(
      (device) => {
        setDoor(device);
        setDoorOpen(true);
      },
      (error: unknown) => message.error(describeError(t, error)),
    );
  const add = () => {
    if (!ref.trim()) return;
    onLink('link', { kind, ref: ref.trim() });
    setRef('');
  };
  return (
    <div className="incident-links" data-testid="incident-links">
      {links.length === 0 && <div className="dim">{t('incidents.links.none')}</div>}
      {links.map((link) => (
        <div key={`${link.kind}/${link.ref}`} className="incident-link" data-testid="incident-link" data-kind={link.kind} data-ref={link.ref}>
          <span className="incident-link-kind">{t(`incidents.links.kinds.${link.kind}`)}</span>
          <span className="mono">{link.ref}</span>
          <span className="toolbar-spacer" />
          {link.kind === 'camera' && canWatch && (
            <Button size="small" onClick={() => showOnWall(link.ref)} data-testid="link-show-on-wall">
              {t('incidents.links.showOnWall')}
            </Button>
          )}
          {link.kind === 'door' && canCommand && (
            <Button size="small" onClick={() => void openDoor(link.ref)} data-testid="link-open-door">
              {t('incidents.links.openDoor')}
            </Button>
          )}
          {canLink && <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t('incidents.links.unlink')} title={t('incidents.links.unlink')} onClick={() => onLink('unlink', link)} />}
        </div>
      ))}
      {canLink && (
        <div className="incident-link-form">
          <Select<LinkKind> value={kind} onChange={setKind} className="incident-link-select" options={LINK_KINDS.map((value) => ({ value, label: t(`incidents.links.kinds.${value}`) }))} />
          <Input value={ref} onChange={(event) => setRef(event.target.value)} onPressEnter={add} placeholder={t('incidents.links.refPlaceholder')} maxLength={100} data-testid="link-ref" />
          <Button onClick={add} disabled={!ref.trim()}>
            {t('incidents.links.add')}
          </Button>
        </div>
      )}
      {door && <OpenDoorDialog door={door} open={doorOpen} onClose={() => setDoorOpen(false)} afterClose={() => setDoor(null)} />}
    </div>
  );
}
