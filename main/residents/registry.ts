import { ContractError, HOUSEHOLD_TYPES, ResidentId, type HouseholdType, type ResidentContact, type ResidentView } from '../contract';
import type { ResidentProfile } from '../site-link/interface/payloads';
import type { Database } from '../store/database';
import { maskName, maskPhone } from './mask';

/** A resident in full, personal data included: for the core only, never sent to a window as it is. */
export type Resident = { id: string; name: string; phone: string; unit: string | null; building: string; household: HouseholdType; interests: string[]; consent: boolean; ts: number };

/** What a recommendation may know of a resident: nothing that says who they are. */
export type CoarseContext = { readonly building: string; readonly household: HouseholdType; readonly interests: readonly string[] };

export type ApplyOutcome = { outcome: 'stored' } | { outcome: 'unchanged' } | { outcome: 'refused'; kind: 'replay' | 'schema'; reason: string };

type Row = { id: string; name: string; phone: string; unit: string | null; building: string; household: string; interests: string; consent: number; ts: number };

const toResident = (row: Row): Resident => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  unit: row.unit,
  building: row.building,
  household: (HOUSEHOLD_TYPES as readonly string[]).includes(row.household) ? (row.household as HouseholdType) : 'single',
  interests: JSON.parse(row.interests) as string[],
  consent: row.consent === 1,
  ts: row.ts,
});

/**
 * The site's residents as their apps describe them on residents/{id}/profile
 * (retained; the newer `ts` wins). Repair orders name who reported them by
 * this id; life services recommend from the coarse context alone. Operators
 * see the masked view; the contact is revealed only through an audited call.
 */
export class ResidentRegistry {
  private readonly select;
  private readonly selectAll;
  private readonly upsert;
  private changes = 0;

  constructor(db: Database) {
    this.select = db.prepare<[string], Row>('SELECT * FROM residents WHERE id = ?');
    this.selectAll = db.prepare<[], Row>('SELECT * FROM residents ORDER BY building, id');
    this.upsert = db.prepare(
      `INSERT INTO residents (id, name, phone, unit, building, household, interests, consent, ts) VALUES (@id, @name, @phone, @unit, @building, @household, @interests, @consent, @ts)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, phone = excluded.phone, unit = excluded.unit, building = excluded.building,
         household = excluded.household, interests = excluded.interests, consent = excluded.consent, ts = excluded.ts`,
    );
  }

  /** Grows with every stored profile, so users of the registry know when to look again. */
  get generation(): number {
    return this.changes;
  }

  /**
   * A profile from the resident's app. A newer one replaces what is held; the
   * same one again (a retained message redelivered on reconnect) changes
   * nothing; an older one, or a different one with the same `ts`, is a replay
   * and refused with its reason. Runs inside the ingest's transaction.
   */
  apply(id: string, profile: ResidentProfile): ApplyOutcome {
    const bad = ResidentId.safeParse(id);
    if (!bad.success) return { outcome: 'refused', kind: 'schema', reason: `residentProfile: ${bad.error.issues[0]!.message}` };
    const row = {
      id,
      name: profile.name,
      phone: profile.phone,
      unit: profile.unit ?? null,
      building: profile.building,
      household: profile.household,
      interests: JSON.stringify(profile.interests),
      consent: profile.consent ? 1 : 0,
      ts: profile.ts,
    };
    const held = this.select.get(id);
    if (held) {
      const same = JSON.stringify({ ...held }) === JSON.stringify(row);
      if (same) return { outcome: 'unchanged' };
      if (profile.ts <= held.ts) return { outcome: 'refused', kind: 'replay', reason: `replay: resident ${id} has a profile of ts ${held.ts}; this one is of ts ${profile.ts}` };
    }
    this.upsert.run(row);
    this.changes++;
    return { outcome: 'stored' };
  }

  /** The resident in full, or null: for the core's own use (who reported a repair). */
  get(id: string): Resident | null {
    const row = this.select.get(id);
    return row ? toResident(row) : null;
  }

  /** As operators see them: name and phone masked, no unit. */
  view(id: string): ResidentView {
    return masked(this.require(id));
  }

  list(filter: { building?: string; limit?: number } = {}): ResidentView[] {
    const rows = this.selectAll.all().filter((row) => !filter.building || row.building === filter.building);
    return rows.slice(0, filter.limit ?? 500).map((row) => masked(toResident(row)));
  }

  /** Name, phone and unit in full: only behind a call that needs personal.read and is audited. */
  contact(id: string): ResidentContact {
    const { name, phone, unit } = this.require(id);
    return { name, phone, unit };
  }

  /** What a recommendation may use, and only with the resident's consent; null otherwise. */
  context(id: string): CoarseContext | null {
    const resident = this.get(id);
    if (!resident?.consent) return null;
    return { building: resident.building, household: resident.household, interests: resident.interests };
  }

  ids(): string[] {
    return this.selectAll.all().map((row) => row.id);
  }

  private require(id: string): Resident {
    const resident = this.get(id);
    if (!resident) throw new ContractError('not_found', `no resident ${id}`);
    return resident;
  }
}

function masked(resident: Resident): ResidentView {
  const { id, name, phone, building, household, interests, consent, ts } = resident;
  return { id, name: maskName(name), phone: maskPhone(phone), building, household, interests, consent, updatedAt: ts };
}
