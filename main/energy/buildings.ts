import type { BuildingInfo } from '../site-link/interface/payloads';
import type { Database } from '../store/database';

export type BuildingFacts = { floorArea: number | null; residents: number | null };

/**
 * Buildings' facts as the site publishes them (retained, by building id):
 * what energy per m² and per resident is counted with. A message no newer
 * than the one held changes nothing, so a redelivered retained copy is harmless.
 */
export class BuildingRegistry {
  private readonly upsert;

  constructor(private readonly db: Database) {
    this.upsert = db.prepare(
      `INSERT INTO buildings (id, name, floor_area, residents, at) VALUES (@id, @name, @floorArea, @residents, @at)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, floor_area = excluded.floor_area, residents = excluded.residents, at = excluded.at
       WHERE excluded.at > buildings.at`,
    );
  }

  /** Whether the message changed what is held. */
  apply(id: string, info: BuildingInfo): boolean {
    return this.upsert.run({ id, name: info.name, floorArea: info.floorArea ?? null, residents: info.residents ?? null, at: info.ts }).changes > 0;
  }

  /** Facts by building name (as devices name their building). */
  byName(): Map<string, BuildingFacts> {
    const rows = this.db.prepare('SELECT name, floor_area AS floorArea, residents FROM buildings ORDER BY at').all() as ({ name: string } & BuildingFacts)[];
    return new Map(rows.map(({ name, ...facts }) => [name, facts]));
  }
}
