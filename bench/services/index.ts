import type { Report } from '../report';
import { recommendBench } from './recommend';

/** Information services: life-service recommendations (announcements and repair orders add theirs here). */
export async function services(report: Report): Promise<void> {
  await recommendBench(report);
}
