import { ContractError, type Device } from '../contract';

/** Commands with rules of their own: the device kinds they are for and what they need. */
const RULES: Record<string, { kinds: readonly Device['kind'][]; needsReason?: boolean }> = {
  // Opening a door from the control room lets someone in: who asked and why goes to the audit trail.
  'door.open': { kinds: ['door'], needsReason: true },
  'zone.arm': { kinds: ['alarm_input'] },
  'zone.disarm': { kinds: ['alarm_input'], needsReason: true },
  'zone.bypass': { kinds: ['alarm_input'], needsReason: true },
  'zone.unbypass': { kinds: ['alarm_input'] },
  // Energy saving: set states, never toggles, so a repeat does no harm.
  'lighting.switch': { kinds: ['lighting_controller'] },
  'hvac.setpoint': { kinds: ['hvac_controller'] },
  'pump.switch': { kinds: ['pump_controller'] },
};

const MIN_REASON = 2;

/**
 * Refuses a command its device cannot take: the wrong kind of device, no
 * reason where one is required, or the device offline — the command would
 * wait in the outbox until it expired while the officer believed the door open.
 */
export function checkCommand(device: Device, command: string, params: Record<string, string | number | boolean>): void {
  const rule = RULES[command];
  if (!rule) return;
  if (!rule.kinds.includes(device.kind)) throw new ContractError('invalid_input', `${command} is not a command for ${device.name} (${device.kind})`);
  if (rule.needsReason && (typeof params.reason !== 'string' || params.reason.trim().length < MIN_REASON)) {
    throw new ContractError('invalid_input', `${command} needs a reason`);
  }
  if (device.status !== 'online') {
    throw new ContractError('device_offline', `${device.name} is ${device.status}: the command cannot reach it; send someone instead`);
  }
}
