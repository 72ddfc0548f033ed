import type { AnomalyThresholds, SitePosition } from '../contract';
import { createCore, type Core } from '../core';
import { seedDemoAccounts } from '../demo/accounts';
import { demoOrders } from '../demo/orders';
import { DemoTechnicianApps } from '../demo/technician-apps';
import { DemoHandhelds } from '../demo/handhelds';
import { DEMO_PLANS, DEMO_RESOURCES } from '../demo/incident-plans';
import { DEMO_SERVICES } from '../demo/services';
import { DEMO_RULES } from '../demo/rules';
import { DEMO_WARNING_RULES } from '../demo/warning-rules';
import { DEMO_TARIFF } from '../demo/tariff';
import { seedServiceHistory } from '../demo/service-history';
import { seedDemoCameraCredentials, startDemoSite, type DemoSite } from '../demo/site';
import { demoStory, startDemoMeters } from '../demo/meter-story';
import { DEMO_ANOMALY_THRESHOLDS } from '../demo/meters';
import { DEMO_READ_AFTER_MS, DEMO_TERMINALS } from '../demo/notice-terminals';
import { TerminalFleet } from '../demo/terminals';
import { DEMO_POSITION, DEMO_SAVING_SCHEDULES, SCHEDULES_SET_UP_BEFORE_MS } from '../demo/saving';
import type { Logger } from '../logging/logger';
import type { TlsOptions } from '../site-link/link';

export type SiteConfig = {
  id: string;
  name: string;
  /** In fail-over order. */
  brokers: string[];
  username?: string;
  password?: string;
  tls?: TlsOptions;
  /** IANA time zone of the site (energy's days and months); Asia/Shanghai when not given. */
  timeZone?: string;
  /** Where the site is, for its lighting schedules' sunrise and sunset; Shanghai when not given. */
  position?: SitePosition;
  /** What counts as an energy anomaly at the site; the defaults when not given. */
  anomalyThresholds?: AnomalyThresholds;
};

export type Station = { core: Core; demoSite: DemoSite | null; siteName: string; stop(): Promise<void> };

/**
 * Starts the core on a real site, or on the built-in demo park when no site
 * is configured. Shared by `vigil serve` and Electron's utilityProcess.
 */
export async function startStation(options: {
  dataDir: string;
  site: SiteConfig | null;
  logger: Logger;
  nativeBinding?: string;
  /** This station's name on the site; the host name when not given. */
  station?: string;
  /** The demo park's broker: embedded (nothing to install), or a mosquitto process (the end-to-end tests). */
  demoBroker?: 'embedded' | 'mosquitto';
  /** The data key from the OS keystore (the desktop app); DATA/secrets.key when not given. */
  secretKey?: Buffer;
}): Promise<Station> {
  const demoSite = options.site ? null : await startDemoSite({ startSimulator: false, broker: options.demoBroker });
  let terminals: TerminalFleet | null = null;
  let stopping = false;
  const siteName = demoSite ? demoSite.site.name : options.site!.name;
  const core = createCore({
    dataDir: options.dataDir,
    logger: options.logger,
    nativeBinding: options.nativeBinding,
    station: options.station,
    secretKey: options.secretKey,
    site: demoSite
      ? { id: demoSite.site.id, name: demoSite.site.name, brokers: [demoSite.brokerUrl], demo: true, protocolVersion: 4, anomalyThresholds: DEMO_ANOMALY_THRESHOLDS, position: DEMO_POSITION }
      : { ...options.site!, demo: false },
  });
  const technicianApps = demoSite ? new DemoTechnicianApps(demoSite.brokerUrl, demoSite.site.id) : null;
  const handhelds = demoSite ? new DemoHandhelds(demoSite.brokerUrl, demoSite.site.id, DEMO_RESOURCES) : null;
  if (demoSite) {
    seedDemoAccounts(core.auth);
    seedDemoCameraCredentials(core.cameras, demoSite.ptz);
    core.rules.seed(DEMO_RULES);
    core.warnings.rules.seed(DEMO_WARNING_RULES);
    const story = demoStory(options.dataDir);
    // The schedules were set up three weeks before the story's day, so the saving page has weeks to estimate against.
    core.savingSchedules.seed(DEMO_SAVING_SCHEDULES, story.story.anchor - SCHEDULES_SET_UP_BEFORE_MS);
    core.tariffs.seed(DEMO_TARIFF);
    core.orders.seed(demoOrders(story.story.anchor));
    core.services.catalogue.seed(DEMO_SERVICES);
    core.incidents.config.plans.seed(DEMO_PLANS);
    core.incidents.config.resources.seed(DEMO_RESOURCES);
    // Weeks of device and link history, so the service figures have trends on a fresh demo.
    seedServiceHistory(core.db, Date.now());
    demoSite.simulator
      .start()
      .then(() => Promise.all([technicianApps!.start(), handhelds!.start()]))
      .then(() =>
        Promise.all([
          startDemoMeters(core, demoSite.simulator, story, options.logger),
          // Residents' apps and screens of the park acknowledge what the station publishes to them.
          TerminalFleet.start({ broker: demoSite.brokerUrl, site: demoSite.site.id, terminals: DEMO_TERMINALS, perConnection: DEMO_TERMINALS.length, readAfterMs: DEMO_READ_AFTER_MS, protocolVersion: 4 }).then(async (fleet) => {
            if (stopping) await fleet.stop();
            else terminals = fleet;
          }),
        ]),
      )
      .catch((error: unknown) => options.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'demo park did not start'));
  }
  return {
    core,
    demoSite,
    siteName,
    async stop() {
      stopping = true;
      await terminals?.stop();
      await core.close();
      await technicianApps?.stop();
      await handhelds?.stop();
      await demoSite?.stop();
    },
  };
}
