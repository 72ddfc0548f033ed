import type { Report } from '../report';
import { alarmToVideo } from './alarm-to-video';
import { alarmFilter } from './filter';
import { map } from './map';
import { alarmQuery } from './query';
import { ruleIngest } from './rules';
import { alarmStorm } from './storm';

/** `npm run bench -- alarms`: the alarm center's figures (DESIGN.md §6, issue 6). */
export async function alarms(report: Report): Promise<void> {
  await alarmFilter(report);
  await alarmQuery(report);
  await alarmToVideo(report);
  await map(report);
  await alarmStorm(report);
  await ruleIngest(report);
}
