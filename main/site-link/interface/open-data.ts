import { z } from 'zod';
import { DATA_CLASSES, type DataClass } from '../../contract/classes';
import { DeviceCode } from '../../contract/device-code';
import { OPEN_DATA_KINDS } from '../../contract/open-data';
import { ORDER_PRIORITIES, ORDER_STATES, OrderId } from '../../contract/orders';
import { AlarmStatePayload, DeviceEventPayload, DeviceInfoPayload, MeterReadingsPayload, OrderUpdatePayload, RepairRequestPayload } from './payloads';

/**
 * Rows of open data (数据开放): what an export writes per line and what the
 * outbound feed publishes per message. Every field is taken from the
 * interface field it comes from, so its data class is the one the AsyncAPI
 * document publishes; one source of truth for masking, export and feed.
 */
export { OPEN_DATA_KINDS };
export type OpenDataKind = (typeof OPEN_DATA_KINDS)[number];

export type OpenField = { name: string; schema: z.ZodType; dataClass: DataClass };

/** The class a field names with .meta(), looking through optional, nullable and default wrappers; internal when none. */
export function dataClassOf(field: z.ZodType): DataClass {
  for (let schema: z.ZodType | undefined = field; schema; schema = (schema._zod.def as { innerType?: z.ZodType }).innerType) {
    const named = z.globalRegistry.get(schema)?.['x-data-class'];
    if (typeof named === 'string' && (DATA_CLASSES as readonly string[]).includes(named)) return named as DataClass;
  }
  return 'internal';
}

/** A field as a row carries it: the source's type, null where the store has nothing, with the source's class on the outside too. */
function field(name: string, source: z.ZodType): OpenField {
  const dataClass = dataClassOf(source);
  const inner = unwrap(source);
  return { name, dataClass, schema: inner.nullable().meta({ 'x-data-class': dataClass }) };
}

/** The bare type of an optional or defaulted field: a row states every field it carries, null when unknown. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType };
  return (def.type === 'optional' || def.type === 'default') && def.innerType ? unwrap(def.innerType) : schema;
}

const device = DeviceInfoPayload.shape;
const event = DeviceEventPayload.shape;
const alarm = AlarmStatePayload.shape;
const reading = MeterReadingsPayload.shape.readings.element.shape;
const repair = RepairRequestPayload.shape;

/** Where a device stands, as its registration says: public. */
const place = [field('deviceName', device.name), field('area', device.area), field('building', device.building), field('floor', device.floor)];

export const OPEN_FIELDS: Record<OpenDataKind, OpenField[]> = {
  events: [
    field('id', event.id),
    field('code', alarm.source),
    field('type', event.type),
    field('severity', event.severity),
    field('at', event.ts),
    ...place,
    field('zone', event.zone),
    field('person', event.person),
  ],
  alarms: [
    field('id', alarm.id),
    field('source', alarm.source),
    field('type', alarm.type),
    field('severity', alarm.severity),
    field('state', alarm.state),
    field('raisedAt', alarm.raisedAt),
    field('count', alarm.count),
    ...place,
    field('by', alarm.by),
    field('station', alarm.station),
    field('note', alarm.note),
  ],
  readings: [
    // A meter's register over time: internal (a household meter tells when people are home).
    field('code', DeviceCode),
    field('at', reading.ts),
    field('value', reading.value),
    ...place,
  ],
  orders: [
    field('id', OrderId),
    field('category', repair.category),
    field('priority', z.enum(ORDER_PRIORITIES)),
    field('state', z.enum(ORDER_STATES)),
    field('title', repair.title),
    field('building', repair.building),
    field('createdAt', repair.ts),
    field('completedAt', repair.ts),
    field('assignee', OrderUpdatePayload.shape.by),
    field('resident', OrderUpdatePayload.shape.by),
  ],
};

/** The fields of a kind that go out for the classes chosen, in their fixed order. */
export function fieldsFor(kind: OpenDataKind, classes: readonly DataClass[]): OpenField[] {
  return OPEN_FIELDS[kind].filter((candidate) => classes.includes(candidate.dataClass));
}

/** A row's schema for the classes chosen: every field present (null where unknown), nothing else. */
export function rowSchema(kind: OpenDataKind, classes: readonly DataClass[]) {
  return z.strictObject(Object.fromEntries(fieldsFor(kind, classes).map((entry) => [entry.name, entry.schema])));
}

/**
 * A message of the outbound feed: a row with the fields the station's feed
 * is scoped to; a field outside the scope is absent, so every field is
 * optional here. Personal fields, when in scope, are masked (see
 * main/open-data/feed.ts): the feed never carries them in full.
 */
const feedPayload = (kind: OpenDataKind) =>
  z.strictObject(Object.fromEntries(OPEN_FIELDS[kind].map((entry) => [entry.name, entry.schema.optional().meta({ 'x-data-class': entry.dataClass })])));
export const OpenEventPayload = feedPayload('events');
export const OpenAlarmPayload = feedPayload('alarms');
