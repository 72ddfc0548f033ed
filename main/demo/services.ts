import type { HouseholdType, ServiceCategory, ServiceDraft } from '../contract';
import type { ResidentProfile } from '../site-link/interface/payloads';

type Row = [id: string, zh: string, en: string, category: ServiceCategory, tags: string[], phone: string, building: string | null, distance: number, hours: string, suits: HouseholdType[], description: string];

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];
/** 'HH:MM-HH:MM' every day, 'wd HH:MM-HH:MM' on weekdays, '' by appointment. */
function hoursOf(text: string): ServiceDraft['hours'] {
  if (!text) return [];
  const [days, span] = text.startsWith('wd ') ? [WEEKDAYS, text.slice(3)] : [EVERY_DAY, text];
  const [from, to] = span.split('-') as [string, string];
  return [{ days, from, to }];
}

const C = 'C栋 人才公寓';
const D = 'D栋 食堂';
const A = 'A栋 研发楼';
const B = 'B栋 办公楼';

// prettier-ignore
const ROWS: Row[] = [
  ['market-fresh', '园区生鲜超市', 'Park Fresh Market', 'shop', ['生鲜', '送货上门'], '0513-8551 3001', D, 180, '07:00-22:00', ['family', 'elderly', 'children'], '蔬菜水果、肉禽蛋奶，满 39 元送货上门。'],
  ['convenience-24h', '全家便利店（C栋）', 'FamilyMart (Bldg C)', 'shop', ['24小时', '快递代收'], '0513-8551 3002', C, 320, '00:00-24:00', ['single', 'couple'], '24 小时营业，代收快递、缴费。'],
  ['stationery-a', '科创文具打印', 'Campus Print & Stationery', 'shop', ['打印', '复印'], '0513-8551 3003', A, 90, 'wd 08:30-18:00', ['single'], '打印复印、名片、办公用品。'],
  ['flower-shop', '花间花店', 'Huajian Florist', 'shop', ['鲜花', '送货上门'], '0513-8551 3004', null, 650, '09:00-20:00', ['couple'], '鲜花绿植，园区内免费配送。'],
  ['canteen-d', 'D栋 职工食堂', 'Bldg D Canteen', 'food', ['早餐', '午餐', '晚餐'], '0513-8551 3101', D, 180, '06:30-20:00', ['single', 'couple', 'family'], '三餐供应，园区一卡通可用。'],
  ['noodle-house', '老南通面馆', 'Old Nantong Noodles', 'food', ['早餐', '面食'], '0513-8551 3102', null, 420, '06:00-14:00', ['single', 'elderly'], '本地长鱼面、虾籽馄饨。'],
  ['elder-meals', '长者助餐点', 'Seniors\' Meal Point', 'food', ['助餐', '送餐上门', '低盐'], '0513-8551 3103', C, 320, '10:30-18:30', ['elderly'], '60 岁以上居民助餐优惠，可送餐上门。'],
  ['coffee-b', '晨光咖啡', 'Morning Light Coffee', 'food', ['咖啡', '轻食'], '0513-8551 3104', B, 120, 'wd 07:30-19:00', ['single', 'couple'], '咖啡、轻食沙拉。'],
  ['clinic-community', '社区卫生服务站', 'Community Health Station', 'clinic', ['全科', '慢病随访', '体检'], '0513-8551 3201', C, 320, '08:00-17:30', ['elderly', 'children', 'family'], '全科门诊、慢性病随访、老人体检、儿童疫苗预约。'],
  ['dental-smile', '微笑口腔诊所', 'Smile Dental Clinic', 'clinic', ['口腔', '预约'], '0513-8551 3202', null, 800, '09:00-18:00', ['family', 'children'], '洗牙补牙、儿童涂氟，需预约。'],
  ['tcm-clinic', '仁和中医馆', 'Renhe TCM Clinic', 'clinic', ['中医', '理疗', '推拿'], '0513-8551 3203', null, 950, '08:30-17:00', ['elderly'], '中医问诊、针灸推拿。'],
  ['pharmacy-24h', '国大药房（24小时）', 'Guoda Pharmacy 24h', 'pharmacy', ['24小时', '医保'], '0513-8551 3301', null, 260, '00:00-24:00', ['elderly', 'children', 'family'], '医保刷卡，夜间售药窗口。'],
  ['pharmacy-park', '园区便民药店', 'Park Pharmacy', 'pharmacy', ['医保', '送药上门'], '0513-8551 3302', D, 180, '08:00-21:00', ['elderly'], '常用药、慢病药，可送药上门。'],
  ['housekeeping-aunt-li', '李阿姨家政', 'Aunt Li Housekeeping', 'housekeeping', ['保洁', '上门', '做饭'], '0513-8551 3401', C, 320, '08:00-20:00', ['elderly', 'children', 'family'], '日常保洁、做饭、钟点工，按小时计费。'],
  ['housekeeping-deep', '洁居深度保洁', 'CleanHome Deep Cleaning', 'housekeeping', ['保洁', '开荒', '上门'], '0513-8551 3402', null, 1200, '08:00-18:00', ['family', 'couple'], '开荒保洁、家电清洗。'],
  ['housekeeping-nanny', '贴心月嫂育儿嫂', 'Caring Nannies', 'housekeeping', ['月嫂', '育儿嫂', '上门'], '0513-8551 3403', null, 1500, '', ['children'], '月嫂、育儿嫂，预约面试。'],
  ['elder-daycare', '颐养日间照料中心', 'Yiyang Day Care for Seniors', 'elderly_care', ['日间照料', '康复', '助浴'], '0513-8551 3501', C, 320, 'wd 08:00-17:30', ['elderly'], '日间托老、康复训练、助浴服务。'],
  ['elder-homecare', '安心居家养老服务', 'Anxin Home Care', 'elderly_care', ['上门', '陪诊', '助浴'], '0513-8551 3502', null, 700, '08:00-20:00', ['elderly'], '上门护理、陪同就医、助浴。'],
  ['elder-alarm', '一键呼叫适老化改造', 'Emergency Call Retrofit', 'elderly_care', ['适老化', '紧急呼叫'], '0513-8551 3503', null, 1100, 'wd 09:00-17:00', ['elderly'], '扶手、防滑、紧急呼叫按钮安装。'],
  ['childcare-nursery', '小橡树托育园', 'Little Oak Nursery', 'childcare', ['托育', '3岁以下'], '0513-8551 3601', C, 320, 'wd 07:30-18:00', ['children'], '2–3 岁全日托、半日托。'],
  ['childcare-afterschool', '放学后托管班', 'After-School Club', 'childcare', ['托管', '作业辅导'], '0513-8551 3602', B, 120, 'wd 15:30-19:30', ['children'], '小学生放学接送、作业辅导。'],
  ['childcare-playroom', '亲子活动室', 'Family Playroom', 'childcare', ['亲子', '周末'], '0513-8551 3603', null, 450, '09:00-18:00', ['children', 'family'], '亲子绘本、周末手工课。'],
  ['repair-appliance', '家电维修', 'Appliance Repair', 'repair', ['家电', '空调', '上门'], '0513-8551 3701', null, 600, '08:30-18:30', ['family', 'elderly', 'single'], '空调、冰箱、洗衣机上门维修。'],
  ['repair-locks', '开锁换锁', 'Locksmith', 'repair', ['开锁', '24小时'], '0513-8551 3702', null, 300, '00:00-24:00', ['single', 'couple', 'family'], '公安备案，24 小时开锁换锁。'],
  ['repair-pipes', '水电维修', 'Plumbing & Electrics', 'repair', ['水电', '上门'], '0513-8551 3703', null, 550, '08:00-20:00', ['family', 'elderly'], '水管、电路、灯具维修。'],
  ['laundry-c', '洁衣坊洗衣', 'Jieyi Laundry', 'laundry', ['干洗', '取送'], '0513-8551 3801', C, 320, '08:00-21:00', ['single', 'couple'], '干洗水洗、上门取送。'],
  ['laundry-self', '自助洗衣房', 'Self-Service Laundry', 'laundry', ['自助', '24小时'], '0513-8551 3802', C, 320, '00:00-24:00', ['single'], 'C栋 1 层，扫码使用。'],
  ['gym-park', '园区健身房', 'Park Gym', 'fitness', ['健身', '瑜伽'], '0513-8551 3901', A, 90, '06:00-23:00', ['single', 'couple'], '器械、瑜伽课，园区员工优惠。'],
  ['tai-chi', '晨练太极队', 'Morning Tai Chi', 'fitness', ['太极', '晨练', '免费'], '0513-8551 3902', null, 200, '06:00-08:00', ['elderly'], '每天清晨中心广场，免费参加。'],
  ['swim-kids', '少儿游泳培训', 'Kids\' Swimming Lessons', 'fitness', ['游泳', '少儿'], '0513-8551 3903', null, 1800, '', ['children'], '4–12 岁游泳培训，预约试课。'],
];

