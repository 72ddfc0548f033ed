import type { Audience } from '../core/contract';

export type AudienceKind = Audience['kind'];

/** The picker's targets as the contract's audience: units are written "building/unit". */
export function audienceOf(kind: AudienceKind, targets: string[]): Audience {
  switch (kind) {
    case 'site':
      return { kind };
    case 'buildings':
      return { kind, buildings: targets };
    case 'units':
      return { kind, units: targets.map((target) => ({ building: target.split('/')[0]!.trim(), unit: (target.split('/')[1] ?? '').trim() })) };
    case 'signage':
      return { kind, screens: targets };
    default: {
      const unknown: never = kind;
      throw new Error(`unknown audience ${String(unknown)}`);
    }
  }
}

export function targetsOf(audience: Audience): string[] {
  switch (audience.kind) {
    case 'site':
      return [];
    case 'buildings':
      return audience.buildings;
    case 'units':
      return audience.units.map((unit) => `${unit.building}/${unit.unit}`);
    case 'signage':
      return audience.screens;
    default: {
      const unknown: never = audience;
      throw new Error(`unknown audience ${JSON.stringify(unknown)}`);
    }
  }
}
