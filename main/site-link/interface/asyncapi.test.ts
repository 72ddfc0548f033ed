import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATA_CLASSES, EVENT_TYPES, SEVERITIES } from '../../contract';
import { EXAMPLES, buildAsyncApi } from './asyncapi';
import { CHANNELS, type ChannelName } from './topics';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs');
const FILE = path.join(DOCS, 'site-interface.asyncapi.json');
const REGENERATE = 'docs/site-interface.asyncapi.json is out of date: run `npm run asyncapi` and commit the result';
const NAMES = Object.keys(CHANNELS) as ChannelName[];

type Schema = { required?: string[]; properties?: Record<string, Record<string, unknown>> };
type Doc = {
  asyncapi: string;
  info: { version: string; 'x-event-types': { code: number; name: string; severity: string }[] };
  channels: Record<string, { address: string }>;
  components: { messages: Record<string, { payload: Schema; examples: { payload: unknown }[] }> };
};
const built = buildAsyncApi() as Doc;
const payloadOf = (channel: ChannelName) => built.components.messages[channel]!.payload;

/** What the station does on each channel: it receives what the site publishes, sends the rest, and also reads other stations' alarms and presence. */
const ACTIONS: Record<ChannelName, string[]> = {
  deviceInfo: ['receive'],
  buildingInfo: ['receive'],
  deviceState: ['receive'],
  gatewayState: ['receive'],
  telemetry: ['receive'],
  meterReadings: ['receive'],
  deviceEvent: ['receive'],
  command: ['send'],
  commandAck: ['receive'],
  alarm: ['send', 'receive'],
  rule: ['send', 'receive'],
  savingSchedule: ['send', 'receive'],
  presence: ['send', 'receive'],
  tariff: ['send', 'receive'],
  image: ['send', 'receive'],
  order: ['send', 'receive'],
  repairRequest: ['receive'],
  orderUpdate: ['receive'],
  residentProfile: ['receive'],
  residentRecommendations: ['send'],
  service: ['send', 'receive'],
  noticeRecord: ['send', 'receive'],
  notice: ['send'],
  terminalInfo: ['receive'],
  terminalReceipt: ['receive'],
  workspace: ['send', 'receive'],
  incident: ['send', 'receive'],
  plan: ['send', 'receive'],
  resource: ['send', 'receive'],
  resourceDispatch: ['send'],
  resourceReply: ['receive'],
  warning: ['send', 'receive'],
  warningRule: ['send', 'receive'],
  auditAnchor: ['send', 'receive'],
  openEvent: ['send'],
  openAlarm: ['send'],
};

/** Fields that hold personal information; adding one is a decision to review, so it is listed here by hand. */
const PERSONAL: Partial<Record<ChannelName, string[]>> = {
  deviceEvent: ['person'],
  command: ['issuedBy'],
  alarm: ['by'],
  rule: ['updatedBy'],
  savingSchedule: ['updatedBy'],
  presence: ['user'],
  tariff: ['updatedBy'],
  // A repair photo may show a resident or their home.
  image: ['data'],
  repairRequest: ['unit'],
  orderUpdate: ['by'],
  // Contact and flat identify the resident; what is recommended reflects their household.
  residentProfile: ['name', 'phone', 'unit'],
  residentRecommendations: ['items'],
  service: ['updatedBy'],
  noticeRecord: ['history', 'updatedBy'],
  // With the building, a unit locates a household.
  terminalInfo: ['unit'],
  plan: ['updatedBy'],
  resource: ['members', 'updatedBy'],
  resourceDispatch: ['by'],
  resourceReply: ['by'],
  warningRule: ['updatedBy'],
  // Open data: masked whenever the feed's scope holds them.
  openEvent: ['person'],
  openAlarm: ['by'],
};

/**
 * The keys a zod payload requires on the wire, found by behaviour rather
 * than from its JSON schema: a key is required when the example without it
 * is refused. What stations send is described as sent (defaults filled in),
 * so there a key that a default fills in is required as well.
 */
