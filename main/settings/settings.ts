import type { Settings } from '../contract';
import type { Database } from '../store/database';

export const DEFAULT_SETTINGS: Settings = {
  sessionLockMinutes: 15,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  historyRetentionDays: 180,
};

/** Station settings, kept in the database so every process sees one value. */
export class SettingsStore {
  private cache: Settings;

  constructor(private readonly db: Database) {
    const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
    this.cache = { ...DEFAULT_SETTINGS, ...(stored as Partial<Settings>) };
  }

  get(): Settings {
    return this.cache;
  }

  update(changes: Partial<Settings>): Settings {
    const write = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(changes)) if (value !== undefined) write.run(key, JSON.stringify(value));
    })();
    this.cache = { ...this.cache, ...changes };
    return this.cache;
  }
}
