/** Ends a jest run with one plain line, `jest: N passed, N failed, N skipped`, for CI logs. */
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const skipped = numPendingTests + numTodoTests;
    process.stdout.write(`jest: ${numPassedTests} passed, ${numFailedTests} failed, ${skipped} skipped\n`);
  }
}
