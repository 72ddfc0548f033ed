import { isSealed, type SecretBox } from '../secrets/secret-box';
import type { Database } from '../store/database';

type Credentials = { username: string; password: string };

/**
 * Camera sign-ins (per camera, or the site's default under scope '*'),
 * sealed in the database: user name and password are stored only as
 * SecretBox values and opened on the way to a stream or a PTZ command.
 */
export class CameraCredentials {
  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
  ) {}

  set(scope: string, { username, password }: Credentials): void {
    this.db
      .prepare('INSERT INTO camera_credentials (scope, username, password, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(scope) DO UPDATE SET username = excluded.username, password = excluded.password, updated_at = excluded.updated_at')
      .run(scope, this.box.seal(username), this.box.seal(password), Date.now());
  }

  /** The camera's own, else the site's default; for the core's own use (streams, PTZ), never for a window. */
  for(camera: string): Credentials | null {
    const row = this.db.prepare("SELECT username, password FROM camera_credentials WHERE scope IN (?, '*') ORDER BY scope = '*' LIMIT 1").get(camera) as Credentials | undefined;
    return row ? { username: this.box.open(row.username), password: this.box.open(row.password) } : null;
  }

  /** Every password held, opened: what a diagnostics bundle is searched for. */
  passwords(): string[] {
    return (this.db.prepare('SELECT password FROM camera_credentials').all() as { password: string }[]).map((row) => this.box.open(row.password));
  }

  /** Seals what an earlier version stored in the clear; the number sealed. */
  sealPlain(): number {
    const rows = this.db.prepare('SELECT scope, username, password FROM camera_credentials').all() as (Credentials & { scope: string })[];
    const plain = rows.filter((row) => !isSealed(row.username) || !isSealed(row.password));
    const update = this.db.prepare('UPDATE camera_credentials SET username = ?, password = ? WHERE scope = ?');
    const seal = (value: string) => (isSealed(value) ? value : this.box.seal(value));
    this.db.transaction(() => plain.forEach((row) => update.run(seal(row.username), seal(row.password), row.scope)))();
    return plain.length;
  }
}
