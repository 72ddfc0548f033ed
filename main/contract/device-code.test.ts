import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEVICE_TYPES, deviceCodeProblem, parseDeviceCode } from './device-code';

const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const validCode = fc
  .record({
    province: fc.integer({ min: 11, max: 82 }),
    rest: digits(6),
    industry: digits(2),
    type: fc.constantFrom(...Object.keys(DEVICE_TYPES)),
    network: digits(1),
    serial: digits(6),
  })
  .map((p) => `${p.province}${p.rest}${p.industry}${p.type}${p.network}${p.serial}`);

describe('device codes (GB/T 28181 layout)', () => {
  it('split every valid code into its parts and back', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        const parts = parseDeviceCode(code);
        expect(parts.division + parts.unit + parts.industry + parts.type + parts.network + parts.serial).toBe(code);
      }),
    );
  });

  it('give a reason for any string that is not a valid code, and never throw while checking', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const problem = deviceCodeProblem(text);
        if (problem === null) expect(() => parseDeviceCode(text)).not.toThrow();
        else expect(() => parseDeviceCode(text)).toThrow(problem);
      }),
    );
  });

  it('name what is wrong', () => {
    expect(deviceCodeProblem('3206120101132000001')).toBe('must be exactly 20 digits');
    expect(deviceCodeProblem('99061201011320000001')).toMatch(/province/);
    expect(deviceCodeProblem('32061201019990000001')).toBe('type 999 is not a known device type');
    expect(parseDeviceCode('32061201011320000001')).toEqual({ division: '320612', unit: '01', industry: '01', type: '132', network: '0', serial: '000001' });
  });
});
