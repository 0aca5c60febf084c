// First step of `npm test`: every system prerequisite of the whole run, checked before the type check and the
// unit tests, so a fresh machine learns everything it lacks at once (or gets it installed, where allowed).
import { codeServerInstalled } from './codeServer';
import { ensureDebianPackages, installPackages, runPackages, unitPackages } from './prerequisites';

function main(): number {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) {
    console.error(`Policy Lens needs Node 20 or later; this is Node ${process.versions.node}.`);
    return 1;
  }
  // The install-time packages matter only while code-server is not yet in its cache.
  const packages = codeServerInstalled() ? [...runPackages, ...unitPackages] : [...runPackages, ...unitPackages, ...installPackages];
  try {
    ensureDebianPackages(packages, (line) => console.log(line));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  return 0;
}

process.exitCode = main();
