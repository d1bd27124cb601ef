// Behaviour of the storage-persistence helpers with and without the StorageManager API.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateStorage, requestPersistence } from './quota';

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubStorage(storage: Partial<StorageManager> | undefined): void {
  vi.stubGlobal('navigator', storage === undefined ? {} : { storage });
}

describe('requestPersistence', () => {
  it('returns null where the browser has no storage API', async () => {
    stubStorage(undefined);
    expect(await requestPersistence()).toBeNull();
    vi.stubGlobal('navigator', undefined);
    expect(await requestPersistence()).toBeNull();
  });

  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn(async () => true);
    stubStorage({ persisted: async () => true, persist });
    expect(await requestPersistence()).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it("returns the browser's answer to the request", async () => {
    stubStorage({ persisted: async () => false, persist: async () => false });
    expect(await requestPersistence()).toBe(false);
    stubStorage({ persisted: async () => false, persist: async () => true });
    expect(await requestPersistence()).toBe(true);
  });
});

describe('estimateStorage', () => {
  it('reports usage and quota in bytes', async () => {
    stubStorage({ estimate: async () => ({ usage: 5_242_880, quota: 1_073_741_824 }) });
    expect(await estimateStorage()).toEqual({ usage: 5_242_880, quota: 1_073_741_824 });
  });

  it('returns null when the API or its figures are missing', async () => {
    stubStorage(undefined);
    expect(await estimateStorage()).toBeNull();
    stubStorage({ estimate: async () => ({ usage: 10 }) });
    expect(await estimateStorage()).toBeNull();
  });
});
