// A refusal pointed at one field of a target form, so the message can be shown next to the field it concerns.

/** `field` is a path into the target as stored: "targetValue", "benchmark.source", "cascade.root.children[1].responses". */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A number inside a refusal message: plain digits, with a true minus sign as in the rest of the app's text. */
export function numberInMessage(value: number): string {
  return value < 0 ? `\u2212${String(-value)}` : String(value);
}
