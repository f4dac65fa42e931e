/** What every command-line script and bench does when run directly rather than imported. */
import { pathToFileURL } from 'node:url';

/**
 * Runs `main` with the arguments when the module at `moduleUrl` is the one node was started with
 * (tests import the same module for its functions); a failure prints and exits 1.
 */
export function runWhenMain(moduleUrl: string, main: (args: string[]) => Promise<void>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
