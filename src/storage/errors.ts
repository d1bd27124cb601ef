// Storage failures in terms the UI can act on, and opening the database safely next to other tabs and app versions.
import Dexie from 'dexie';
import { CxDatabase, DATABASE_VERSION, DEFAULT_DB_NAME } from './db';

export type StorageErrorKind = 'quota' | 'database-newer' | 'closed' | 'unknown';

/** Names browsers and Dexie give a full disk: the standard one, and Firefox's legacy one. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * Maps a failure of a storage call to what the user can do about it. Dexie wraps the browser's DOMException
 * (a quota failure often surfaces as an AbortError of the transaction), so the chain of `inner` and `cause`
 * errors is searched too.
 */
export function classifyStorageError(e: unknown): StorageErrorKind {
  const chain: unknown[] = [];
  for (let current: unknown = e; isObject(current) && chain.length < 8; current = current.inner ?? current.cause) {
    chain.push(current);
  }
  const names = chain.map((err) => (isObject(err) && typeof err.name === 'string' ? err.name : ''));
  if (names.some((n) => QUOTA_NAMES.has(n))) return 'quota';
  if (names.includes(Dexie.errnames.Version)) return 'database-newer';
  if (names.includes(Dexie.errnames.DatabaseClosed)) return 'closed';
  return 'unknown';
}

function isObject(value: unknown): value is { name?: unknown; inner?: unknown; cause?: unknown } {
  return typeof value === 'object' && value !== null;
}

/** A plan or version id that is not (or no longer) in the database. */
export class PlanNotFoundError extends Error {
  override name = 'PlanNotFoundError';
  constructor(readonly planId: string) {
    super(`No plan with id ${planId} is stored.`);
  }
}

/** A stored plan written by a newer app: this app must neither read it as a Plan nor overwrite it. */
export class NewerFormatError extends Error {
  override name = 'NewerFormatError';
  constructor(
    readonly planId: string,
    readonly formatVersion: number,
  ) {
    super(`Plan ${planId} was stored by a newer version of CX Align (format ${formatVersion}).`);
  }
}

export type OpenResult =
  | { ok: true; db: CxDatabase }
  | { ok: false; reason: 'database-newer' | 'unavailable'; message: string };

/**
 * Opens the database, refusing one that a newer app version has already upgraded. Dexie 4 would open such a
 * database at its newer version (and could patch it to fit this app's older schema), so the installed version is
 * read first with a schema-less probe that never changes anything.
 */
export async function openDatabase(name: string = DEFAULT_DB_NAME): Promise<OpenResult> {
  const newer: OpenResult = {
    ok: false,
    reason: 'database-newer',
    message: 'The data in this browser was saved by a newer version of CX Align. Reload to get the newer version.',
  };
  try {
    if ((await installedVersion(name)) > DATABASE_VERSION) return newer;
    const db = new CxDatabase(name);
    await db.open();
    // Another tab may have upgraded the database between the probe and this open.
    if (db.backendDB().version > DATABASE_VERSION * 10) {
      db.close();
      return newer;
    }
    return { ok: true, db };
  } catch (e) {
    if (classifyStorageError(e) === 'database-newer') return newer;
    return {
      ok: false,
      reason: 'unavailable',
      message: `This browser does not let CX Align store data here (${e instanceof Error ? e.message : String(e)}).`,
    };
  }
}

/** The schema version of the database on disk (0 when it does not exist), read without creating or upgrading it. */
async function installedVersion(name: string): Promise<number> {
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno;
  } catch (e) {
    if (isObject(e) && e.name === Dexie.errnames.NoSuchDatabase) return 0;
    throw e;
  } finally {
    probe.close();
  }
}

/**
 * Calls back when another tab wants to upgrade or delete the database. This connection is closed first (without
 * Dexie's automatic reopen) so the other tab is not blocked and this one cannot write data in an outdated shape;
 * the UI then asks the user to reload. Returns a function that removes the hook.
 */
export function onOutdated(db: CxDatabase, callback: () => void): () => void {
  // Returning false stops Dexie's own handler, which runs after this one and would close the connection with
  // auto-reopen enabled: the next write would then silently reopen the upgraded database in the old shape.
  const listener = (): false => {
    db.close();
    callback();
    return false;
  };
  db.on('versionchange', listener);
  return () => db.on('versionchange').unsubscribe(listener);
}
