import type { RuleDraft } from '../../main/contract';
import type { Core } from '../../main/core';
import { topicOf } from '../../main/site-link/interface/topics';
import { testCore } from '../../main/testing/harness';
import type { Report } from '../report';

const SITE = 'bench';
const METERS = 2_000;
const SAMPLES = 200_000;
const AREAS = ['北区', '南区', '东区', '西区'];
const meterCode = (i: number) => `320612010115${String(i).padStart(8, '0')}`;

/**
 * A busy site's rules: 100 of them, most on the meters' readings (as energy
 * and safety rules are), some on events, in areas and at times.
 */
function siteRules(): RuleDraft[] {
  return Array.from({ length: 100 }, (_, i) => ({
    id: `bench-${i}`,
    name: `规则 ${i}`,
    enabled: true,
    severity: 'minor',
    condition:
      i < 80
        ? { kind: 'threshold', metric: i % 2 ? 'kw' : 'm3h', op: 'above', value: 95 + (i % 5), forSeconds: (i % 3) * 60 }
        : { kind: 'event', eventType: 'access_granted' },
    scope: { kinds: [], area: i % 5 === 0 ? '' : AREAS[i % 4]!, devices: [] },
    schedule: i % 4 === 0 ? { days: [1, 2, 3, 4, 5, 6, 7], from: '22:00', to: '06:00', timeZone: 'Asia/Shanghai' } : null,
  }));
}

/** Telemetry through the station's ingest (validation, storage, rules), in batches as the event loop writes them. */
function ingestTelemetry(core: Core): number {
  const encoder = new TextEncoder();
  const started = performance.now();
  for (let i = 0; i < SAMPLES; i++) {
    const meter = i % METERS;
    // A reading crosses a limit now and then, so some episodes start, raise and end.
    const value = (i * 7919) % 1000 < 8 ? 120 : 40 + ((i * 31) % 50);
    const payload = encoder.encode(JSON.stringify({ ts: 1_795_000_000_000 + Math.floor(i / METERS) * 10_000, values: { kw: value, m3h: value } }));
    core.ingest.push({ topic: topicOf('telemetry', { site: SITE, code: meterCode(meter) }), payload, receivedAt: Date.now() });
    if (i % 2_000 === 1_999) core.ingest.flush();
  }
  core.ingest.flush();
  return SAMPLES / ((performance.now() - started) / 1000);
}

function station(rules: RuleDraft[]): Core {
  const core = testCore({ site: { id: SITE, name: SITE, brokers: [], demo: false }, checkOutputs: false });
  const encoder = new TextEncoder();
  for (let i = 0; i < METERS; i++) {
    const info = { name: `电表 ${i}`, area: AREAS[i % 4], building: `${i % 20}号楼`, floor: '1F', ts: 1 };
    core.ingest.push({ topic: topicOf('deviceInfo', { site: SITE, code: meterCode(i) }), payload: encoder.encode(JSON.stringify(info)), receivedAt: Date.now() });
  }
  core.ingest.flush();
  for (const rule of rules) core.rules.save(rule, 'bench');
  return core;
}

/**
 * What alarm rules cost the station's ingest: 200 000 meter samples from
 * 2 000 meters, with the site's 100 rules and, as the reference, with none.
 * DESIGN.md §6 asks for 10 000 msg/s of background telemetry.
 */
export async function ruleIngest(report: Report): Promise<void> {
  const results: Record<'none' | 'rules', number> = { none: 0, rules: 0 };
  for (const [name, rules] of [['none', []], ['rules', siteRules()]] as const) {
    const core = station([...rules]);
    results[name] = ingestTelemetry(core);
    if (name === 'rules') {
      const raised = core.db.prepare("SELECT count(*) FROM alarms WHERE type = 'rule'").pluck().get() as number;
      // Rules that never fire would measure nothing.
      if (!raised) throw new Error('the rules raised no alarm');
      report.add('rules_alarms_raised', raised, 'alarms', 'higher');
    }
    await core.close();
  }
  report.add('rules_telemetry_msgs_per_s', results.rules, 'msg/s', 'higher', 10_000);
  report.add('rules_telemetry_reference_msgs_per_s', results.none, 'msg/s', 'higher');
  report.add('rules_over_no_rules_ratio', results.rules / results.none, 'ratio', 'higher');
}
