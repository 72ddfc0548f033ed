import mqtt, { type IClientOptions, type IClientPublishOptions, type MqttClient, type Packet } from 'mqtt';
import type { LinkState } from '../contract';
import type { Logger } from '../logging/logger';
import type { Ingest } from './ingest';
import { anchorFilter, siteFilters, topicOf } from './interface/topics';

export type TlsOptions = {
  /** The site's CA (PEM). When given, only certificates it signed are accepted: the broker is pinned to it. */
  ca?: string;
  /** Client certificate and key (PEM) for brokers that require them. */
  cert?: string;
  key?: string;
};

export type SiteLinkOptions = {
  /** One or more broker URLs (mqtt:// or mqtts://); the link fails over between them in order. */
  brokers: string[];
  site: string;
  /** Stable per station: the broker keeps this station's session (and its queued messages) under it. */
  clientId: string;
  station: string;
  username?: string;
  password?: string;
  tls?: TlsOptions;
  /** 5 for production brokers; the embedded demo broker (aedes) speaks 3.1.1 (4). */
  protocolVersion?: 4 | 5;
  /** How long the broker keeps the session of a station that went away. */
  sessionExpirySeconds?: number;
};

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** Unacknowledged QoS 1 messages the broker may have in flight to a station (MQTT 5 receive maximum). */
export const RECEIVE_MAXIMUM = 500;
const YIELD_EVERY = 250;
/** A slice is also cut at this many bytes: a gateway's buffered day of meter readings is 96 readings a message. */
const YIELD_BYTES = 64 * 1024;

/** How long stopping waits for in-flight messages before it drops the connection. */
const END_GRACE_MS = 2000;

/** Full jitter (AWS architecture blog): spreads the reconnects of many stations after a broker restart. */
export function backoffDelay(attempt: number, random = Math.random): number {
  return Math.round(random() * Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** attempt));
}

type PacketSender = (packet: Packet, cb?: (error?: Error) => void, cbStorePut?: () => void, noStore?: boolean) => void;

/**
 * The station's connection to the site broker: MQTT 5 persistent session
 * (clean start off, session expiry), QoS 1 subscriptions, fail-over across
 * brokers with jittered back-off, and presence with a last will.
 *
 * Lossless receive: every message goes to the ingest, and its PUBACK is held
 * until the ingest has committed the batch it is in. A crash before that
 * leaves the message unacknowledged, so the broker delivers it again and the
 * idempotent store keeps it once.
 */
export class SiteLink {
  private client: MqttClient | null = null;
  private state: LinkState;
  private readonly listeners = new Set<(state: LinkState) => void>();
  private heldAcks: Packet[] = [];
  private send: PacketSender | null = null;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;
  private connections = 0;
  private stopped = false;

  constructor(
    private readonly options: SiteLinkOptions,
    private readonly ingest: Ingest,
    private readonly logger: Logger,
  ) {
    if (!options.brokers.length) throw new Error('site link: at least one broker URL is needed');
    this.state = { state: 'connecting', since: Date.now(), broker: options.brokers[0]! };
    ingest.onCommit(() => this.releaseAcks());
  }

  get linkState(): LinkState {
    return this.state;
  }

