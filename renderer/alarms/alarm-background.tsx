import { useEffect } from 'react';
import { usePermission } from '../auth/session-store';
import { startAlarmFeed } from './alarm-feed';
import { AlarmPopup } from './alarm-popup';
import { useEscalationNotices } from './use-escalation-notices';

/**
 * The alarm feed, escalation notices and alarm pop-ups for the whole
 * session, whichever page is shown: a new alarm sounds, shows its camera and
 * a supervisor is told of an overdue one on any page as much as on the
 * alarm page.
 */
export function AlarmBackground() {
  useEffect(() => startAlarmFeed(), []);
  useEscalationNotices();
  const canLive = usePermission('video.live');
  return canLive ? <AlarmPopup /> : null;
}
