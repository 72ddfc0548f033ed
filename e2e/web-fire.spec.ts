import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import mqtt from 'mqtt';
import { playFire } from '../main/demo/fire';
import { rewriteZip } from '../main/evidence/testing/fixtures';
import { verifyEvidence } from '../main/evidence/verify';
import { tempDir } from '../main/testing/harness';
import { openClient, startStationProcess, type StationProcess } from '../main/testing/station';
import { ACCOUNTS, brokerOf, openApp, screenshot, signIn } from './web-helpers';

const SITE = 'demo-park';
const [BUILDING, FLOOR] = ['A栋 研发楼', '4F'];
const ADMIN_2 = { username: 'desk2', displayName: '二号台管理员', password: 'Second-Desk-2026' };

/** The demo park's cameras and doors on the floor on fire, read from station 1's own database. */
function floorDevices(kinds: string[]): string[] {
  const db = new Database(path.join(process.env.VIGIL_E2E_DATA!, 'vigil.db'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare(`SELECT code FROM devices WHERE building = ? AND floor = ? AND kind IN (${kinds.map(() => '?').join(', ')}) ORDER BY code`).pluck().all(BUILDING, FLOOR, ...kinds) as string[];
  } finally {
    db.close();
  }
}

let second: StationProcess | null = null;
test.afterAll(async () => {
  await second?.kill('SIGTERM');
});

/** A second station on the same broker, where the shift supervisor works, in English. */
async function secondStation(page: Page, broker: string): Promise<Page> {
  second = await startStationProcess({ dataDir: tempDir('vigil-e2e-fire-'), broker, site: SITE, station: 'desk-fire', mqtt: 4 });
  // Should it die, the test says so rather than failing later on a refused connection.
  second.child.once('exit', (code, signal) => process.stderr.write(`[station 2] exited ${code} ${signal}\n`));
  const admin = await openClient(second.url);
  await admin.call('auth.setup', { ...ADMIN_2, station: 'desk-fire' });
  await admin.call('users.create', { username: 'supervisor', displayName: '值班长 李强', role: 'shift_supervisor', password: 'First-Sign-In-2026' });
  admin.close();
  const supervisor = await openClient(second.url);
  await supervisor.call('auth.signIn', { username: 'supervisor', password: 'First-Sign-In-2026', station: 'desk-fire' });
  await supervisor.call('auth.changePassword', { current: 'First-Sign-In-2026', next: ACCOUNTS.supervisor.password });
  supervisor.close();
  const context = await page.context().browser()!.newContext({ viewport: { width: 1600, height: 900 } });
  const desk2 = await context.newPage();
  await desk2.addInitScript({ content: "localStorage.setItem('vigil.language', 'en');" });
  await desk2.goto(second.url);
  await signIn(desk2, ACCOUNTS.supervisor);
  return desk2;
}

test('a fire on a floor: the first smoke to a level-II warning, its incident and plan, two teams dispatched and acknowledged, cameras on the wall, a door opened, closed at two stations, and its evidence verified', async ({ page }) => {
  test.setTimeout(300_000);
  // Station 1: the commander at the command desk, in Chinese; its map, wall and timeline windows follow the incident in focus.
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.commander);
  const broker = await brokerOf(page);
  const windows: Page[] = [];
  page.context().on('page', (popup) => windows.push(popup));
  await page.getByTestId('open-layout-at-sign-in').click();
  await expect.poll(() => windows.length).toBe(3);
  const windowOf = (hash: string) => windows.find((popup) => new URL(popup.url()).hash.startsWith(hash))!;
  const [map, wall, timeline] = [windowOf('#/map'), windowOf('#/wall'), windowOf('#/incidents')];
  await expect(page.getByTestId('page-incidents')).toBeVisible();
  const desk2 = await secondStation(page, broker);

  // The floor's smoke detector through the site interface: smoke, then the room heating 8 °C a minute.
  const site = await mqtt.connectAsync(broker, { reconnectPeriod: 0, connectTimeout: 5_000 });
  const fire = playFire((topic, payload) => site.publishAsync(topic, payload, { qos: 1 }), { building: BUILDING, floor: FLOOR, stepSeconds: 3, readings: 16 });

  // Level II opens the incident at every station, with the fire plan's steps up to level II started.
  const card = page.getByTestId('incident-card').filter({ hasText: `${BUILDING} ${FLOOR}` }).first();
  await expect(card).toBeVisible({ timeout: 90_000 });
  const id = (await card.getAttribute('data-id'))!;
  expect(id).toMatch(/^w-wn-/);
  await card.click();
  const detail = page.getByTestId('incident-detail');
  await expect(detail.getByTestId('incident-level').first()).toHaveAttribute('data-level', '2');
  await expect(detail.locator('[data-testid=plan-step][data-step=cut-power]')).toHaveAttribute('data-status', 'active');

  // The floor's cameras are on the wall, its map on the map window, the incident's timeline on the third.
  const [camera] = floorDevices(['camera', 'ipc']);
  const [door] = floorDevices(['door']);
  await expect(wall.locator(`[data-testid=video-tile][data-camera="${camera}"]`)).toBeVisible();
  await expect(wall.locator('[data-testid=video-tile][data-state=playing]').first()).toBeVisible({ timeout: 30_000 });
  for (const window of [map, wall, timeline]) await expect(window.getByTestId('incident-focus-bar')).toHaveAttribute('data-incident', id);

  // Two teams sent; their handhelds acknowledge over the broker.
  for (const [resource, name, task] of [
    ['fire-team', '消防应急队', '携灭火器到A栋4F'],
    ['patrol-1', '安保巡逻一队', '疏散A栋4F人员'],
  ] as const) {
    await detail.getByTestId('dispatch-resource').click();
    await page.locator('.ant-select-item-option').filter({ hasText: name }).click();
    await detail.getByTestId('dispatch-task').fill(task);
    await detail.getByTestId('dispatch-send').click();
    await expect(detail.locator(`[data-testid=dispatch-row][data-resource=${resource}]`)).toHaveAttribute('data-status', /acknowledged|arrived/, { timeout: 30_000 });
  }
  await expect(wall.getByTestId('incident-focus-dispatch')).toHaveCount(2);

  // The floor's door opened for the teams, with the door command (audited).
  await detail.locator(`[data-testid=incident-link][data-ref="${door}"]`).getByTestId('link-open-door').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('open-door-reason').fill('消防队进入');
  await dialog.getByText('3 秒', { exact: true }).click();
  await dialog.getByTestId('open-door-confirm').click();
  await expect(dialog.getByTestId('command-progress')).toHaveAttribute('data-outcome', 'done', { timeout: 20_000 });
  await dialog.getByTestId('open-door-close').click();
  await screenshot(page, 'fire-incident', 'zh-CN');
  await screenshot(wall, 'fire-wall', 'zh-CN');
  await screenshot(map, 'fire-map', 'zh-CN');

  // Station 2: the supervisor sees the same incident and the teams' answers, and ticks the plan's first step.
  await desk2.goto(new URL('/#/incidents', second!.url).toString());
  const there = desk2.locator(`[data-testid=incident-card][data-id="${id}"]`);
  await expect(there).toBeVisible({ timeout: 30_000 });
  await there.click();
  const detail2 = desk2.getByTestId('incident-detail');
  await expect(detail2.getByTestId('dispatch-row')).toHaveCount(2);
  await detail2.locator('[data-testid=plan-step][data-step=confirm]').getByTestId('step-done').click();
  await expect(detail.locator('[data-testid=plan-step][data-step=confirm]')).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await screenshot(desk2, 'fire-incident-station-2', 'en');

  // The fire's last readings went on beside the above rather than held it up; all are in before the close.
  await fire;
  await site.endAsync();

  // Teams released and the incident closed at station 1; station 2 has it closed too.
  for (const row of await detail.getByTestId('dispatch-row').all()) {
    const release = row.getByTestId('dispatch-release');
    if (await release.count()) await release.click();
    await expect(row).toHaveAttribute('data-status', 'released');
  }
  await detail.getByTestId('incident-to-closed').click();
  await expect(detail.getByTestId('incident-state').first()).toHaveAttribute('data-state', 'closed');
  await expect(detail2.getByTestId('incident-state').first()).toHaveAttribute('data-state', 'closed', { timeout: 20_000 });
  await screenshot(timeline, 'fire-timeline', 'zh-CN');

  // Its evidence package verifies; one byte of a clip and one timeline entry changed, it does not, and says where.
  await detail.getByTestId('incident-export-evidence').click();
  const result = detail.getByTestId('incident-evidence-result');
  await expect(result).toBeVisible({ timeout: 120_000 });
  const file = path.join(process.env.VIGIL_E2E_DATA!, (await result.getAttribute('data-file'))!);
  const fingerprint = (await result.getAttribute('data-fingerprint'))!;
  expect(await verifyEvidence(file, { trust: fingerprint })).toMatchObject({ ok: true, problems: [] });
  const tampered = path.join(tempDir('vigil-e2e-evidence-'), 'tampered.zip');
  let clip = '';
  await rewriteZip(file, tampered, (name, bytes) => {
    if (name.startsWith('clips/') && !clip) {
      clip = name;
      const changed = Buffer.from(bytes);
      const middle = changed.length >> 1;
      changed[middle] = changed[middle]! ^ 0xff;
      return changed;
    }
    if (name === 'timeline.jsonl') return Buffer.from(bytes.toString('utf8').replace('携灭火器到A栋4F', '无需到场'));
    return bytes;
  });
  const verdict = await verifyEvidence(tampered, { trust: fingerprint });
  expect(verdict.ok).toBe(false);
  const entry = verdict.problems.find((problem) => problem.kind === 'entry-changed');
  expect(verdict.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'changed-file', path: clip }), expect.objectContaining({ kind: 'entry-changed', path: 'timeline.jsonl' })]));
  expect(entry?.id).toBeTruthy();
});
