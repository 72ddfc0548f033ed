import type { Report } from '../report';
import { noticesBench } from './notices';

/** `npm run bench -- services`: the information services (announcements; repair orders and recommendations add theirs here). */
export async function services(report: Report): Promise<void> {
  await noticesBench(report);
}
