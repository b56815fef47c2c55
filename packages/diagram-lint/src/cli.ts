/**
 * `npm run lint:diagram -- <files or globs…> [--format text|json|sarif] [--fix]
 * [--max-warnings N] [--config FILE] [--docs-url URL]`
 *
 * Exit codes (docs/rules/README.md "CLI"): 0 no error finding and warnings within
 * `--max-warnings`; 1 at least one error finding, or more warnings than allowed;
 * 2 a file could not be read as a scene, a glob matched nothing, the config is
 * invalid or the arguments are wrong, with one line per problem on stderr.
 */
import { runCli } from "./cli/run.ts";

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
