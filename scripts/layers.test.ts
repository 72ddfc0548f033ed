import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules in .dependency-cruiser.cjs, tested by planting one file
 * that breaks each rule and checking dependency-cruiser names the rule.
 */
const PROBES: Record<string, { file: string; source: string }> = {
  'windows-see-only-the-contract': { file: 'renderer/zz-layer-probe.ts', source: "export { createCore } from '../main/core';" },
  'core-never-imports-electron': { file: 'main/zz-layer-probe.ts', source: "export { app } from 'electron';" },
  'core-stands-alone': { file: 'main/zz-layer-probe-ui.ts', source: "export * from '../preload/zz-layer-probe';" },
  'contract-is-pure': { file: 'main/contract/zz-layer-probe.ts', source: "export { createHash } from 'node:crypto';" },
  'shell-holds-no-product-logic': { file: 'electron/zz-layer-probe.ts', source: "export { AuditTrail } from '../main/audit/trail';" },
};
const HELPER = { file: 'preload/zz-layer-probe.ts', source: 'export const probe = 1;' };
const ALLOWED = { file: 'renderer/zz-layer-probe-allowed.ts', source: "export { calls } from '../main/contract';" };

type Violation = { rule: { name: string }; from: string; to: string };
let violations: Violation[] = [];

beforeAll(() => {
  for (const probe of [...Object.values(PROBES), HELPER, ALLOWED]) fs.writeFileSync(probe.file, `${probe.source}\n`);
  const files = [...Object.values(PROBES), HELPER, ALLOWED].map((probe) => probe.file);
  let output: string;
  try {
    output = execFileSync('npx', ['depcruise', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...files], { encoding: 'utf8' });
  } catch (error) {
    // depcruise exits non-zero when it finds violations, which is what these probes are for.
    output = (error as { stdout: string }).stdout;
  }
  violations = (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
}, 60_000);

afterAll(() => {
  for (const probe of [...Object.values(PROBES), HELPER, ALLOWED]) fs.rmSync(probe.file, { force: true });
});

describe('layer rules', () => {
  it.each(Object.entries(PROBES))('%s refuses the import it exists to refuse', (rule, probe) => {
    expect(violations.filter((violation) => violation.rule.name === rule).map((violation) => path.normalize(violation.from))).toContain(path.normalize(probe.file));
  });

  it('lets a window import the contract', () => {
    expect(violations.map((violation) => violation.from)).toContain(PROBES['windows-see-only-the-contract']!.file);
    expect(violations.filter((violation) => violation.from === ALLOWED.file)).toEqual([]);
  });
});
