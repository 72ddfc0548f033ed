import type { PlanDraft, PlanStep, ResourceDraft } from '../contract/incidents';

const step = (id: string, title: string, owner: string, minutes: number, startLevel: PlanStep['startLevel']): PlanStep => ({ id, title, owner, minutes, startLevel });

/**
 * The demo park's response plans (应急预案), one per incident type, after
 * the shape of a property company's site plan: what is done first at any
 * level (IV), and what starts only as the incident grows graver.
 */
export const DEMO_PLANS: readonly PlanDraft[] = [
  {
    id: 'fire',
    name: '火灾应急预案',
    steps: [
      step('confirm', '确认火情', '安保巡逻一队', 3, 4),
      step('broadcast', '启动消防广播', 'duty_officer', 2, 3),
      step('evacuate', '疏散楼层人员', '安保巡逻二队', 10, 3),
      step('call-119', '通知119', 'emergency_commander', 5, 3),
      step('exit-doors', '开启疏散通道门禁', 'duty_officer', 2, 3),
      step('cut-power', '切断非消防电源', '工程抢修组', 10, 2),
      step('headcount', '清点人数', '安保巡逻二队', 20, 2),
      step('meet-brigade', '引导消防车进场', '安保巡逻一队', 15, 1),
    ],
  },
  {
    id: 'flood',
    name: '水浸与内涝应急预案',
    steps: [
      step('confirm', '确认漏水点与水位', '工程抢修组', 10, 4),
      step('close-valve', '关闭相关阀门', '工程抢修组', 15, 4),
      step('pumps', '启动排水泵', '工程抢修组', 15, 3),
      step('sandbags', '地库入口设置挡水板', '安保巡逻一队', 20, 3),
      step('cut-power', '切断受淹区域电源', '工程抢修组', 10, 2),
      step('move-cars', '通知业主挪车', 'duty_officer', 30, 2),
    ],
  },
  {
    id: 'gas',
    name: '燃气泄漏应急预案',
    steps: [
      step('confirm', '现场确认泄漏', '安保巡逻一队', 5, 4),
      step('shut-valve', '关闭燃气总阀', '工程抢修组', 5, 4),
      step('no-sparks', '禁止明火与开关电器', '安保巡逻一队', 5, 3),
      step('evacuate', '疏散周边人员', '安保巡逻二队', 10, 3),
      step('call-utility', '通知燃气公司', 'duty_officer', 10, 3),
      step('call-119', '通知119', 'emergency_commander', 5, 2),
    ],
  },
  {
    id: 'intrusion',
    name: '非法入侵应急预案',
    steps: [
      step('video', '调取现场视频确认', 'duty_officer', 2, 4),
      step('patrol', '派巡逻队到场', '安保巡逻一队', 5, 4),
      step('lock-doors', '封闭相关出入口', 'duty_officer', 5, 3),
      step('call-110', '通知110', 'emergency_commander', 5, 2),
      step('evidence', '保全录像证据', 'duty_officer', 30, 3),
    ],
  },
  {
    id: 'medical',
    name: '人员急救应急预案',
    steps: [
      step('aed', '携带AED赶赴现场', '医疗救护组', 4, 4),
      step('call-120', '拨打120', 'duty_officer', 2, 4),
      step('guide', '引导救护车进场', '安保巡逻一队', 10, 3),
      step('clear-lift', '预留电梯', '工程抢修组', 5, 3),
      step('family', '联系家属', 'duty_officer', 30, 3),
    ],
  },
  {
    id: 'power',
    name: '停电应急预案',
    steps: [
      step('scope', '确认停电范围', '工程抢修组', 10, 4),
      step('lifts', '检查电梯困人', '工程抢修组', 5, 4),
      step('generator', '启动备用发电机', '工程抢修组', 15, 3),
      step('notify', '通知业主与供电公司', 'duty_officer', 15, 3),
      step('patrol', '加强公共区域巡逻', '安保巡逻二队', 20, 2),
    ],
  },
];

/** The demo park's dispatchable teams, vehicles and equipment, and the people whose handhelds answer for each. */
export const DEMO_RESOURCES: readonly ResourceDraft[] = [
  { id: 'fire-team', name: '消防应急队', kind: 'team', members: ['zhougang', 'wuhao'] },
  { id: 'patrol-1', name: '安保巡逻一队', kind: 'team', members: ['chenliang', 'huangjun'] },
  { id: 'patrol-2', name: '安保巡逻二队', kind: 'team', members: ['linfeng', 'xumin'] },
  { id: 'repair-crew', name: '工程抢修组', kind: 'team', members: ['wangwu', 'sunli'] },
  { id: 'medical-team', name: '医疗救护组', kind: 'team', members: ['heyan'] },
  { id: 'patrol-car', name: '巡逻车 苏A·D7321', kind: 'vehicle', members: ['chenliang'] },
  { id: 'aed-1', name: 'AED 除颤仪（A栋大堂）', kind: 'equipment', members: ['heyan'] },
];
