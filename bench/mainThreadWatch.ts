// Watches the page's main thread while something runs: long tasks as Chromium reports them, plus two heartbeats
// (setTimeout and requestAnimationFrame) whose largest gap shows a stall even where long tasks go unreported.

export interface MainThreadReport {
  /** Longest 'longtask' entry in ms; 0 when none was reported (Chromium reports only tasks over 50 ms). */
  longTaskMaxMs: number;
  longTaskCount: number;
  /** False when this browser has no 'longtask' entries: then only the heartbeats tell. */
  longTaskSupported: boolean;
  timeoutMaxGapMs: number;
  /** Null when no animation frame ran (a hidden page gets none). */
  frameMaxGapMs: number | null;
}

export interface MainThreadWatch {
  stop(): Promise<MainThreadReport>;
}

export function watchMainThread(): MainThreadWatch {
  const startedAt = performance.now();
  const longTasks: number[] = [];
  const longTaskSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.startTime >= startedAt) longTasks.push(entry.duration);
  });
  if (longTaskSupported) observer.observe({ type: 'longtask' });

  let running = true;
  let lastTimeout = startedAt;
  let timeoutMaxGapMs = 0;
  const onTimeout = (): void => {
    const now = performance.now();
    timeoutMaxGapMs = Math.max(timeoutMaxGapMs, now - lastTimeout);
    lastTimeout = now;
    if (running) setTimeout(onTimeout, 0);
  };
  setTimeout(onTimeout, 0);

  let lastFrame: number | null = null;
  let frameMaxGapMs: number | null = null;
  const onFrame = (): void => {
    const now = performance.now();
    if (lastFrame !== null) frameMaxGapMs = Math.max(frameMaxGapMs ?? 0, now - lastFrame);
    lastFrame = now;
    if (running) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  return {
    async stop() {
      running = false;
      onTimeout();
      // A long task's entry is queued after the task ends: give the last one a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const entry of observer.takeRecords()) if (entry.startTime >= startedAt) longTasks.push(entry.duration);
      observer.disconnect();
      return {
        longTaskMaxMs: longTasks.reduce((max, d) => Math.max(max, d), 0),
        longTaskCount: longTasks.length,
        longTaskSupported,
        timeoutMaxGapMs,
        frameMaxGapMs,
      };
    },
  };
}