/** The demo park's life services: shops, food, clinics, housekeeping, elderly care, childcare and more around 通城科创园. */
export const DEMO_SERVICES: ServiceDraft[] = ROWS.map(([id, zh, en, category, tags, phone, building, distance, hours, suits, description]) => ({
  id,
  name: { zh, en },
  category,
  tags,
  description,
  phone,
  where: { ...(building ? { building } : {}), distance },
  hours: hoursOf(hours),
  suits,
  active: true,
}));

/** Residents of C栋 as the demo's apps describe them (names and numbers invented). */
export const DEMO_RESIDENTS: { id: string; profile: Omit<ResidentProfile, 'ts'> }[] = [
  { id: 'app-c0302', profile: { name: '王秀英', phone: '13912345678', building: C, unit: '3-302', household: 'elderly', interests: ['clinic', 'elderly_care'], consent: true } },
  { id: 'app-c0501', profile: { name: '陈晓峰', phone: '13851234567', building: C, unit: '5-501', household: 'children', interests: ['childcare', 'housekeeping'], consent: true } },
  { id: 'app-c0608', profile: { name: '刘洋', phone: '18762345678', building: C, unit: '6-608', household: 'single', interests: ['food', 'fitness'], consent: true } },
  { id: 'app-c0203', profile: { name: '赵敏', phone: '15996543210', building: C, unit: '2-203', household: 'couple', interests: [], consent: false } },
];
