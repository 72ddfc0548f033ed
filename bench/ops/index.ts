import type { Report } from '../report';
import { openDataExport } from './export';
import { serviceFigures } from './figures';

/** `npm run bench -- ops`: operations and data sharing (issue 17): a month's service figures of a 2 000-device site, a million events exported as open data. */
export async function ops(report: Report): Promise<void> {
  await serviceFigures(report);
  await openDataExport(report);
}
