/**
 * Prints one plain closing line after jest's own report, e.g. `jest: 412 passed, 0 failed`, so CI
 * logs state how many tests ran whatever reporter reads them.
 */
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}
module.exports = ClosingLineReporter;
