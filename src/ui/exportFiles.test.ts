// Tests of export file helpers: file names every system accepts, and data URLs decoded to the exact bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataUrlToBlob, exportFileName } from './exportFiles';

/** The 8-byte signature every PNG file starts with. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('exportFileName', () => {
  it('adds the extension to a plain name', () => {
    expect(exportFileName('correlation-results', 'csv')).toBe('correlation-results.csv');
    expect(exportFileName('Lag profile NPS', 'png')).toBe('Lag profile NPS.png');
  });

  it('does not double an extension the caller already gave', () => {
    expect(exportFileName('drivers.CSV', 'csv')).toBe('drivers.csv');
    expect(exportFileName('drivers.csv', 'png')).toBe('drivers.csv.png');
  });

  it('replaces characters file systems refuse and keeps letters of any script', () => {
    expect(exportFileName('NPS / CSAT: "conflicts"?', 'csv')).toBe('NPS - CSAT- -conflicts.csv');
    expect(exportFileName('Zufriedenheit (Ø) 顧客', 'png')).toBe('Zufriedenheit (Ø) 顧客.png');
    expect(exportFileName('a\tb\nc', 'csv')).toBe('a-b-c.csv');
  });

  it('falls back to "export" when nothing usable is left', () => {
    expect(exportFileName('', 'csv')).toBe('export.csv');
    expect(exportFileName(' ..//.. ', 'png')).toBe('export.png');
  });

  it('never returns a name with a path separator or control character, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom<'csv' | 'png'>('csv', 'png'), (name, ext) => {
        const fileName = exportFileName(name, ext);
        expect(fileName).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u007f]/);
        expect(fileName.endsWith(`.${ext}`)).toBe(true);
        expect(fileName.length).toBeGreaterThan(ext.length + 1);
      }),
    );
  });
});

describe('dataUrlToBlob', () => {
  it('decodes a base64 PNG data URL to its bytes and media type', async () => {
    const bytes = [...PNG_SIGNATURE, 0, 0, 0, 13];
    const blob = dataUrlToBlob(`data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`);
    expect(blob?.type).toBe('image/png');
    expect([...new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0))]).toEqual(bytes);
  });

  it('decodes a percent-encoded data URL as text', async () => {
    const blob = dataUrlToBlob('data:text/plain;charset=utf-8,caf%C3%A9%20%E2%82%AC');
    expect(blob?.type).toBe('text/plain;charset=utf-8');
    expect(await blob?.text()).toBe('café €');
  });

  it('gives an empty blob for the "data:," an empty canvas returns', () => {
    expect(dataUrlToBlob('data:,')?.size).toBe(0);
  });

  it('returns null for text that is not a data URL or whose payload is malformed', () => {
    expect(dataUrlToBlob('https://example.com/chart.png')).toBeNull();
    expect(dataUrlToBlob('data:image/png;base64,@@@')).toBeNull();
    expect(dataUrlToBlob('data:text/plain,%E0%A4%A')).toBeNull();
  });

  it('gives back any bytes exactly after base64 encoding', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const blob = dataUrlToBlob(`data:application/octet-stream;base64,${btoa(String.fromCharCode(...bytes))}`);
        expect(new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(1))).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });
});
