import type { Report } from '../report';
import { warnings } from './warnings';

/** `npm run bench -- emergency`: emergency management's figures (issue 16). */
export async function emergency(report: Report): Promise<void> {
  await warnings(report);
}
