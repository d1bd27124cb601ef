// App settings kept in the database (key → plain value), e.g. the plan that was open last.
import type { CxDatabase } from './db';

export async function getSetting(db: CxDatabase, key: string): Promise<unknown> {
  return (await db.settings.get(key))?.value;
}

/** The value must be structured-cloneable plain data. */
export async function putSetting(db: CxDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
