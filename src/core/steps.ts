/**
 * Resumable computations: generators that pause (yield) every so often, so the content script can
 * spread work on a huge page over short tasks while Node and the command line run them in one go.
 */

/** Runs a resumable computation to its end in one go. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
