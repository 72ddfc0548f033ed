import { describe, expect, it } from 'vitest';
import { isAppUrl, isGrantedPermission, restartDelay } from './policy';
import { argValue, parseSiteConfig } from './site-config';

const INDEX = 'file:///opt/Vigil/resources/app.asar/out/renderer/index.html';

describe('isAppUrl', () => {
  it('allows the renderer page with any hash or query', () => {
    expect(isAppUrl(INDEX, INDEX)).toBe(true);
    expect(isAppUrl(`${INDEX}#/alarms`, INDEX)).toBe(true);
    expect(isAppUrl(`${INDEX}?display=2`, INDEX)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:4300/',
    'file:///etc/passwd',
    'file:///opt/Vigil/resources/app.asar/out/renderer/other.html',
    'file://evil-host/opt/Vigil/resources/app.asar/out/renderer/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, INDEX)).toBe(false);
  });
});

describe('isGrantedPermission', () => {
  it('grants only fullscreen and sanitised clipboard writes, and only to the app', () => {
    expect(isGrantedPermission('fullscreen', INDEX, INDEX)).toBe(true);
    expect(isGrantedPermission('clipboard-sanitized-write', INDEX, INDEX)).toBe(true);
    expect(isGrantedPermission('fullscreen', 'https://example.com/', INDEX)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'unknown']) {
      expect(isGrantedPermission(permission, INDEX, INDEX)).toBe(false);
    }
  });
});

describe('restartDelay', () => {
  it('doubles from half a second and stops at thirty', () => {
    expect([0, 1, 2, 3].map(restartDelay)).toEqual([500, 1000, 2000, 4000]);
    expect(restartDelay(20)).toBe(30_000);
    expect(restartDelay(-1)).toBe(500);
  });
});

describe('parseSiteConfig', () => {
  it('accepts a site and defaults its name to its id', () => {
    expect(parseSiteConfig({ id: 'park-7', brokerUrl: 'mqtts://broker.example:8883' })).toEqual({
      id: 'park-7',
      name: 'park-7',
      brokerUrl: 'mqtts://broker.example:8883',
    });
  });

  it.each([
    [{ id: 'a/b', brokerUrl: 'mqtt://x' }, 'id'],
    [{ id: '#', brokerUrl: 'mqtt://x' }, 'id'],
    [{ id: 'a', brokerUrl: 'http://x' }, 'brokerUrl'],
    [{ id: 'a', brokerUrl: 'mqtt://user:secret@x' }, 'brokerUrl'],
    [{ id: 'a', brokerUrl: 'mqtt://x', brokerUsername: 5 }, 'brokerUsername'],
    [[], 'object'],
  ])('refuses %j', (config, problem) => {
    expect(parseSiteConfig(config)).toEqual(expect.stringContaining(problem));
  });
});

describe('argValue', () => {
  it('reads --name=value switches only', () => {
    expect(argValue(['electron', '.', '--site-config=/etc/vigil/site.json'], 'site-config')).toBe('/etc/vigil/site.json');
    expect(argValue(['electron', '.', '--site-config', 'x'], 'site-config')).toBeUndefined();
  });
});
