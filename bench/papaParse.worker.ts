// Bench worker for the baselines: PapaParse's own streaming parse of a Blob (chunks of 4 MB, as the app reads it),
// text only or with dynamicTyping, counting the data rows. Runs in this module worker, not PapaParse's worker:true.
import Papa from 'papaparse';

export interface ParseRequest {
  blob: Blob;
  dynamicTyping: boolean;
  chunkSize: number;
}

export interface ParseReply {
  ok: true;
  /** Data rows: records after the header, the empty record after the final line break not counted. */
  rows: number;
  /** From the call to the completion callback, inside this worker. */
  ms: number;
}

function parse({ blob, dynamicTyping, chunkSize }: ParseRequest): Promise<ParseReply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let records = 0;
    let lastBlank = false;
    // PapaParse's typings accept a File; a File over the Blob shares its bytes.
    Papa.parse<unknown[]>(new File([blob], 'bench.csv'), {
      chunkSize,
      dynamicTyping,
      chunk: (results) => {
        const data = results.data;
        records += data.length;
        const last = data[data.length - 1];
        if (last !== undefined) lastBlank = last.length === 1 && (last[0] === '' || last[0] === null);
      },
      complete: () => resolve({ ok: true, rows: records - 1 - (lastBlank ? 1 : 0), ms: performance.now() - started }),
      error: (error) => reject(error),
    });
  });
}

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  parse(event.data).then(
    (reply) => self.postMessage(reply),
    (error: unknown) => self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
