import mqtt, { type MqttClient } from 'mqtt';
import { randomBytes } from 'node:crypto';
import { EVENT_TYPES, type DeviceStatus, type DoorState, type EventType, type ZoneState } from '../contract';
import { topicOf } from '../site-link/interface/topics';
import { DEMO_RESIDENTS } from './services';
import { dayLoad, demoMeters, demoRate, DemoRegister, historyMessages, readingsMessage, type DemoMeter, type MeterStory } from './meters';
import { AMBIENT_CELSIUS, FIRE_MUTES_AMBIENT_MS } from './fire';
import { DEMO_SITE, demoBuildings, demoDevices, type DemoDevice } from './park';

export type SimulatorOptions = {
  brokerUrl: string;
  site?: string;
  /** Device status changes per second across the park (devices dropping off and coming back). */
  statusChangesPerSecond?: number;
  /** Access events per second across all doors at the busiest hour. */
  doorEventsPerSecond?: number;
  /** Mean seconds between alarm-worthy events (intrusion, smoke, leaks …); 0 for none. */
  alarmEverySeconds?: number;
  /** The ONVIF device service the perimeter cameras announce (one PTZ camera simulator stands in for all of them). */
  onvif?: string;
  /** How often meters report their present values (telemetry). */
  telemetryIntervalMs?: number;
  /** How often smoke detectors report their room's temperature (default once a minute). */
  temperatureIntervalMs?: number;
  /** How often meters report their registers, once `startMeters` is called. */
  readingIntervalMs?: number;
  random?: () => number;
  /** The park's clock; tests move it to night or day. */
  now?: () => number;
};

export type Fault = 'garbage' | 'bad-json' | 'unknown-device' | 'oversized' | 'replay' | 'wrong-site' | 'bad-code';

/** What the panel does with a zone on each command. */
const ZONE_COMMANDS: Record<string, ZoneState> = { 'zone.arm': 'armed', 'zone.disarm': 'disarmed', 'zone.bypass': 'bypassed', 'zone.unbypass': 'armed' };

/** Kinds the demo never takes offline at random. */
const STAY_UP: ReadonlySet<DemoDevice['kind']> = new Set(['gateway', 'door', 'alarm_input', 'lighting_controller', 'hvac_controller', 'pump_controller']);

const PEOPLE = ['张伟', '王芳', '李娜', '刘洋', '陈杰', '杨静', '赵磊', '黄敏', '周涛', '吴丽'];
const ALARMS: { kind: DemoDevice['kind']; type: EventType }[] = [
  { kind: 'alarm_input', type: 'intrusion' },
  { kind: 'smoke_detector', type: 'smoke' },
  { kind: 'water_sensor', type: 'water_leak' },
  { kind: 'gas_detector', type: 'gas_leak' },
  { kind: 'door', type: 'door_forced' },
  { kind: 'ipc', type: 'video_loss' },
];

/** Load shape of a park over a day, by the local hour of `date` (0.2–1). */
export function dayCurve(date: Date): number {
  return dayLoad(date.getHours() + date.getMinutes() / 60);
}

/**
 * Plays the demo park on the site's MQTT interface, as its gateways and
 * devices would: retained registration and state, meter telemetry on a
 * day/night curve, door traffic, occasional alarms, devices going offline —
 * and, for tests, any fault on request.
 */
export class SiteSimulator {
  readonly devices: DemoDevice[];
  private client: MqttClient | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly offline = new Set<string>();
  private readonly doors = new Map<string, DoorState>();
  private readonly zones = new Map<string, ZoneState>();
  private readonly runId = randomBytes(4).toString('hex');
  private sequence = 0;
  private lastEvent: { topic: string; payload: string } | null = null;
  published = { events: 0, telemetry: 0, states: 0, readings: 0 };
  private readonly meters: DemoMeter[];
  /** The story the meters tell: anchored when the park starts, or at the station's first start once `startMeters` says so. */
  private story: MeterStory;

  constructor(private readonly options: SimulatorOptions) {
    this.devices = demoDevices({ onvif: options.onvif });
    this.meters = demoMeters(this.devices);
    this.story = { anchor: this.now() };
  }

  get site(): string {
    return this.options.site ?? DEMO_SITE.id;
  }

