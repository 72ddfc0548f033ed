import type { Report } from '../report';
import { alarmToVideo } from './alarm-to-video';
import { map } from './map';
import { alarmQuery } from './query';

/** `npm run bench -- alarms`: the alarm center's figures (DESIGN.md §6, issue 6). */
export async function alarms(report: Report): Promise<void> {
  await alarmQuery(report);
  await alarmToVideo(report);
  await map(report);
}
