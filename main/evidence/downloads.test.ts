import { describe, expect, it } from 'vitest';
import { DownloadTickets } from './downloads';

describe('download links', () => {
  it('work once, for a live session, within ten minutes, and only where a host serves them', () => {
    let now = 1_000_000;
    const live = new Set(['s1']);
    const tickets = new DownloadTickets((session) => live.has(session), () => now);
    expect(tickets.issue('/data/evidence/a.zip', 'a.zip', 's1')).toBeNull();
    tickets.serve();
    const once = tickets.issue('/data/evidence/a.zip', 'a.zip', 's1')!;
    expect(once.url).toMatch(/^\/download\/[\w-]{43}$/);
    const token = (url: string) => url.slice('/download/'.length);
    expect(tickets.take(token(once.url))).toEqual({ file: '/data/evidence/a.zip', name: 'a.zip' });
    expect(tickets.take(token(once.url))).toBeNull();
    const late = tickets.issue('/data/evidence/b.zip', 'b.zip', 's1')!;
    now += 10 * 60_000;
    expect(tickets.take(token(late.url))).toBeNull();
    const orphan = tickets.issue('/data/evidence/c.zip', 'c.zip', 's1')!;
    live.delete('s1');
    expect(tickets.take(token(orphan.url))).toBeNull();
  });
});
