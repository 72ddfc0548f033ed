import type { Report } from '../report';
import { ordersBench } from './orders';

/** `npm run bench -- services`: the information services' figures (repair orders; announcements and life services add theirs here). */
export async function services(report: Report): Promise<void> {
  await ordersBench(report);
}
