// Tornado: each uncertain input at the low and the high end of its range with the others at base, sorted by swing.
import { baseInputs, outputIndex, uncertainInputs } from './sensitivityModel';
import type { SensitivityModel } from './sensitivityModel';

export interface TornadoBar {
  key: string;
  label: string;
  low: number;
  high: number;
  /** The output with this input at its low end. */
  outputAtLow: number;
  outputAtHigh: number;
  /** |outputAtHigh − outputAtLow|. */
  swing: number;
}

export interface TornadoResult {
  outputKey: string;
  baseValue: number;
  /** Largest swing first; ties keep input order. */
  bars: TornadoBar[];
}

export interface TornadoOptions {
  outputKey: string;
  /** Inputs to vary (each must have a range); default every uncertain input. */
  inputKeys?: readonly string[];
  /** The base case (a scenario's inputs); default the model's. */
  inputs?: Float64Array;
}

export function tornado(model: SensitivityModel, options: TornadoOptions): TornadoResult {
  const o = outputIndex(model, options.outputKey);
  const varied = uncertainInputs(model, options.inputKeys ?? null);
  const inputs = Float64Array.from(options.inputs ?? baseInputs(model));
  const out = new Float64Array(model.outputs.length);
  model.evaluate(inputs, out);
  const baseValue = out[o] as number;
  const bars: TornadoBar[] = [];
  for (const i of varied) {
    const spec = model.inputs[i];
    if (spec?.distribution == null) continue;
    const saved = inputs[i] as number;
    const { low, high } = spec.distribution;
    inputs[i] = low;
    model.evaluate(inputs, out);
    const outputAtLow = out[o] as number;
    inputs[i] = high;
    model.evaluate(inputs, out);
    const outputAtHigh = out[o] as number;
    inputs[i] = saved;
    bars.push({ key: spec.key, label: spec.label, low, high, outputAtLow, outputAtHigh, swing: Math.abs(outputAtHigh - outputAtLow) });
  }
  bars.sort((a, b) => b.swing - a.swing);
  return { outputKey: options.outputKey, baseValue, bars };
}
