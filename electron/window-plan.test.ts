import { describe, expect, it } from 'vitest';
import { parseWindowRequests, planWindows } from './window-plan';

const displays = [{ id: 7 }, { id: 3 }, { id: 9 }];

describe('window plan', () => {
  it('numbers monitors from the primary and sends a missing monitor to the primary', () => {
    const plan = planWindows(
      [
        { screen: 0, route: '#/wall' },
        { screen: 1, route: '#/map' },
        { screen: 5, route: '#/ops' },
      ],
      displays,
      3,
      9,
    );
    expect(plan).toEqual([
      { displayId: 3, route: '#/wall', popOut: false },
      { displayId: 7, route: '#/map', popOut: false },
      { displayId: 3, route: '#/ops', popOut: false },
    ]);
  });

  it('opens a pop-out on the display of the window that asked', () => {
    expect(planWindows([{ screen: null, route: '#/wall?wall=%7B%7D' }], displays, 3, 9)).toEqual([{ displayId: 9, route: '#/wall?wall=%7B%7D', popOut: true }]);
  });

  it('refuses anything but app routes', () => {
    for (const route of ['https://evil.example/', 'file:///etc/passwd', '#/wall?x=<script>', 'javascript:alert(1)', '#//evil']) {
      expect(() => parseWindowRequests([{ screen: 0, route }])).toThrow(/refused window request/);
    }
    expect(() => parseWindowRequests([])).toThrow(/refused/);
    expect(() => parseWindowRequests([{ screen: 0, route: '#/wall', extra: true }])).toThrow(/refused/);
    expect(() => parseWindowRequests(Array.from({ length: 9 }, () => ({ screen: 0, route: '#/wall' })))).toThrow(/refused/);
    expect(parseWindowRequests([{ screen: 2, route: '#/wall?saved=%E5%A4%A7%E5%B1%8F' }])).toEqual([{ screen: 2, route: '#/wall?saved=%E5%A4%A7%E5%B1%8F' }]);
  });
});
