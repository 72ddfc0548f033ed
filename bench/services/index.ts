import type { Report } from '../report';
import { noticesBench } from './notices';
import { ordersBench } from './orders';
import { recommendBench } from './recommend';

/** `npm run bench -- services`: the information services, each part's figures in turn. */
export async function services(report: Report): Promise<void> {
  await noticesBench(report);
  await ordersBench(report);
  await recommendBench(report);
}
