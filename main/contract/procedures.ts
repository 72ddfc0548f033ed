import type { EventType, Severity } from './classes';

/** A step of a procedure, in both of the station's languages. */
export type ProcedureStep = { zh: string; en: string };

const VERIFY_VIDEO: ProcedureStep = { zh: '查看联动视频，确认现场情况', en: 'Check the linked video and confirm what is happening' };
const DISPATCH: ProcedureStep = { zh: '通知巡逻人员到场处置', en: 'Send the patrol to the scene' };
const RECORD: ProcedureStep = { zh: '记录处置经过和结果', en: 'Record what was done and the outcome' };

/**
 * The standard operating procedure (处置预案) per alarm type: a checklist the
 * officer works through before the alarm may be resolved. Steps are known to
 * every station and window by index, so progress is a bitmask.
 */
export const PROCEDURES: Record<EventType, readonly ProcedureStep[]> = {
  intrusion: [VERIFY_VIDEO, { zh: '确认防区布防状态与入侵位置', en: 'Confirm the zone is armed and where the intrusion is' }, DISPATCH, { zh: '必要时报警（110）', en: 'Call the police (110) if needed' }, RECORD],
  zone_armed: [],
  zone_disarmed: [],
  zone_bypassed: [{ zh: '确认旁路已获授权', en: 'Confirm the bypass was authorised' }, RECORD],
  smoke: [VERIFY_VIDEO, { zh: '派人现场确认烟雾来源', en: 'Have someone confirm the source of the smoke on site' }, { zh: '确认为火情时报警（119）并启动疏散', en: 'If it is a fire, call 119 and start the evacuation' }, RECORD],
  water_leak: [{ zh: '关闭相关区域进水阀', en: 'Close the water supply to the area' }, { zh: '通知物业维修', en: 'Call property maintenance' }, RECORD],
  gas_leak: [{ zh: '远程关闭燃气阀门', en: 'Close the gas valve remotely' }, { zh: '疏散人员，禁止明火和开关电器', en: 'Evacuate; no flames or electrical switches' }, { zh: '通知燃气公司抢修', en: 'Call the gas company' }, RECORD],
  tamper: [VERIFY_VIDEO, DISPATCH, RECORD],
  device_offline: [{ zh: '检查设备供电与网络', en: 'Check the device’s power and network' }, RECORD],
  video_loss: [{ zh: '检查摄像机供电、网络与遮挡', en: 'Check the camera’s power, network and view' }, RECORD],
  door_forced: [VERIFY_VIDEO, DISPATCH, RECORD],
  door_held_open: [VERIFY_VIDEO, { zh: '联系现场人员关门', en: 'Have the door closed' }, RECORD],
  access_granted: [],
  access_denied: [VERIFY_VIDEO, RECORD],
  rule: [{ zh: '核实触发规则的读数或事件（查看联动视频）', en: 'Check the reading or event that set the rule off (and the linked video)' }, DISPATCH, RECORD],
  meter_anomaly: [{ zh: '核对能耗数据与现场用电用水情况', en: 'Compare the readings with use on site' }, RECORD],
};

/** Every step of a type's procedure, as the bitmask of a finished checklist. */
export const allSteps = (type: EventType): number => (1 << PROCEDURES[type].length) - 1;

/** An alarm not acknowledged this long after it was raised goes to the supervisor. */
export const ACK_DEADLINE_SECONDS: Record<Severity, number> = { critical: 60, major: 180, minor: 600, info: 3600 };

/**
 * Repeats of an alarm (same device, same type) within this long of its first
 * occurrence fold into it and count up, so a chattering sensor is one alarm,
 * not hundreds. Anchored at the first occurrence, so every station folds the
 * same events into the same alarm whatever it has done with the alarm.
 */
export const FOLD_WINDOW_MS = 60_000;

/** The recorded clip an alarm offers: from this long before it was raised to this long after. */
export const PRE_ALARM_SECONDS = 15;
export const POST_ALARM_SECONDS = 30;
