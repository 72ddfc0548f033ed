import { parseArgs } from 'node:util';
import { verifyEvidence, type EvidenceVerification, type Problem } from './verify';

export const VERIFY_USAGE = `vigil verify FILE [--trust FINGERPRINT] [--json]

Checks an incident's evidence package (证据包) offline, with nothing but the file:
the station's signature over its manifest, every file's SHA-256, each timeline
and audit entry by id, and names what was changed, removed or added.

  --trust FINGERPRINT  the exporting station's key fingerprint (64 hex digits, from its
                       administrator): a package signed by any other key fails
  --json               the result as JSON

Exit status: 0 verified, 1 not verified, 2 usage error.
`;

type Output = { stdout: (text: string) => void; stderr: (text: string) => void };

const HEADINGS: Record<Problem['kind'], string> = {
  corrupt: 'corrupt',
  manifest: 'manifest unreadable',
  signature: 'signature',
  untrusted: 'untrusted key',
  'missing-file': 'removed',
  'changed-file': 'changed',
  'entry-changed': 'entry changed',
  'entry-removed': 'entry removed',
  'entry-added': 'entry added',
  'audit-chain': 'audit chain broken',
  'extra-file': 'added file',
};

/** `vigil verify`: returns the exit status. */
export async function runVerify(argv: string[], out: Output): Promise<number> {
  let values: { trust?: string; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { trust: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (error) {
    out.stderr(`vigil verify: ${error instanceof Error ? error.message : String(error)}\n\n${VERIFY_USAGE}`);
    return 2;
  }
  if (values.help) {
    out.stdout(VERIFY_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    out.stderr(`vigil verify: ${positionals.length ? 'one file at a time' : 'which file?'}\n\n${VERIFY_USAGE}`);
    return 2;
  }
  if (values.trust !== undefined && !/^[0-9a-fA-F]{64}$/.test(values.trust)) {
    out.stderr(`vigil verify: --trust ${values.trust}: a key fingerprint is 64 hex digits (SHA-256)\n`);
    return 2;
  }
  const result = await verifyEvidence(positionals[0]!, { trust: values.trust });
  out.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : describe(result));
  return result.ok ? 0 : 1;
}

/** The result as an officer or a court clerk reads it: what the package is, then every problem by file and entry. */
export function describe(result: EvidenceVerification): string {
  const lines: string[] = [];
  const { summary } = result;
  if (summary) {
    lines.push(`Evidence package of incident ${summary.incident} at ${summary.site}, exported by station ${summary.station} on ${new Date(summary.exportedAt).toISOString()} (Vigil ${summary.vigilVersion})`);
  } else {
    lines.push(`Evidence package ${result.file}`);
  }
  if (result.fingerprint) lines.push(`Signed by key ${result.fingerprint}`);
  if (result.ok) lines.push(`VERIFIED: the signature holds and all ${summary?.files ?? 0} files match the signed manifest.`);
  else {
    lines.push(`NOT VERIFIED: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
    for (const problem of result.problems) {
      const where = [problem.path, problem.id && `entry ${problem.id}`].filter(Boolean).join(' ');
      lines.push(`  ✗ ${HEADINGS[problem.kind]}: ${where ? `${where}: ` : ''}${problem.detail}`);
    }
  }
  if (result.warnings.length) lines.push('Warnings:');
  for (const warning of result.warnings) lines.push(`  ! ${warning.kind === 'missing-media' ? 'missing at export' : 'key not pinned'}: ${warning.path ? `${warning.path}: ` : ''}${warning.detail}`);
  return `${lines.join('\n')}\n`;
}
