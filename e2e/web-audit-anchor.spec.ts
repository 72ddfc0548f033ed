import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { signAnchor } from '../main/audit/anchor';
import { loadStationKey } from '../main/signing/station-key';
import { tempDir } from '../main/testing/harness';
import { openClient, startStationProcess, type StationProcess } from '../main/testing/station';
import { brokerOf, nav, openApp, publishToBroker, screenshot, signIn, ACCOUNTS, type Language } from './web-helpers';

/**
 * What the audit page shows when another station's anchors reveal its newest
 * audit rows deleted and a forged anchor arrives. A station of a site of its
 * own on the demo broker, so the demo station's trail stays as other specs expect.
 */
const SITE = 'anchor-park';
const ADMIN = { username: 'itadmin', displayName: '信息科管理员', password: 'Anchor-Desk-2026' };
const LABELS: Record<Language, { audit: string; rollback: string; forged: string }> = {
  'zh-CN': { audit: '审计', rollback: '审计记录头回退', forged: '锚定被伪造' },
  en: { audit: 'Audit', rollback: 'Audit head went back', forged: 'Forged anchor' },
};

let station: StationProcess | null = null;
test.afterAll(async () => station?.kill('SIGTERM'));

test('the audit page names what the stations\' audit anchors revealed, in both languages', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.auditor);
  const broker = await brokerOf(page);
  station = await startStationProcess({ dataDir: tempDir('vigil-e2e-anchor-'), broker, site: SITE, station: 'desk-2', mqtt: 4 });
  const admin = await openClient(station.url);
  await admin.call('auth.setup', { ...ADMIN, station: 'desk-2' });
  admin.close();

  // desk-9 anchors row 120, then (its newest rows deleted) row 112; and someone forges an anchor in desk-8's name.
  const key = loadStationKey(tempDir());
  const hashOf = (row: number, written = 0) => createHash('sha256').update(`${row}/${written}`).digest('hex');
  const at = Date.now() - 60_000;
  const honest = signAnchor(SITE, key, { station: 'desk-9', head: { seq: 120, hash: hashOf(120), count: 120 }, at, previous: { seq: 118, hash: hashOf(118) } });
  const cut = signAnchor(SITE, key, { station: 'desk-9', head: { seq: 112, hash: hashOf(112), count: 112 }, at: at + 30_000, previous: { seq: 120, hash: hashOf(120) } });
  const forged = { ...signAnchor(SITE, key, { station: 'desk-8', head: { seq: 40, hash: hashOf(40), count: 40 }, at, previous: null }), seq: 44 };
  const topic = (name: string) => `vigil/v1/${SITE}/stations/${name}/audit-anchor`;
  await publishToBroker(broker, [
    { topic: topic('desk-9'), payload: JSON.stringify(honest) },
    { topic: topic('desk-9'), payload: JSON.stringify(cut) },
    { topic: topic('desk-8'), payload: JSON.stringify(forged) },
  ]);

  for (const language of ['zh-CN', 'en'] as const) {
    const desk = await page.context().browser()!.newPage({ baseURL: station.url });
    await desk.addInitScript({ content: `localStorage.setItem('vigil.language', '${language}');` });
    await desk.goto(station.url);
    await signIn(desk, ADMIN);
    await nav(desk).getByText(LABELS[language].audit, { exact: true }).click();
    const findings = desk.getByTestId('anchor-findings');
    await expect(findings).toContainText(LABELS[language].rollback, { timeout: 15_000 });
    await expect(findings).toContainText(LABELS[language].forged);
    await expect(findings).toContainText('went back from row 120');
    await expect(desk.getByTestId('audit-table')).toContainText('desk-9');
    await screenshot(desk, 'audit-anchor-findings', language);
    await desk.close();
  }
});
