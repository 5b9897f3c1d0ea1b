/** Runs a resumable computation (see src/core/steps.ts) to its end, counting how often it paused. */
export function drainSteps<T>(steps: Generator<void, T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, pauses };
    pauses++;
  }
}