function zodRequired(channel: ChannelName): string[] {
  const example = EXAMPLES[channel] as Record<string, unknown>;
  const schema = CHANNELS[channel].payload;
  return Object.keys(example).filter((key) => {
    const { [key]: _dropped, ...without } = example;
    const parsed = schema.safeParse(without);
    if (!parsed.success) return true;
    return CHANNELS[channel].from === 'station' && key in (parsed.data as object);
  });
}

/** The data class a zod field names with .meta(), looking through optional, default and describe wrappers. */
function zodDataClass(field: z.ZodType): string {
  for (let schema: z.ZodType | undefined = field; schema; ) {
    const dataClass = z.globalRegistry.get(schema)?.['x-data-class'];
    if (typeof dataClass === 'string') return dataClass;
    const def = schema._zod.def as { innerType?: z.ZodType };
    schema = def.innerType;
  }
  return 'internal';
}

/**
 * A copy of a JSON schema without the keywords drop(key) names; the keys
 * of a `properties` map are field names, not keywords, and are all kept.
 */
function withoutKeywords(value: unknown, drop: (key: string) => boolean, fieldNames = false): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutKeywords(item, drop));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => fieldNames || !drop(key))
      .map(([key, item]) => [key, withoutKeywords(item, drop, !fieldNames && key === 'properties')]),
  );
}

/**
 * A validator for the JSON schema in the document. zod's fromJSONSchema fills
 * in `default`, which JSON Schema treats as an annotation only, so defaults
 * are left out: a required key must then really be there.
 */
const validatorOf = (schema: Schema) => z.fromJSONSchema(withoutKeywords(schema, (key) => key === 'default') as z.core.JSONSchema.JSONSchema);

