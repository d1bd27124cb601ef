// Node side of `npm run bench -- --profile`: records a V8 CPU profile of a page's worker through the Chrome DevTools
// Protocol while one action runs, and sums its self time per function, to show where an import spends its time.

/**
 * Attaches to the running worker whose CDP target info `isTarget` accepts (`title` is the worker's name option),
 * starts the sampling profiler, awaits `action`, and returns the action's result with the profile (a .cpuprofile
 * object, loadable in DevTools' Performance panel).
 */
export async function profileWorker(context, page, isTarget, action) {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'worker' && isTarget(t));
    if (target === undefined) throw new Error('The worker to profile is not running.');
    // Playwright's CDP sessions cannot address a child session, so messages go through Target.sendMessageToTarget.
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    let lastId = 0;
    const waiting = new Map();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message);
      const settle = waiting.get(message.id);
      if (settle === undefined) return;
      waiting.delete(message.id);
      settle(message);
    });
    const send = async (method, params = {}) => {
      const id = ++lastId;
      const answer = new Promise((resolve) => waiting.set(id, resolve));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      const message = await answer;
      if (message.error) throw new Error(`${method}: ${message.error.message}`);
      return message.result;
    };
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 250 });
    await send('Profiler.start');
    const result = await action();
    const { profile } = await send('Profiler.stop');
    await cdp.send('Target.detachFromTarget', { sessionId });
    return { result, profile };
  } finally {
    await cdp.detach();
  }
}

/** Self time per function (name, file, line), largest first, in ms and as a share of the sampled time. */
export function selfTimes(profile, top = 15) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map();
  let total = 0;
  profile.samples.forEach((nodeId, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = nodes.get(nodeId).callFrame;
    const file = url.split('/').pop() || '';
    const key = file === '' ? functionName : `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    total += micros;
  });
  return [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, micros]) => ({ function: fn, self_ms: Number((micros / 1000).toFixed(1)), share: Number((micros / total).toFixed(3)) }));
}
