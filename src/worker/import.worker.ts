// The import worker: parses, converts and stores CSV files off the page's thread, exposed to the page with Comlink.
import { expose } from 'comlink';
import { onOutdated, openDatabase, type CxDatabase } from '../storage';
import { createImportApi } from './importApi';

async function openWorkerDatabase(): Promise<CxDatabase> {
  const opened = await openDatabase();
  if (!opened.ok) throw new Error(opened.message);
  // When another tab upgrades the database, this connection closes at once so the upgrade is not blocked; the
  // page learns of it through its own connection and asks the user to reload.
  onOutdated(opened.db, () => undefined);
  return opened.db;
}

const api = createImportApi(openWorkerDatabase);
expose(api);

export type ImportWorkerApi = typeof api;
