import type { Hub } from '../router/hub';
import type { HandlerGroup } from '../router/router';
import type { Database } from '../store/database';
import type { Notices } from './notices';
import type { NoticePublisher } from './publisher';
import type { Receipts } from './receipts';

type NoticeCalls = 'notices.list' | 'notices.get' | 'notices.receipts' | 'notices.save' | 'notices.submit' | 'notices.approve' | 'notices.reject' | 'notices.revoke';

export function noticeHandlers(deps: { db: Database; notices: Notices; receipts: Receipts; publisher: NoticePublisher; hub: Hub }): HandlerGroup<NoticeCalls> {
  const { db, notices, receipts, publisher, hub } = deps;
  /** A step changed a notice: an approval due now or a revocation goes to terminals at once, not at the next sweep. */
  const changed = <T extends { id: string }>(step: () => T): T => {
    const notice = db.transaction(() => {
      const result = step();
      publisher.sweep(Date.now());
      return result;
    })();
    hub.broadcast('notices.changed', { ids: [notice.id] });
    return notice;
  };
  return {
    'notices.list': (filter) => notices.list(filter, Date.now()),
    'notices.get': ({ id }) => notices.get(id, Date.now()),
    'notices.receipts': ({ id }) => {
      notices.get(id, Date.now());
      return receipts.counts(id);
    },
    'notices.save': (draft, { connection }) => changed(() => notices.save(draft, connection.session!.username, Date.now())),
    'notices.submit': ({ id }, { connection }) => changed(() => notices.submit(id, connection.session!.username, Date.now())),
    'notices.approve': ({ id, publishAt, expiresAt }, { connection }) => changed(() => notices.approve(id, { publishAt, expiresAt }, connection.session!.username, Date.now())),
    'notices.reject': ({ id, reason }, { connection }) => changed(() => notices.reject(id, reason, connection.session!.username, Date.now())),
    'notices.revoke': ({ id }, { connection }) => changed(() => notices.revoke(id, connection.session!.username, Date.now())),
  };
}
