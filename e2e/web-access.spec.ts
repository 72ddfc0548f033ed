import { expect, test, type Locator, type Page } from '@playwright/test';
import { ACCOUNTS, brokerOf, nav, openApp, publishToBroker, screenshot, signedIn, signIn, type Language } from './web-helpers';

const SITE = 'demo-park';

/** A door controller or zone reports its state, as its gateway would. */
async function publishState(broker: string, code: string, state: { status: string; door?: string; zone?: string }): Promise<void> {
  await publishToBroker(broker, [{ topic: `vigil/v1/${SITE}/devices/${code}/state`, payload: JSON.stringify({ ...state, ts: Date.now() }) }]);
}

/**
 * Puts devices in a status for a test, as their gateway would report it (the
 * demo park never drops doors or zones by itself). Only the status is
 * published, so what the door or zone reports stays the simulator's.
 */
async function holdStatus(broker: string, codes: Record<string, 'online' | 'offline'>): Promise<() => Promise<void>> {
  await publishToBroker(broker, Object.entries(codes).map(([code, status]) => ({ topic: `vigil/v1/${SITE}/devices/${code}/state`, payload: JSON.stringify({ status, ts: Date.now() }) })));
  return async () => {};
}

/** The duty officer on the doors page; returns the demo broker's address. */
async function dutyAtDoors(page: Page, language: Language): Promise<string> {
  await openApp(page, language);
  await signIn(page, ACCOUNTS.duty);
  const broker = await brokerOf(page);
  await nav(page).getByText(language === 'en' ? 'Doors' : '门禁', { exact: true }).click();
  await expect(page.getByTestId('page-access')).toBeVisible();
  return broker;
}

const doorRow = (page: Page, code: string) => page.locator(`[data-testid=door-row][data-code="${code}"]`);
const zoneRow = (page: Page, code: string) => page.locator(`[data-testid=zone-row][data-code="${code}"]`);

async function codeOf(row: Locator): Promise<string> {
  return (await row.getAttribute('data-code'))!;
}

