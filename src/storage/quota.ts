// Asking the browser to keep CX Align's data and reporting how much room is left; both absent in some browsers.

/**
 * Asks for persistent storage so the browser does not evict plans under storage pressure.
 * Returns whether storage is persistent, or null when the browser offers no such API.
 */
export async function requestPersistence(): Promise<boolean | null> {
  const storage = globalThis.navigator?.storage;
  if (typeof storage?.persist !== 'function') return null;
  if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
  return storage.persist();
}

export interface StorageEstimateBytes {
  usage: number;
  quota: number;
}

/** Bytes used and available to this origin, or null when the browser cannot tell. */
export async function estimateStorage(): Promise<StorageEstimateBytes | null> {
  const storage = globalThis.navigator?.storage;
  if (typeof storage?.estimate !== 'function') return null;
  const { usage, quota } = await storage.estimate();
  if (usage === undefined || quota === undefined) return null;
  return { usage, quota };
}