  onState(listener: (state: LinkState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    const { options } = this;
    const presenceTopic = topicOf('presence', { site: options.site, station: options.station });
    const servers = options.brokers.map((url) => {
      const parsed = new URL(url);
      return { host: parsed.hostname, port: Number(parsed.port) || (parsed.protocol === 'mqtts:' ? 8883 : 1883), protocol: parsed.protocol.replace(':', '') as 'mqtt' | 'mqtts' };
    });
    const v5 = (options.protocolVersion ?? 5) === 5;
    const clientOptions: IClientOptions = {
      servers,
      // mqtt.js checks TLS options against the top-level protocol before it picks a server.
      ...servers[0]!,
      clientId: options.clientId,
      username: options.username,
      password: options.password,
      protocolVersion: options.protocolVersion ?? 5,
      clean: false,
      // Reconnects are ours, with jitter; mqtt.js's are at a fixed period.
      reconnectPeriod: 0,
      connectTimeout: 10_000,
      keepalive: 30,
      resubscribe: false,
      ...(v5
        ? {
            properties: {
              sessionExpiryInterval: options.sessionExpirySeconds ?? 7 * 24 * 3600,
              // At most this many unacknowledged messages in flight to us: the broker waits for our
              // commits instead of pouring a backlog in at once and stalling the event loop.
              receiveMaximum: RECEIVE_MAXIMUM,
            },
          }
        : {}),
      ...(options.tls ? { ca: options.tls.ca, cert: options.tls.cert, key: options.tls.key, rejectUnauthorized: true } : {}),
      will: { topic: presenceTopic, payload: Buffer.from(JSON.stringify({ online: false, ts: Date.now() })), qos: 1, retain: true },
    };
    const client = mqtt.connect(clientOptions);
    this.client = client;
    this.holdAcks(client);
    client.handleMessage = (packet, done) => {
      this.ingest.push({ topic: packet.topic, payload: packet.payload as Buffer, receivedAt: Date.now() });
      // libuv reads a socket in bursts of up to 2 MB; handling all of it in one go would hold the
      // event loop for hundreds of milliseconds. Past a slice, mqtt.js waits (and the socket with
      // it) until the batch is written and the loop has turned.
      if (this.ingest.pending >= YIELD_EVERY || this.ingest.pendingBytes >= YIELD_BYTES) setImmediate(done);
      else done();
    };
    client.on('connect', (connack) => {
      this.attempt = 0;
      this.connections++;
      // Nagle's algorithm would hold a door command or an acknowledgement until the broker's delayed ACK (~40 ms on
      // Linux) whenever earlier bytes are unacknowledged; mqtt.js leaves it on.
      (client.stream as { setNoDelay?: (noDelay: boolean) => unknown }).setNoDelay?.(true);
      // A session the broker kept still has its subscriptions; a new one needs them. A kept session sends no
      // retained messages, so the audit anchors are subscribed again: the station re-reads every head, its own
      // included. Subscribed before the link counts as online (and the outbox publishes), so the broker sends
      // this station's anchor as it stood before the station publishes a new one.
      client.subscribe(connack.sessionPresent ? [anchorFilter(options.site)] : siteFilters(options.site), { qos: 1 }, (error) => {
        if (error) this.logger.error({ err: error.message }, 'site link: subscribe failed');
      });
      this.setState('online');
      client.publish(presenceTopic, JSON.stringify({ online: true, ts: Date.now() }), { qos: 1, retain: true });
    });
    client.on('close', () => {
      // Acknowledgements held for the old connection can no longer be sent; the broker will redeliver.
      this.heldAcks = [];
      this.setState('offline');
      if (!this.stopped) this.scheduleReconnect();
    });
    client.on('error', (error) => this.logger.warn({ err: error.message, broker: this.currentBroker() }, 'site link error'));
  }

  /** Publishes and resolves once the broker has the message (PUBACK for QoS 1). */
  publish(topic: string, payload: string, options: IClientPublishOptions): Promise<void> {
    const client = this.client;
    if (!client?.connected) return Promise.reject(new Error('site link is offline'));
    // MQTT 3.1.1 brokers (the demo's) have no properties; the payload carries what matters.
    const { properties, ...rest } = options;
    const sent = (this.options.protocolVersion ?? 5) === 5 && properties ? { ...rest, properties } : rest;
    return client.publishAsync(topic, payload, sent).then(() => undefined);
  }

  get connected(): boolean {
    return !!this.client?.connected;
  }

  /** How many times the link has connected: the outbox sends again what an earlier connection left unconfirmed. */
  get connection(): number {
    return this.connections;
  }

  /** Intercepts PUBACKs so they leave only after the ingest commits (see the class comment). */
  private holdAcks(client: MqttClient): void {
    const internal = client as unknown as { _sendPacket: PacketSender };
    const send = internal._sendPacket.bind(client);
    this.send = send;
    internal._sendPacket = (packet, cb, cbStorePut, noStore) => {
      if (packet.cmd !== 'puback') return send(packet, cb, cbStorePut, noStore);
      this.heldAcks.push(packet);
      // Let mqtt.js read the next packet now; the acknowledgement itself waits.
      cb?.();
    };
  }

  private releaseAcks(): void {
    if (!this.heldAcks.length || !this.send || !this.client?.connected) return;
    const acks = this.heldAcks;
    this.heldAcks = [];
    for (const ack of acks) this.send(ack);
  }

  private scheduleReconnect(): void {
    if (this.retry) return;
    const delay = backoffDelay(this.attempt++);
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.stopped) this.client?.reconnect();
    }, delay);
  }

  private currentBroker(): string {
    const options = this.client?.options;
    return options ? `${options.protocol}://${options.host}:${options.port}` : this.options.brokers[0]!;
  }

  private setState(state: LinkState['state']): void {
    const broker = this.currentBroker();
    if (this.state.state === state && this.state.broker === broker) return;
    this.state = { state, since: Date.now(), broker };
    this.logger.info({ link: state, broker }, 'site link state');
    for (const listener of this.listeners) listener(this.state);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (!client) return;
    this.ingest.flush();
    if (client.connected) {
      await client.publishAsync(topicOf('presence', { site: this.options.site, station: this.options.station }), JSON.stringify({ online: false, ts: Date.now() }), { qos: 1, retain: true }).catch(() => undefined);
    }
    // A clean DISCONNECT waits for mqtt.js's in-flight messages, and one caught by an earlier connection's end may
    // never be confirmed: past a moment the connection is dropped instead. The outbox keeps what was not confirmed.
    const inFlight = () => Object.keys(client.outgoing).length > 0;
    if (inFlight()) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          client.off('outgoingEmpty', done);
          resolve();
        };
        const timer = setTimeout(done, END_GRACE_MS);
        client.once('outgoingEmpty', done);
      });
    }
    await client.endAsync(inFlight());
    this.setState('offline');
  }
}
