import type { Report } from '../report';
import { evidence } from './evidence';
import { warnings } from './warnings';

/** `npm run bench -- emergency`: emergency management's figures (issue 16): warning rules under load, a month's dry run, an incident's evidence package. */
export async function emergency(report: Report): Promise<void> {
  await warnings(report);
  await evidence(report);
}
