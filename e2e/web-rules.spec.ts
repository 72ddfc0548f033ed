import { expect, test } from '@playwright/test';
import { ACCOUNTS, nav, openApp, screenshot, signedIn, signIn } from './web-helpers';

test.describe('alarm rules', () => {
  test('a supervisor writes a threshold rule and its alarm comes in from the meters; a duty officer only reads rules', async ({ page, browser }) => {
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.supervisor);
    await nav(page).getByText('报警规则', { exact: true }).click();
    const table = page.getByTestId('rule-table');
    // The demo park's own rules, built in.
    await expect(table).toContainText('夜间用水异常');
    await expect(table).toContainText('水表');
    await expect(table).toContainText('每天 00:00–05:00');
    await expect(table).toContainText('深夜门禁通行');
    await expect(table).toContainText('每天 23:00–次日 05:00');
    await expect(table.locator('tr', { hasText: '摄像机离线' })).toContainText('设备离线或故障超过 5 分钟');
    await expect(table).toContainText('内置');

    // N opens a new rule; the dialog refuses it without a name and a reading.
    await page.locator('body').press('n');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('rule-name')).toBeFocused();
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await expect(dialog).toContainText('请填写规则名称');
    await expect(dialog).toContainText('读数名称为小写字母、数字或下划线');

    // Any electricity meter reading over 1 kW, at once: the demo meters report every 5 s.
    const name = `用电测试 ${Date.now() % 100000}`;
    await dialog.getByTestId('rule-name').fill(name);
    await dialog.locator('#metric').fill('kw');
    await dialog.locator('#value').fill('1');
    await dialog.locator('#forMinutes').fill('0');
    await dialog.locator('#kinds').fill('电表');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(dialog.locator('.ant-select-selection-item', { hasText: '电表' })).toBeVisible();
    await dialog.getByTestId('rule-scheduled').click();
    await expect(dialog).toContainText('开始晚于结束表示跨午夜');
    await dialog.getByTestId('rule-scheduled').click(); // at all times, after all
    await screenshot(page, 'rule-dialog', 'zh-CN');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await expect(dialog).toBeHidden();
    const row = table.locator('tr', { hasText: name });
    await expect(row).toContainText('kw 高于 1');
    await expect(row).toContainText('电表');
    await expect(row).toContainText('全天');
    await expect(row).toContainText('supervisor');
    await screenshot(page, 'rules', 'zh-CN');

    // Its alarm: named by the rule, with the reading that set it off.
    await nav(page).getByText('报警中心', { exact: true }).click();
    const ruleAlarm = page.locator('[data-testid=alarm-row]', { hasText: name }).first();
    await expect(ruleAlarm).toBeVisible({ timeout: 20_000 });
    await ruleAlarm.click();
    await expect(page.getByTestId('alarm-rule')).toContainText(new RegExp(`${name} · kw 读数 \\d+(\\.\\d+)?`));
    await expect(page.getByTestId('alarm-detail')).toContainText('核实触发规则的读数或事件');
    await screenshot(page, 'alarms-rule', 'zh-CN');

    // A duty officer, in English, sees the rules and cannot change them.
    const duty = await signedIn(browser, ACCOUNTS.duty, 'en');
    await nav(duty).getByText('Alarm rules', { exact: true }).click();
    const dutyRow = duty.getByTestId('rule-table').locator('tr', { hasText: name });
    await expect(dutyRow).toContainText('kw above 1');
    await expect(dutyRow).toContainText('Electricity meter');
    await expect(dutyRow).toContainText('At all times');
    await expect(duty.getByTestId('rule-table').locator('tr', { hasText: '夜间用水异常' })).toContainText('m3h above 2 for 10 min');
    await expect(duty.getByTestId('rule-table').locator('tr', { hasText: '深夜门禁通行' })).toContainText('Every day 23:00–05:00 (next day)');
    await expect(duty.getByTestId('rule-table').locator('tr', { hasText: '摄像机离线' })).toContainText('Device offline or faulty for over 5 min');
    await expect(duty.getByTestId('rule-table').locator('tr', { hasText: '摄像机离线' })).toContainText('Camera, IP camera');
    await expect(duty.getByTestId('page-rules')).toContainText('Read only');
    await expect(duty.getByRole('button', { name: /New rule/ })).toHaveCount(0);
    await expect(duty.getByTestId('rule-table').getByRole('switch').first()).toBeDisabled();
    await screenshot(duty, 'rules', 'en');

    // Switched off, then deleted: both reach the other window without a reload.
    await nav(page).getByText('报警规则', { exact: true }).click();
    await row.getByRole('switch').click();
    await expect(duty.getByTestId('rule-table').locator('tr', { hasText: name }).getByRole('switch')).not.toBeChecked();
    await row.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s?除/ }).click();
    await expect(duty.getByTestId('rule-table')).not.toContainText(name);
    await duty.context().close();
  });
});
