import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, brokerOf, nav, openApp, publishToBroker, screenshot, signedIn, signIn } from './web-helpers';

const SITE = 'demo-park';
const C = 'C栋 人才公寓';

/** A resident's app publishing its profile to the demo park's broker, as a phone would. */
async function publishProfile(brokerUrl: string, resident: string, profile: Record<string, unknown>): Promise<void> {
  await publishToBroker(brokerUrl, [{ topic: `vigil/v1/${SITE}/residents/${resident}/profile`, payload: JSON.stringify({ ...profile, ts: Date.now() }) }]);
}

async function openServices(page: Page, label: string): Promise<void> {
  await nav(page).getByText(label, { exact: true }).click();
  await expect(page.getByTestId('page-services')).toBeVisible();
}

test.describe('life services', () => {
  test('the property manager adds a service, a resident’s app reports, and the resident’s recommendations say why; contact masked, revealed with an audit entry', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const suffix = Date.now() % 100_000;
    const resident = `app-e2e-${suffix}`;

    // The demo park's catalogue, then a new service from the drawer.
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.property);
    await openServices(page, '生活服务');
    const table = page.getByTestId('service-table');
    await expect(table.locator('.ant-table-row')).toHaveCount(30);
    await expect(table.locator('[data-id=housekeeping-aunt-li]')).toContainText('李阿姨家政');
    await expect(table.locator('[data-id=housekeeping-aunt-li]')).toContainText('每天 08:00–20:00');
    await screenshot(page, 'services-catalogue', 'zh-CN');

    await page.getByTestId('service-create').click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByTestId('service-name-zh')).toBeFocused();
    await drawer.getByTestId('service-save').click();
    await expect(drawer).toContainText('请填写中文名称');
    const name = `银发助浴上门 ${suffix}`;
    await drawer.getByTestId('service-name-zh').fill(name);
    await drawer.getByTestId('service-name-en').fill(`Silver Bathing Help ${suffix}`);
    await drawer.getByTestId('service-category').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '养老服务' }).click();
    await drawer.getByTestId('service-phone').fill('0513-8551 3999');
    await drawer.getByTestId('service-building').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: C }).click();
    await drawer.getByTestId('service-distance').fill('100');
    await drawer.getByTestId('service-suits').getByText('有老人').click();
    await drawer.getByTestId('service-tags').locator('input').fill('助浴');
    await page.keyboard.press('Enter');
    await screenshot(page, 'services-editor', 'zh-CN');
    await drawer.getByTestId('service-save').click();
    await expect(page.getByText('已保存，所有工作站和居民的推荐随之更新').first()).toBeVisible();
    await expect(table.locator('.ant-table-row')).toHaveCount(31);
    await expect(table.locator('.ant-table-row', { hasText: name })).toContainText('养老服务');

    // A resident's app reports to the demo broker.
    const duty = await signedIn(browser, ACCOUNTS.duty, 'en');
    const broker = await brokerOf(duty);
    await publishProfile(broker, resident, { name: '孙桂兰', phone: '13700001234', building: C, unit: '1-101', household: 'elderly', interests: ['elderly_care', 'housekeeping'], consent: true });

    // Masked in the list; picked, their recommendations with the reasons.
    await page.getByTestId('services-tabs').getByText('居民与推荐').click();
    const row = page.getByTestId('resident-table').locator(`[data-id=${resident}]`);
    await expect(row).toBeVisible({ timeout: 15_000 });
    await expect(row.getByTestId('resident-name')).toContainText('孙**');
    await expect(row.getByTestId('resident-phone')).toHaveText('*******1234');
    await expect(row).not.toContainText('1-101');
    await row.click();
    const recommendations = page.getByTestId('recommendation');
    await expect(recommendations.first()).toContainText(name);
    const reasons = recommendations.first().getByTestId('recommendation-reason');
    await expect(reasons.nth(0)).toHaveText('因为您关注了养老服务');
    await expect(reasons.nth(1)).toHaveText('因为适合有老人的家庭');
    await expect(reasons.nth(2)).toHaveText(`因为就在您所在的${C}`);
    await expect(page.locator(`[data-testid=recommendation][data-service=housekeeping-aunt-li]`)).toContainText('因为您关注了家政服务');
    await expect(page.getByTestId('recommendations')).toContainText('不使用姓名、电话或门牌');

    // Revealed on request, and the audit trail says who looked.
    await row.getByTestId('resident-show').click();
    await expect(row.getByTestId('resident-name')).toContainText('孙桂兰 · 1-101');
    await expect(row.getByTestId('resident-phone')).toHaveText('13700001234');
    await screenshot(page, 'services-residents', 'zh-CN');
    await row.getByTestId('resident-hide').click();
    await expect(row.getByTestId('resident-name')).toContainText('孙**');
    const db = new Database(path.join(process.env.VIGIL_E2E_DATA!, 'vigil.db'), { readonly: true });
    try {
      expect(db.prepare("SELECT actor, target, outcome FROM audit WHERE action = 'services.residentContact' ORDER BY id DESC LIMIT 1").get()).toEqual({ actor: 'property', target: resident, outcome: 'ok' });
    } finally {
      db.close();
    }

    // A resident who declined gets none, and says so.
    await page.getByTestId('resident-table').locator('[data-id=app-c0203]').click();
    await expect(page.getByTestId('recommendations-no-consent')).toBeVisible();

    // The duty officer reads in English: no editing, no reveal.
    await openServices(duty, 'Services');
    await expect(duty.getByTestId('services-read-only')).toBeVisible();
    await expect(duty.getByTestId('service-create')).toHaveCount(0);
    await expect(duty.getByTestId('service-edit')).toHaveCount(0);
    await expect(duty.getByTestId('service-table').locator('.ant-table-row', { hasText: `Silver Bathing Help ${suffix}` })).toContainText('Elderly care');
    await screenshot(duty, 'services-catalogue', 'en');
    await duty.getByTestId('services-tabs').getByText('Residents & recommendations').click();
    const seen = duty.getByTestId('resident-table').locator(`[data-id=${resident}]`);
    await expect(seen.getByTestId('resident-name')).toContainText('孙**');
    await expect(seen.getByTestId('resident-show')).toHaveCount(0);
    await seen.click();
    const first = duty.getByTestId('recommendation').first();
    await expect(first).toContainText(`Silver Bathing Help ${suffix}`);
    await expect(first.getByTestId('recommendation-reason').nth(0)).toHaveText('because you asked for elderly care');
    await expect(first.getByTestId('recommendation-reason').nth(1)).toHaveText('because it suits households with older people');
    await expect(first.getByTestId('recommendation-reason').nth(2)).toHaveText(`because it is in your building, ${C}`);
    await screenshot(duty, 'services-residents', 'en');
    await duty.context().close();
  });
});