describe('the AsyncAPI document of the site interface', () => {
  it('is committed exactly as the code builds it', () => {
    expect(fs.existsSync(FILE), REGENERATE).toBe(true);
    const committed = fs.readFileSync(FILE, 'utf8');
    expect(JSON.parse(committed), REGENERATE).toEqual(built);
    // Byte for byte as well, so key order and formatting do not drift either.
    expect(committed, REGENERATE).toBe(`${JSON.stringify(built, null, 2)}\n`);
  });

  it('is built the same way twice', () => {
    expect(JSON.stringify(buildAsyncApi())).toBe(JSON.stringify(buildAsyncApi()));
  });

  it('is valid AsyncAPI 3.0 with one channel per topic and the operations of a station', async () => {
    const { document, diagnostics } = await new Parser().parse(built);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error)).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.version()).toBe('3.0.0');
    expect(document!.info().version()).toMatch(/^\d+\.0\.0$/);
    expect(document!.channels().all().map((channel) => channel.id()).sort()).toEqual([...NAMES].sort());

    for (const name of NAMES) {
      const channel = document!.channels().get(name)!;
      expect(channel.address(), name).toBe(CHANNELS[name].pattern);
      expect(channel.parameters().all().map((parameter) => parameter.id()).sort(), name).toEqual([...CHANNELS[name].pattern.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
      const operations = channel.operations().all();
      expect(operations.map((operation) => operation.action()).sort(), name).toEqual([...ACTIONS[name]].sort());
      for (const operation of operations) {
        expect(operation.bindings().get('mqtt')?.value(), `${name} ${operation.action()}`).toMatchObject({ qos: CHANNELS[name].qos, retain: CHANNELS[name].retained });
      }
      const messages = channel.messages().all();
      expect(messages).toHaveLength(1);
      // The parser adds x-parser-* keys of its own to what it read.
      expect(withoutKeywords(messages[0]!.payload()?.json(), (key) => key.startsWith('x-parser-')), name).toEqual(payloadOf(name));
    }
    const sendCommand = document!.operations().get('sendCommand')!;
    expect(sendCommand.reply()?.channel()?.address()).toBe(CHANNELS.commandAck.pattern);
    const command = document!.messages().all().find((message) => message.id() === 'command')!;
    expect(command.bindings().get('mqtt')?.value()).toMatchObject({ responseTopic: CHANNELS.commandAck.pattern, correlationData: { type: 'string' } });
  });

  it('fails validation when it is broken (the check above can fail)', async () => {
    const broken = structuredClone(built) as Doc & { operations: Record<string, { bindings: { mqtt: { qos: number } } }> };
    broken.operations.receiveTelemetry!.bindings.mqtt.qos = 3;
    broken.components.messages.telemetry!.payload.properties!.ts!.type = 'integr';
    const errors = (await new Parser().validate(broken)).filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);
    expect(errors.map((error) => error.path.join('.'))).toEqual(
      expect.arrayContaining(['operations.receiveTelemetry.bindings.mqtt.qos', 'components.messages.telemetry.payload.properties.ts.type']),
    );
  });

  it('publishes the event type code table', () => {
    const codes = built.info['x-event-types'].map((type) => type.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(built.info['x-event-types']).toContainEqual({ code: 1101, name: 'intrusion', severity: 'critical' });
    expect(built.info['x-event-types']).toContainEqual({ code: 2101, name: 'smoke', severity: 'critical' });
  });

  describe.each(NAMES)('channel %s', (name) => {
    const example = EXAMPLES[name] as Record<string, unknown>;
    const schema = payloadOf(name);
    const fromDocument = validatorOf(schema);

    it('has an example that both the zod schema and the JSON schema in the document accept', () => {
      expect(built.components.messages[name]!.examples).toEqual([{ name: `${name}-example`, payload: example }]);
      expect(CHANNELS[name].payload.safeParse(example).error).toBeUndefined();
      expect(fromDocument.safeParse(example).error).toBeUndefined();
      // The example names every field, so that zodRequired sees them all.
      expect(Object.keys(example).sort()).toEqual(Object.keys(schema.properties!).sort());
    });

    it('requires in the document exactly the keys the zod schema requires', () => {
      expect([...(schema.required ?? [])].sort()).toEqual(zodRequired(name).sort());
      for (const key of schema.required ?? []) {
        const { [key]: _dropped, ...without } = example;
        expect(fromDocument.safeParse(without).success, `without ${key}`).toBe(false);
      }
    });

    it('refuses, in both schemas, a field that is not in the interface', () => {
      const extra = { ...example, unexpected: 1 };
      expect(CHANNELS[name].payload.safeParse(extra).success).toBe(false);
      expect(fromDocument.safeParse(extra).success).toBe(false);
    });

    it('gives every field the data class its zod schema names', () => {
      const shape = (CHANNELS[name].payload as unknown as z.ZodObject).shape;
      for (const [key, field] of Object.entries(schema.properties!)) {
        expect(DATA_CLASSES, `${name}.${key}`).toContain(field['x-data-class']);
        expect(field['x-data-class'], `${name}.${key}`).toBe(zodDataClass(shape[key]!));
      }
      const personal = Object.entries(schema.properties!).filter(([, field]) => field['x-data-class'] === 'personal');
      expect(personal.map(([key]) => key).sort()).toEqual(PERSONAL[name] ?? []);
    });
  });

  it('refuses in the document an event of an unknown type, as zod does', () => {
    const event = { ...EXAMPLES.deviceEvent, type: 'earthquake' };
    expect(CHANNELS.deviceEvent.payload.safeParse(event).success).toBe(false);
    expect(validatorOf(payloadOf('deviceEvent')).safeParse(event).success).toBe(false);
  });

  it('has a reader\'s page that lists every topic and the event type table', () => {
    const page = fs.readFileSync(path.join(DOCS, 'site-interface.md'), 'utf8');
    for (const name of NAMES) {
      const { pattern, qos, retained } = CHANNELS[name];
      const row = page.split('\n').find((line) => line.includes(`| \`${pattern}\` |`));
      expect(row, `docs/site-interface.md has no row for ${pattern}`).toBeDefined();
      expect(row, pattern).toContain(`| ${qos} | ${retained ? 'yes' : 'no'} |`);
    }
    for (const [type, { code, severity }] of Object.entries(EVENT_TYPES)) expect(page).toContain(`| ${code} | \`${type}\` | ${severity} |`);
    expect(page).toContain(SEVERITIES.map((severity) => `\`${severity}\``).join(', '));
  });
});