test.describe('doors', () => {
  test('an officer opens a door with a reason, from the keyboard, and sees it open and close again', async ({ page }) => {
    const broker = await dutyAtDoors(page, 'zh-CN');
    const first = page.locator('[data-testid=door-row][data-view=closed]').first();
    await expect(first).toBeVisible();
    const code = await codeOf(first);
    const name = (await first.locator('.device-name').textContent())!;
    const row = doorRow(page, code);
    const release = await holdStatus(broker, { [code]: 'online' });
    try {
      // `/` searches the doors (not the device page, as elsewhere); the search narrows the list to this door.
      await page.locator('body').press('/');
      await expect(page.getByTestId('door-search')).toBeFocused();
      await page.keyboard.type(name);
      await expect(page.getByTestId('door-row')).toHaveCount(1);
      await expect(page.getByTestId('page-access')).toBeVisible();

      // Select it and press O: the confirmation opens for this door, and will not send without a reason.
      await row.locator('.device-name').click();
      await expect(row).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('o');
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByTestId('open-door-name')).toHaveText(name);
      // The reason takes the keys at once: O, type, Enter.
      await expect(dialog.getByTestId('open-door-reason')).toBeFocused();
      await dialog.getByTestId('open-door-reason').fill('x');
      await dialog.getByTestId('open-door-confirm').click();
      await expect(dialog).toContainText('请填写原因（至少 2 个字）');
      await expect(dialog.getByTestId('command-progress')).toHaveCount(0);

      await dialog.getByTestId('open-door-reason').fill('访客到访');
      await dialog.getByText('3 秒', { exact: true }).click();
      await dialog.getByTestId('open-door-confirm').click();
      await expect(dialog.getByTestId('command-progress')).toHaveAttribute('data-outcome', 'done');
      await expect(row).toHaveAttribute('data-view', 'open');
      await expect(row).toContainText('已开启');
      await screenshot(page, 'access-open', 'zh-CN');
      await dialog.getByTestId('open-door-close').click();
      await expect(dialog).toBeHidden();
      await page.getByTestId('door-search').fill('');
      await expect(row).toHaveAttribute('data-view', 'open');
      await screenshot(page, 'access', 'zh-CN');
      // Held open for the three seconds chosen, then the controller reports it closed.
      await expect(row).toHaveAttribute('data-view', 'closed', { timeout: 10_000 });
    } finally {
      await release();
    }
  });

  test('an offline door cannot be opened remotely, and the officer is told why', async ({ page }) => {
    const broker = await dutyAtDoors(page, 'en');
    const candidate = page.locator('[data-testid=door-row][data-view=closed]').last();
    await expect(candidate).toBeVisible();
    const code = await codeOf(candidate);
    const name = (await candidate.locator('.device-name').textContent())!;
    const row = doorRow(page, code);
    const release = await holdStatus(broker, { [code]: 'offline' });
    try {
      await expect(row).toHaveAttribute('data-view', 'offline');
      await expect(row).toContainText('Offline');

      await row.getByTestId('door-open').click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByTestId('open-door-offline')).toContainText('a remote open will be refused');
      await dialog.getByTestId('open-door-reason').fill('Contractor at the gate');
      await dialog.getByTestId('open-door-confirm').click();
      // The core refuses it as device_offline: the dialog names the door and its status, and says what to do.
      const refusal = dialog.getByTestId('command-refused');
      await expect(refusal).toContainText('Command refused');
      await expect(refusal).toContainText(`${name} is offline: the command cannot reach it; send someone to the site`);
      await expect(dialog.getByTestId('command-progress')).toHaveCount(0);
      await screenshot(page, 'access-offline-refused', 'en');
    } finally {
      await release();
      await publishState(broker, code, { status: 'online', door: 'closed' });
    }
    await expect(row).toHaveAttribute('data-view', 'closed');
  });

  test('the access log masks people; a supervisor can reveal one, and the look is audited', async ({ page, browser }) => {
    const broker = await dutyAtDoors(page, 'zh-CN');
    const door = page.locator('[data-testid=door-row]').first();
    await expect(door).toBeVisible();
    const code = await codeOf(door);
    const now = Date.now();
    const id = `e2e-access-${now}`;
    // More than a page of older entries at this door, then the one the test follows.
    const older = Array.from({ length: 120 }, (_, index) => ({
      topic: `vigil/v1/${SITE}/devices/${code}/events`,
      payload: JSON.stringify({ id: `${id}-older-${index}`, type: index % 10 ? 'access_granted' : 'access_denied', ts: now - 60_000 - index * 1000, person: `王芳 · 卡号 ${String(10_000_000 + index)}` }),
    }));
    await publishToBroker(broker, [...older, { topic: `vigil/v1/${SITE}/devices/${code}/events`, payload: JSON.stringify({ id, type: 'access_granted', ts: now, person: '测试员 · 卡号 12345678' }) }]);

    // The duty officer sees the entry come in, masked, with nothing to unmask it.
    const entry = page.locator(`[data-testid=access-row][data-id="${id}"]`);
    await expect(entry).toBeVisible({ timeout: 15_000 });
    await expect(entry.getByTestId('person-cell')).toHaveText('测** · 卡号 ****5678');
    await expect(entry).toContainText('刷卡通行');
    await expect(page.getByTestId('person-show')).toHaveCount(0);
    await expect(page.getByTestId('log-privacy')).toHaveText('姓名和卡号已脱敏');
    // Filtered to its door, the log holds that door's entries only.
    await door.getByRole('button', { name: '只看该门的通行记录（L）' }).click();
    await expect(entry).toBeVisible();
    const doorName = (await door.locator('.device-name').textContent())!;
    const rows = page.getByTestId('access-row');
    await expect(rows).toHaveCount(100);
    for (const cell of await rows.locator('td:nth-child(3)').allTextContents()) expect(cell).toBe(doorName);
    // Scrolling to the end loads the next page by keyset, and holds the live refresh so rows do not shift.
    await page.locator('.access-log-scroll').hover();
    // Scrolled again while the page is still laying out, as an officer would when the list has not moved yet.
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 20_000);
        return rows.count();
      })
      .toBeGreaterThan(120);
    await expect(page.locator(`[data-testid=access-row][data-id="${id}-older-119"]`)).toBeVisible();
    await expect(page.getByTestId('access-log')).toContainText('已加载更早记录，实时刷新暂停');
    await page.getByTestId('log-latest').click();
    await expect(rows).toHaveCount(100);
    await expect(entry).toBeVisible();

    // A supervisor may see the person, and the core records that they looked.
    const supervisor = await signedIn(browser, ACCOUNTS.supervisor, 'en');
    await nav(supervisor).getByText('Doors', { exact: true }).click();
    const seen = supervisor.locator(`[data-testid=access-row][data-id="${id}"]`);
    await expect(seen.getByTestId('person-cell')).toHaveAttribute('data-state', 'masked');
    await expect(supervisor.getByTestId('log-privacy')).toContainText('every look is recorded in the audit trail');
    await seen.getByTestId('person-show').click();
    await expect(seen.getByTestId('person-cell')).toHaveAttribute('data-state', 'revealed');
    await expect(seen.locator('.person-text')).toHaveText('测试员 · 卡号 12345678');
    await screenshot(supervisor, 'access-log-revealed', 'en');
    await seen.getByTestId('person-hide').click();
    await expect(seen.locator('.person-text')).toHaveText('测** · 卡号 ****5678');

    await nav(supervisor).getByText('Audit', { exact: true }).click();
    await expect(supervisor.getByTestId('audit-table').locator('tbody tr').filter({ hasText: 'events.person' }).filter({ hasText: id }).first()).toBeVisible();
    await supervisor.context().close();
  });

  test('the access log is live: an entry shows as soon as the core stores it, and the log never polls', async ({ page }) => {
    // Each call for the log as it leaves this window for the core.
    const reads: number[] = [];
    page.on('websocket', (socket) => socket.on('framesent', ({ payload }) => void (typeof payload === 'string' && payload.includes('"method":"events.list"') && reads.push(Date.now()))));
    const broker = await dutyAtDoors(page, 'en');
    const door = page.locator('[data-testid=door-row]').first();
    await expect(door).toBeVisible();
    const code = await codeOf(door);
    await expect(page.getByTestId('access-log')).toContainText('Live');
    const publish = (id: string, type: string) =>
      publishToBroker(broker, [{ topic: `vigil/v1/${SITE}/devices/${code}/events`, payload: JSON.stringify({ id, type, ts: Date.now(), person: '测试员 · 卡号 87654321' }) }]);

    // A card read at the door is in the open log within two seconds.
    const granted = `e2e-live-${Date.now()}`;
    await publish(granted, 'access_granted');
    await expect(page.locator(`[data-testid=access-row][data-id="${granted}"]`)).toBeVisible({ timeout: 2_000 });

    // Shown only doors held open, which the demo park never reports, the log reads nothing for longer
    // than it used to poll: the cards read meanwhile are not what it shows.
    await page.getByTestId('log-types').click();
    await page.locator('.ant-select-item-option[title="Door held open"]').click();
    await page.keyboard.press('Escape');
    await expect(page.locator(`[data-testid=access-row][data-id="${granted}"]`)).toHaveCount(0);
    await page.waitForTimeout(500);
    const quiet = reads.length;
    await page.waitForTimeout(4_000);
    expect(reads.length).toBe(quiet);

    // A door held open is in the log within two seconds of its report.
    const held = `e2e-live-held-${Date.now()}`;
    await publish(held, 'door_held_open');
    const row = page.locator(`[data-testid=access-row][data-id="${held}"]`);
    await expect(row).toBeVisible({ timeout: 2_000 });
    await expect(row).toContainText('Door held open');
    expect(reads.length).toBeGreaterThan(quiet);
    await screenshot(page, 'access-log-live', 'en');
  });
});

