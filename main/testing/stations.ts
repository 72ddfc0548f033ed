import { afterAll, beforeAll } from 'vitest';
import type { CoreClient } from '../contract';
import { tempDir } from './harness';
import { startMosquitto, type Broker } from './mosquitto';
import { adminStation, type StationProcess } from './station';

/**
 * Station processes of one site on a real broker, for a test file:
 * mosquitto starts before its tests, and every station started is killed
 * after them. A name keeps its data folder, so a station started again
 * after a kill is the same station, with what it held.
 */
export function stationsOnBroker<Name extends string>(site: string, names: readonly Name[], admin: { username: string; password: string; displayName: string }) {
  let broker: Broker | undefined;
  const dirs = new Map(names.map((name) => [name, tempDir(`vigil-${site}-${name}-`)]));
  const running: StationProcess[] = [];
  beforeAll(async () => {
    broker = await startMosquitto({ autosaveOnChanges: true, autosaveInterval: 1 });
  }, 30_000);
  afterAll(async () => {
    for (const process of running) await process.kill();
    await broker?.close();
  });
  const brokerUrl = () => {
    if (!broker) throw new Error('the broker starts before the tests');
    return broker.url;
  };
  return {
    brokerUrl,
    /** A station's data folder, for a test that changes what it holds while it is stopped. */
    dataDir: (name: Name) => dirs.get(name)!,
    async station(name: Name): Promise<{ process: StationProcess; client: CoreClient }> {
      const started = await adminStation({ dataDir: dirs.get(name)!, broker: brokerUrl(), site, station: `desk-${name}` }, admin);
      running.push(started.process);
      return started;
    },
  };
}
