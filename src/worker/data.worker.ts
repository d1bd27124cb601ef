// The data worker: imports, generates, stores and summarises datasets off the page's thread, exposed to the page with Comlink.
import { expose } from 'comlink';
import { onOutdated, openDatabase, type CxDatabase } from '../storage';
import { createAnalysisApi } from './analysisApi';
import { createImportApi } from './importApi';
import { createSampleApi } from './sampleApi';

async function openWorkerDatabase(): Promise<CxDatabase> {
  const opened = await openDatabase();
  if (!opened.ok) throw new Error(opened.message);
  // When another tab upgrades the database, this connection closes at once so the upgrade is not blocked; the
  // page learns of it through its own connection and asks the user to reload.
  onOutdated(opened.db, () => undefined);
  return opened.db;
}

let database: Promise<CxDatabase> | null = null;
/** One connection shared by both halves of the API, reopened when another tab's upgrade closed it. */
async function db(): Promise<CxDatabase> {
  const current = database && (await database.catch(() => null));
  if (current?.isOpen()) return current;
  database = openWorkerDatabase();
  return database;
}

const api = { ...createImportApi(db), ...createAnalysisApi(db), ...createSampleApi(db) };
expose(api);

export type DataWorkerApi = typeof api;
