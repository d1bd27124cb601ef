// A worker thread's IndexedDB connection: opened on first use, and again whenever another tab's upgrade closed it.
import { onOutdated, openDatabase, type CxDatabase } from '../storage';

async function openWorkerDatabase(): Promise<CxDatabase> {
  const opened = await openDatabase();
  if (!opened.ok) throw new Error(opened.message);
  // When another tab upgrades the database, this connection closes at once so the upgrade is not blocked; the
  // page learns of it through its own connection and asks the user to reload.
  onOutdated(opened.db, () => undefined);
  return opened.db;
}

/** The thread's connection, shared by everything the thread does; a failed open is tried again on the next call. */
export function workerDatabase(): () => Promise<CxDatabase> {
  let database: Promise<CxDatabase> | null = null;
  return async () => {
    const current = database && (await database.catch(() => null));
    if (current?.isOpen()) return current;
    database = openWorkerDatabase();
    return database;
  };
}
