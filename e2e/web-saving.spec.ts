import { expect, test, type Locator, type Page } from '@playwright/test';
import { ACCOUNTS, nav, openApp, screenshot, signedIn, signIn } from './web-helpers';

const SAVE = /保\s?存/;

/** Picks an option of the open select dropdown by its text. */
async function pick(page: Page, option: string): Promise<void> {
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

/** Waits for every select's dropdown to have closed (its motion ends before it is marked hidden), so the next one opened is the only one. */
async function dropdownsClosed(page: Page): Promise<void> {
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
}

/** The step rows of the editor. */
const stepsOf = (dialog: Locator) => dialog.getByTestId('schedule-step');

test.describe('energy saving', () => {
  test('a property manager schedules the street lights, runs a step at once and sees the devices acknowledge it; a duty officer only reads', async ({ page, browser }) => {
    test.setTimeout(120_000);
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.property);
    await nav(page).getByText('节能控制', { exact: true }).click();

    // The demo park's three schedules, their steps in words.
    const table = page.getByTestId('schedule-table');
    await expect(table.locator('.ant-table-row')).toHaveCount(3);
    await expect(table.locator('[data-id=street-lights]')).toContainText('日落后 10 分钟 开灯');
    await expect(table.locator('[data-id=street-lights]')).toContainText('23:30 关灯');
    await expect(table.locator('[data-id=street-lights]')).toContainText('每天');
    await expect(table.locator('[data-id=office-hvac-night]')).toContainText('19:00 设定 28 °C');
    await expect(table.locator('[data-id=office-hvac-night]')).toContainText('工作日');
    await expect(table.locator('[data-id=office-hvac-night]')).toContainText('A栋 研发楼');
    // What the HVAC schedule saved, as an estimate against A栋's learned baseline, said to be one on hover; the lights have no building to measure on.
    const estimate = table.locator('[data-id=office-hvac-night]').getByTestId('schedule-estimate');
    await expect(estimate).toHaveText(/^≈ -?[\d,.]+ kWh$/);
    await estimate.hover();
    await expect(page.locator('.ant-tooltip')).toContainText('估算值');
    await expect(table.locator('[data-id=street-lights]').getByTestId('schedule-estimate')).toHaveCount(0);
    await expect(table.locator('[data-id=canteen-pump-night]')).toContainText('22:00 停泵');

    // The week: seven days from today, the street lights twice every day, at the park's position.
    const plan = page.getByTestId('saving-plan');
    await expect(plan.getByTestId('plan-day')).toHaveCount(7);
    await expect(plan.getByTestId('plan-day').first()).toContainText('今天');
    await expect(plan.locator('[data-testid=plan-run][data-schedule=street-lights]')).toHaveCount(14);
    await expect(page.getByTestId('saving-position')).toContainText('纬度 32.07°，经度 121.07°');

    // A new lighting schedule for both street-light circuits: on at sunset, off at 22:00.
    await page.getByTestId('schedule-create').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('schedule-name')).toBeFocused();
    await dialog.getByRole('button', { name: SAVE }).click();
    await expect(dialog).toContainText('请输入计划名称');
    await expect(dialog).toContainText('至少选择一台设备');
    const name = `东门路灯 测试 ${Date.now() % 100000}`;
    await dialog.getByTestId('schedule-name').fill(name);
    const id = await dialog.getByTestId('schedule-id').inputValue();
    expect(id).toMatch(/^sched-[a-z0-9]+$/);
    await dialog.getByTestId('schedule-load').getByText('照明', { exact: true }).click();
    await dialog.getByTestId('schedule-devices').click();
    await pick(page, '公共照明回路 1');
    await pick(page, '公共照明回路 2');
    await page.keyboard.press('Escape');
    await expect(dialog.locator('.ant-select-selection-item', { hasText: '公共照明回路' })).toHaveCount(2);

    const [first, second] = [stepsOf(dialog).nth(0), stepsOf(dialog).nth(1)];
    await expect(stepsOf(dialog)).toHaveCount(2);
    await dropdownsClosed(page);
    await first.getByTestId('step-trigger').click();
    await pick(page, '日落');
    await first.getByRole('spinbutton').fill('0');
    await first.getByTestId('step-switch').getByText('开', { exact: true }).click();
    await dropdownsClosed(page);
    await second.getByTestId('step-trigger').click();
    await pick(page, '定时');
    await second.getByRole('textbox').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('22:00');
    await page.keyboard.press('Enter');
    await expect(second.getByRole('textbox')).toHaveValue('22:00');
    await second.getByTestId('step-switch').getByText('关', { exact: true }).click();
    await screenshot(page, 'saving-dialog', 'zh-CN');
    await dialog.getByRole('button', { name: SAVE }).click();
    await expect(dialog).toBeHidden();

    // In the table in words, and twice a day in the calendar.
    const row = table.locator(`[data-id=${id}]`);
    await expect(row).toContainText(name);
    await expect(row).toContainText('日落 开灯');
    await expect(row).toContainText('22:00 关灯');
    await expect(row).toContainText('2 台');
    await expect(plan.locator(`[data-testid=plan-run][data-schedule=${id}]`)).toHaveCount(14);
    await expect(plan.locator(`[data-testid=plan-run][data-schedule=${id}]`).first()).toContainText(name);

    // Its first step, now: a command to each circuit, acknowledged by the simulated devices over MQTT.
    await row.getByTestId('schedule-run').click();
    await page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item', { hasText: '日落 开灯' }).click();
    await expect(page.locator('.ant-message')).toContainText('已向 2 台设备下发指令');
    const runs = page.getByTestId('run-table').locator(`tr[data-schedule=${id}]`);
    await expect(runs).toHaveCount(2);
    await expect(runs.locator('[data-testid=run-status][data-status=done]')).toHaveCount(2, { timeout: 20_000 });
    await expect(runs.first()).toContainText('已完成');
    await expect(runs.first()).toContainText('日落 开灯');
    await expect(runs.first()).toContainText('公共照明回路');
    await screenshot(page, 'saving', 'zh-CN');

    // Edited: the id stays, the lights go off half an hour later.
    await row.getByTestId('schedule-edit').click();
    await expect(dialog.getByTestId('schedule-id')).toHaveValue(id);
    await expect(dialog.getByTestId('schedule-name')).toHaveValue(name);
    // The name takes the focus once the dialog is in; the time is typed after that.
    await expect(dialog.getByTestId('schedule-name')).toBeFocused();
    const off = stepsOf(dialog).nth(1).getByRole('textbox');
    await off.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('22:30');
    await page.keyboard.press('Enter');
    await expect(off).toHaveValue('22:30');
    await dialog.getByRole('button', { name: SAVE }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('22:30 关灯');
    await expect(table.locator('.ant-table-row')).toHaveCount(4);
    // N opens a new schedule, empty: nothing of the one just edited.
    await page.locator('body').press('n');
    await expect(dialog.getByTestId('schedule-name')).toBeFocused();
    await expect(dialog.getByTestId('schedule-name')).toHaveValue('');
    await expect(dialog.locator('.ant-select-selection-item', { hasText: '公共照明回路' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // A duty officer, in English, reads it all and changes nothing.
    const duty = await signedIn(browser, ACCOUNTS.duty, 'en');
    await nav(duty).getByText('Saving', { exact: true }).click();
    await expect(duty.getByTestId('page-saving').locator('.page-title')).toHaveText('Energy saving');
    const dutyTable = duty.getByTestId('schedule-table');
    await expect(dutyTable.locator('[data-id=street-lights]')).toContainText('10 min after sunset: lights on');
    await expect(dutyTable.locator('[data-id=office-hvac-night]')).toContainText('19:00: set 28 °C');
    await expect(dutyTable.locator(`[data-id=${id}]`)).toContainText('sunset: lights on');
    await expect(dutyTable.locator(`[data-id=${id}]`)).toContainText('22:30: lights off');
    await expect(duty.getByTestId('saving-read-only')).toContainText('Read only');
    await expect(duty.getByTestId('schedule-create')).toHaveCount(0);
    await expect(duty.getByTestId('schedule-run')).toHaveCount(0);
    await expect(duty.getByTestId('schedule-edit')).toHaveCount(0);
    await expect(duty.getByTestId('schedule-delete')).toHaveCount(0);
    await expect(dutyTable.getByRole('switch').first()).toBeDisabled();
    await expect(duty.getByTestId('run-table').locator(`tr[data-schedule=${id}]`).first()).toContainText('Done');
    await expect(duty.getByTestId('saving-position')).toContainText('latitude 32.07°, longitude 121.07°');
    await screenshot(duty, 'saving', 'en');

    // Deleted: gone from the other officer's table and calendar without a reload.
    await row.getByTestId('schedule-delete').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s?除/ }).click();
    await expect(dutyTable.locator(`[data-id=${id}]`)).toHaveCount(0);
    await expect(duty.getByTestId('saving-plan').locator(`[data-testid=plan-run][data-schedule=${id}]`)).toHaveCount(0);
    await duty.context().close();
  });
});