  private get random() {
    return this.options.random ?? Math.random;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Each building's edge gateway holds its own connection, with a last will that says it went away. */
  private readonly gateways = new Map<string, MqttClient>();

  private async connectGateway(code: string): Promise<void> {
    const topic = topicOf('gatewayState', { site: this.site, code });
    const gateway = await mqtt.connectAsync(this.options.brokerUrl, {
      clientId: `vigil-gateway-${code}-${this.runId}`,
      protocolVersion: 4,
      reconnectPeriod: 0,
      will: { topic, payload: Buffer.from(JSON.stringify({ online: false, ts: this.now() })), qos: 1, retain: true },
    });
    this.gateways.set(code, gateway);
    await gateway.publishAsync(topic, JSON.stringify({ online: true, ts: this.now() }), { qos: 1, retain: true });
  }

  /**
   * A gateway's link breaks without a goodbye (power cut, cable): the broker
   * sends its last will. After `backAfterMs` it reconnects and republishes
   * the states of its devices.
   */
  async dropGateway(code: string, backAfterMs: number): Promise<void> {
    const gateway = this.gateways.get(code);
    if (!gateway) throw new Error(`${code} is not a gateway of the demo park`);
    gateway.stream.destroy();
    await gateway.endAsync(true);
    this.timers.push(
      setTimeout(() => {
        void this.connectGateway(code).then(() =>
          Promise.all(this.devices.filter((device) => device.info.gateway === code && !this.offline.has(device.code)).map((device) => this.publishState(device.code, 'online'))),
        );
      }, backAfterMs),
    );
  }

  async start(): Promise<void> {
    const client = await mqtt.connectAsync(this.options.brokerUrl, { clientId: `vigil-simulator-${this.runId}`, protocolVersion: 4 });
    this.client = client;
    for (const device of this.devices) if (device.kind === 'gateway') await this.connectGateway(device.code);
    const now = this.now();
    await Promise.all(
      this.devices.flatMap((device) => [
        client.publishAsync(topicOf('deviceInfo', { site: this.site, code: device.code }), JSON.stringify({ ...device.info, ts: now }), { qos: 1, retain: true }),
        this.publishState(device.code, 'online', now),
      ]),
    );
    await Promise.all(demoBuildings().map(({ id, info }) => client.publishAsync(topicOf('buildingInfo', { site: this.site, building: id }), JSON.stringify({ ...info, ts: now }), { qos: 1, retain: true })));
    // Residents' apps publish their profiles, as a resident's phone would.
    await Promise.all(DEMO_RESIDENTS.map(({ id, profile }) => client.publishAsync(topicOf('residentProfile', { site: this.site, resident: id }), JSON.stringify({ ...profile, ts: now }), { qos: 1, retain: true })));
    const every = (ms: number, work: () => unknown) => this.timers.push(setInterval(() => void work(), ms));
    const statusRate = this.options.statusChangesPerSecond ?? 0.5;
    if (statusRate > 0) every(1000 / statusRate, () => this.statusTick());
    every(this.options.telemetryIntervalMs ?? 5000, () => this.telemetryTick());
    void this.temperatureTick();
    every(this.options.temperatureIntervalMs ?? 60_000, () => this.temperatureTick());
    const doorRate = this.options.doorEventsPerSecond ?? 0.5;
    if (doorRate > 0) every(250, () => this.doorTick(doorRate / 4));
    await this.answerCommands();
    const alarmEvery = this.options.alarmEverySeconds ?? 90;
    if (alarmEvery > 0) every(1000, () => this.random() < 1 / alarmEvery && this.raiseAlarm());
  }

  private of(kind: DemoDevice['kind']): DemoDevice[] {
    return this.devices.filter((device) => device.kind === kind && !this.offline.has(device.code));
  }

  private pick<T>(items: T[]): T | undefined {
    return items[Math.floor(this.random() * items.length)];
  }

  private publishState(code: string, status: DeviceStatus, ts = this.now()) {
    this.published.states++;
    // Doors report their door, alarm inputs their zone, with every state.
    const kind = this.devices.find((device) => device.code === code)?.kind;
    const detail = kind === 'door' ? { door: this.doors.get(code) ?? 'closed' } : kind === 'alarm_input' ? { zone: this.zones.get(code) ?? 'armed' } : {};
    return this.client!.publishAsync(topicOf('deviceState', { site: this.site, code }), JSON.stringify({ status, ts, ...detail }), { qos: 1, retain: true });
  }

  /** What a command does to its door or zone once the controller has done it. */
  private apply(code: string, command: string, params: Record<string, unknown>): void {
    const zone = ZONE_COMMANDS[command];
    if (zone) this.zones.set(code, zone);
    else if (command === 'door.open') {
      this.doors.set(code, 'open');
      const seconds = typeof params.seconds === 'number' ? params.seconds : 5;
      this.timers.push(
        setTimeout(() => {
          this.doors.set(code, 'closed');
          void this.publishState(code, 'online');
        }, seconds * 1000),
      );
    } else return;
    void this.publishState(code, 'online');
  }

  /** Publishes one device event and returns its id. */
  publishEvent(code: string, type: EventType, extra: { zone?: string; person?: string; data?: Record<string, string | number | boolean> } = {}): Promise<string> {
    const id = `sim-${this.runId}-${++this.sequence}`;
    const topic = topicOf('deviceEvent', { site: this.site, code });
    const payload = JSON.stringify({ id, type, severity: EVENT_TYPES[type].severity, ts: this.now(), ...extra });
    this.lastEvent = { topic, payload };
    this.published.events++;
    return this.client!.publishAsync(topic, payload, { qos: 1 }).then(() => id);
  }

  /** One random device changes: an online one drops, or an offline one returns (about 3 % offline at a time). */
  private async statusTick(): Promise<void> {
    const returning = this.offline.size > 0 && this.random() < this.offline.size / (this.devices.length * 0.03);
    if (returning) {
      const code = this.pick([...this.offline])!;
      this.offline.delete(code);
      await this.publishState(code, 'online');
      return;
    }
    const device = this.pick(this.devices)!;
    // Doors, zones and the energy-saving controllers stay up: an officer trying the demo's remote open or arming,
    // or a property manager running a schedule's step at once, must not be refused at random.
    if (this.offline.has(device.code) || STAY_UP.has(device.kind)) return;
    this.offline.add(device.code);
    await this.publishState(device.code, this.random() < 0.2 ? 'fault' : 'offline');
  }

  /** Smoke detectors in alarm, and since when: a fire (or its script) reports their room's temperature, not the park. */
  private readonly inAlarm = new Map<string, number>();

  /** Every floor's smoke detectors report the room's temperature, a little warmer by day, once a minute as such detectors do. */
  private async temperatureTick(): Promise<void> {
    const now = this.now();
    const client = this.client!;
    const detectors = this.of('smoke_detector').filter((device) => now - (this.inAlarm.get(device.code) ?? -Infinity) > FIRE_MUTES_AMBIENT_MS);
    this.published.telemetry += detectors.length;
    const ambient = Math.round((AMBIENT_CELSIUS - 2 + 3 * dayCurve(new Date(now))) * 10) / 10;
    await Promise.all(
      detectors.map((device) => client.publishAsync(topicOf('telemetry', { site: this.site, code: device.code }), JSON.stringify({ ts: now, values: { temperature: ambient } }), { qos: 0 })),
    );
  }

  private async telemetryTick(): Promise<void> {
    const now = this.now();
    const client = this.client!;
    await Promise.all(
      this.meters
        .filter((meter) => !this.offline.has(meter.device.code))
        .map((meter) => {
          this.published.telemetry++;
          const rate = Math.round(demoRate(meter, now, this.story) * 100) / 100;
          const values = meter.kind === 'electricity' ? { kw: rate } : { m3h: rate };
          return client.publishAsync(topicOf('telemetry', { site: this.site, code: meter.device.code }), JSON.stringify({ ts: now, values }), { qos: 0 });
        }),
    );
  }

  /**
   * The meters report their registers, telling `story`: first the history
   * from `historyFrom` on, as gateways upload what they buffered (a day of
   * 15-minute readings a message), then a reading every `readingIntervalMs`.
   */
  async startMeters(story: MeterStory, historyFrom?: number): Promise<void> {
    this.story = story;
    const client = this.client!;
    const registers = new Map(this.meters.map((meter) => [meter.device.code, new DemoRegister(meter, story)]));
    const now = this.now();
    if (historyFrom !== undefined) {
      for (const register of registers.values()) {
        const topic = topicOf('meterReadings', { site: this.site, code: register.meter.device.code });
        const sent: Promise<unknown>[] = [];
        // The live readings go on from the register the history left.
        for (const message of historyMessages(register, historyFrom, now)) {
          this.published.readings += message.readings.length;
          sent.push(client.publishAsync(topic, JSON.stringify(message), { qos: 1 }));
        }
        await Promise.all(sent);
      }
    }
    const report = () =>
      Promise.all(
        this.meters
          .filter((meter) => !this.offline.has(meter.device.code))
          .map((meter) => {
            const at = this.now();
            this.published.readings++;
            const message = readingsMessage(meter, [{ ts: at, value: registers.get(meter.device.code)!.at(at) }], demoRate(meter, at, story));
            return client.publishAsync(topicOf('meterReadings', { site: this.site, code: meter.device.code }), JSON.stringify(message), { qos: 1 });
          }),
      );
    await report();
    this.timers.push(setInterval(() => void report(), this.options.readingIntervalMs ?? 60_000));
  }

  private async doorTick(perTick: number): Promise<void> {
    if (this.random() >= perTick * dayCurve(new Date(this.now()))) return;
    const door = this.pick(this.of('door'));
    if (!door) return;
    const denied = this.random() < 0.05;
    const person = `${this.pick(PEOPLE)} · 卡号 ${String(Math.floor(this.random() * 1e8)).padStart(8, '0')}`;
    await this.publishEvent(door.code, denied ? 'access_denied' : 'access_granted', { person });
  }

  /**
   * Devices answer commands as real controllers do: accepted at once, done a
   * moment later, or expired when the command arrives after its expiry.
   */
  private async answerCommands(): Promise<void> {
    const client = this.client!;
    client.on('message', (topic, payload) => {
      const smoke = /^vigil\/v1\/[^/]+\/devices\/(\d{20})\/events$/.exec(topic);
      if (smoke && payload.includes('"smoke"')) this.inAlarm.set(smoke[1]!, this.now());
      const match = /^vigil\/v1\/[^/]+\/devices\/(\d{20})\/commands$/.exec(topic);
      if (!match) return;
      let command: { id?: string; expiresAt?: number; command?: string; params?: Record<string, unknown> };
      try {
        command = JSON.parse(payload.toString()) as typeof command;
      } catch {
        return;
      }
      if (typeof command.id !== 'string') return;
      const ack = (status: string, reason?: string) =>
        client.publish(topicOf('commandAck', { site: this.site, code: match[1]! }), JSON.stringify({ id: command.id, status, ts: this.now(), ...(reason ? { reason } : {}) }), { qos: 1 });
      if ((command.expiresAt ?? 0) <= this.now()) return ack('expired', 'arrived after its expiry');
      ack('accepted');
      this.timers.push(
        setTimeout(() => {
          ack('done');
          if (typeof command.command === 'string') this.apply(match[1]!, command.command, command.params ?? {});
        }, 300),
      );
    });
    await client.subscribeAsync(`vigil/v1/${this.site}/devices/+/commands`, { qos: 1 });
    // Smoke events, whoever publishes them (a scripted fire): the detector is then left to report the fire's temperature.
    await client.subscribeAsync(`vigil/v1/${this.site}/devices/+/events`, { qos: 0 });
  }

  /** Raises one alarm-worthy event somewhere in the park; returns its id and source. */
  async raiseAlarm(type?: EventType): Promise<{ id: string; code: string; type: EventType }> {
    const choices = type ? ALARMS.filter((alarm) => alarm.type === type) : ALARMS;
    for (let tries = 0; tries < 10; tries++) {
      const choice = this.pick(choices)!;
      const device = this.pick(this.of(choice.kind));
      if (!device) continue;
      const id = await this.publishEvent(device.code, choice.type, choice.type === 'intrusion' ? { zone: device.info.floor } : {});
      return { id, code: device.code, type: choice.type };
    }
    throw new Error(`no device online can raise ${type ?? 'an alarm'}`);
  }

  /** Sends one broken message of the given kind, as a faulty or hostile device would. */
  async inject(fault: Fault): Promise<void> {
    const client = this.client!;
    const device = this.devices[0]!;
    const topic = topicOf('deviceEvent', { site: this.site, code: device.code });
    switch (fault) {
      case 'garbage':
        return void (await client.publishAsync(topic, randomBytes(64), { qos: 1 }));
      case 'bad-json':
        return void (await client.publishAsync(topic, '{"id": "sim-broken", "type": ', { qos: 1 }));
      case 'unknown-device':
        return void (await client.publishAsync(topicOf('deviceEvent', { site: this.site, code: '32061201011320999999' }), JSON.stringify({ id: `sim-${this.runId}-x${++this.sequence}`, type: 'tamper', ts: this.now() }), { qos: 1 }));
      case 'oversized':
        return void (await client.publishAsync(topic, Buffer.alloc(70 * 1024, 'x'), { qos: 1 }));
      case 'replay':
        if (!this.lastEvent) await this.publishEvent(device.code, 'tamper');
        return void (await client.publishAsync(this.lastEvent!.topic, this.lastEvent!.payload, { qos: 1 }));
      case 'wrong-site':
        return void (await client.publishAsync(topicOf('deviceEvent', { site: 'elsewhere', code: device.code }), '{}', { qos: 1 }));
      case 'bad-code':
        return void (await client.publishAsync(`vigil/v1/${this.site}/devices/12345/events`, '{}', { qos: 1 }));
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.all([...this.gateways.values()].map((gateway) => gateway.endAsync()));
    await this.client?.endAsync();
  }
}
