import { z } from 'zod';

/**
 * 20-digit device codes in the GB/T 28181 layout:
 * 8 centre (6 administrative division + 2 unit) · 2 industry · 3 type ·
 * 1 network · 6 serial. Types 140–199 are the standard's extension range;
 * Vigil uses a few of them for devices the standard does not name.
 */
export const DEVICE_TYPES = {
  '111': 'dvr',
  '112': 'video_server',
  '113': 'encoder',
  '114': 'decoder',
  '117': 'alarm_controller',
  '118': 'nvr',
  '131': 'camera',
  '132': 'ipc',
  '134': 'alarm_input',
  '135': 'alarm_output',
  '140': 'door',
  '141': 'smoke_detector',
  '142': 'water_sensor',
  '143': 'gas_detector',
  '150': 'electricity_meter',
  '151': 'water_meter',
  '152': 'gas_meter',
  '153': 'lighting_controller',
  '154': 'hvac_controller',
  '155': 'pump_controller',
  '209': 'gateway',
} as const;
export type DeviceTypeCode = keyof typeof DEVICE_TYPES;
export type DeviceKind = (typeof DEVICE_TYPES)[DeviceTypeCode];
export const DEVICE_KINDS = Object.values(DEVICE_TYPES) as DeviceKind[];

export type DeviceCodeParts = {
  division: string;
  unit: string;
  industry: string;
  type: DeviceTypeCode;
  network: string;
  serial: string;
};

/** Returns why a code is not valid, or null when it is. */
export function deviceCodeProblem(code: string): string | null {
  if (!/^\d{20}$/.test(code)) return 'must be exactly 20 digits';
  const province = Number(code.slice(0, 2));
  if (province < 11 || province > 82) return `administrative division ${code.slice(0, 6)} is not a Chinese province code`;
  const type = code.slice(10, 13);
  if (!(type in DEVICE_TYPES)) return `type ${type} is not a known device type`;
  return null;
}

export function parseDeviceCode(code: string): DeviceCodeParts {
  const problem = deviceCodeProblem(code);
  if (problem) throw new Error(`device code ${code}: ${problem}`);
  return {
    division: code.slice(0, 6),
    unit: code.slice(6, 8),
    industry: code.slice(8, 10),
    type: code.slice(10, 13) as DeviceTypeCode,
    network: code.slice(13, 14),
    serial: code.slice(14, 20),
  };
}

export function deviceKindOf(code: string): DeviceKind {
  return DEVICE_TYPES[parseDeviceCode(code).type];
}

// The regex carries the shape into the published JSON schema; the refinement adds the reasons.
export const DeviceCode = z.string().regex(/^\d{20}$/, 'device code: must be exactly 20 digits').superRefine((code, ctx) => {
  const problem = deviceCodeProblem(code);
  if (problem) ctx.addIssue({ code: 'custom', message: `device code: ${problem}` });
});
