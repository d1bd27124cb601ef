// One request to a bench worker that answers each message with one reply: { ok: true, …result } or { ok: false, message }.

export type Reply<T> = ({ ok: true } & T) | { ok: false; message: string };

export function ask<T>(worker: Worker, message: unknown, transfer: Transferable[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<Reply<T>>): void => {
      cleanup();
      const reply = event.data;
      if (reply.ok) resolve(reply);
      else reject(new Error(reply.message));
    };
    const onError = (event: ErrorEvent): void => {
      cleanup();
      reject(new Error(`Bench worker failed: ${event.message}`));
    };
    const cleanup = (): void => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage(message, transfer);
  });
}