test('an auditor sees doors and zones but can neither open, arm nor unmask', async ({ page }) => {
  await openApp(page, 'en');
  await signIn(page, ACCOUNTS.auditor);
  await nav(page).getByText('Doors', { exact: true }).click();
  await expect(page.getByTestId('door-row').first()).toBeVisible();
  await expect(page.getByTestId('page-access')).toContainText('Your role may view doors but not open them');
  await expect(page.getByTestId('door-open')).toHaveCount(0);
  await expect(page.getByTestId('person-show')).toHaveCount(0);
  // O on a selected door does nothing for a role that may not open it.
  await page.getByTestId('door-row').first().locator('.device-name').click();
  await page.keyboard.press('o');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await nav(page).getByText('Intrusion', { exact: true }).click();
  await expect(page.getByTestId('zone-row').first()).toBeVisible();
  await expect(page.getByTestId('page-intrusion')).toContainText('Your role may view zones but not arm, disarm or bypass them');
  await expect(page.getByTestId('partition-disarm')).toHaveCount(0);
  await expect(page.locator('[data-testid^=zone-]').and(page.getByRole('button'))).toHaveCount(0);
});

test.describe('intrusion', () => {
  test('an officer bypasses a zone, disarms a partition skipping an offline zone, and arms it again', async ({ page }) => {
    test.setTimeout(90_000);
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.duty);
    const broker = await brokerOf(page);
    await nav(page).getByText('入侵报警', { exact: true }).click();
    await expect(page.getByTestId('page-intrusion')).toBeVisible();

    // A building with every zone armed and on line.
    const partitions = page.getByTestId('partition');
    await expect(partitions.first()).toBeVisible();
    const armed = partitions.filter({ has: page.locator('[data-testid=zone-row]') }).filter({ hasNot: page.locator('[data-testid=zone-row]:not([data-view=armed])') });
    const partition = armed.first();
    const key = (await partition.getAttribute('data-key'))!;
    const card = page.locator(`[data-testid=partition][data-key="${key}"]`);
    const zones = card.getByTestId('zone-row');
    expect(await zones.count()).toBeGreaterThanOrEqual(3);
    const bypassCode = await codeOf(zones.nth(0));
    const offlineCode = await codeOf(zones.nth(1));
    const offlineName = (await zones.nth(1).locator('.device-name').textContent())!;
    const bypassedBefore = Number(await page.getByTestId('zone-summary-bypassed').textContent());

    const hold: Record<string, 'online' | 'offline'> = {};
    for (const zone of await zones.all()) hold[await codeOf(zone)] = 'online';
    hold[offlineCode] = 'offline';
    const release = await holdStatus(broker, hold);
    try {
      await expect(zoneRow(page, offlineCode)).toHaveAttribute('data-view', 'offline');

      // Bypass: a reason is required, then the zone reports itself bypassed.
      await zoneRow(page, bypassCode).getByTestId('zone-bypass').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('zone-command-confirm').click();
      await expect(dialog).toContainText('请填写原因（至少 2 个字）');
      await dialog.getByText('巡检维护', { exact: true }).click();
      await dialog.getByTestId('zone-command-confirm').click();
      await expect(dialog.getByTestId('command-progress')).toHaveAttribute('data-outcome', 'done');
      await dialog.getByTestId('zone-command-close').click();
      await expect(zoneRow(page, bypassCode)).toHaveAttribute('data-view', 'bypassed');
      await expect(page.getByTestId('zone-summary-bypassed')).toHaveText(String(bypassedBefore + 1));

      // Disarm the partition: the offline zone is named as skipped, the bypassed one left bypassed.
      await card.getByTestId('partition-disarm').click();
      const plan = dialog.getByTestId('partition-plan');
      await expect(plan).toHaveAttribute('data-offline', '1');
      await expect(plan).toContainText(offlineName);
      const toSend = Number(await plan.getAttribute('data-send'));
      expect(toSend).toBe((await zones.count()) - 2);
      await dialog.getByTestId('partition-command-reason').fill('营业时间');
      await dialog.getByTestId('partition-command-confirm').click();
      await expect(dialog.getByTestId('partition-sent')).toContainText(`已发送 ${toSend} 个防区；跳过离线 1 个`);
      await expect(dialog.getByTestId('partition-sent')).toContainText(offlineName);
      await expect(dialog.getByTestId('command-batch')).toHaveAttribute('data-finished', 'true');
      await expect(dialog.getByTestId('command-batch')).toHaveAttribute('data-done', String(toSend));
      await screenshot(page, 'intrusion-partition-disarmed', 'zh-CN');
      await dialog.getByTestId('partition-command-close').click();
      await expect(card).toHaveAttribute('data-state', 'disarmed');
      await expect(zoneRow(page, bypassCode)).toHaveAttribute('data-view', 'bypassed');
      await expect(zoneRow(page, offlineCode)).toHaveAttribute('data-view', 'offline');
      await screenshot(page, 'intrusion', 'zh-CN');

      // From the keyboard: Shift+A arms the selected zone's partition (no reason needed), B unbypasses.
      await zoneRow(page, bypassCode).locator('.device-name').click();
      await page.keyboard.press('Shift+A');
      await expect(dialog).toContainText('分区布防');
      await dialog.getByTestId('partition-command-confirm').click();
      await expect(dialog.getByTestId('command-batch')).toHaveAttribute('data-finished', 'true');
      await dialog.getByTestId('partition-command-close').click();
      await expect(card).toHaveAttribute('data-state', 'armed');
      await page.keyboard.press('b');
      await expect(dialog).toContainText('取消防区旁路');
      await dialog.getByTestId('zone-command-reason').press('Enter');
      await expect(dialog.getByTestId('command-progress')).toHaveAttribute('data-outcome', 'done');
      await dialog.getByTestId('zone-command-close').click();
      await expect(zoneRow(page, bypassCode)).toHaveAttribute('data-view', 'armed');
    } finally {
      await release();
      await publishState(broker, offlineCode, { status: 'online', zone: 'armed' });
    }
    await expect(zoneRow(page, offlineCode)).toHaveAttribute('data-view', 'armed');
  });
});
