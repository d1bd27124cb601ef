import { describe, expect, it } from 'vitest';
import { exportDue } from './exportReminder';

const now = new Date('2026-11-23T12:00:00Z');

describe('export reminder', () => {
  it('is due for a plan edited since an export more than 7 days ago', () => {
    expect(exportDue({ createdAt: '2026-11-01T00:00:00Z', lastExportedAt: '2026-11-15T11:00:00Z', updatedAt: '2026-11-20T00:00:00Z' }, now)).toBe(true);
  });

  it('is not due within 7 days of the last export', () => {
    expect(exportDue({ createdAt: '2026-11-01T00:00:00Z', lastExportedAt: '2026-11-17T00:00:00Z', updatedAt: '2026-11-22T00:00:00Z' }, now)).toBe(false);
  });

  it('is not due when nothing changed since the last export, however long ago', () => {
    expect(exportDue({ createdAt: '2026-01-01T00:00:00Z', lastExportedAt: '2026-02-01T00:00:00Z', updatedAt: '2026-01-31T00:00:00Z' }, now)).toBe(false);
  });

  it('counts from creation for a plan never exported', () => {
    expect(exportDue({ createdAt: '2026-11-10T00:00:00Z', lastExportedAt: null, updatedAt: '2026-11-12T00:00:00Z' }, now)).toBe(true);
    expect(exportDue({ createdAt: '2026-11-20T00:00:00Z', lastExportedAt: null, updatedAt: '2026-11-21T00:00:00Z' }, now)).toBe(false);
  });
});
