// The program named as the generator of reports and annotation stores: this package's name and version. The core
// takes them as an argument, so the engine does not depend on how it is packaged.
import { name, version } from '../../package.json';

export const GENERATOR: { readonly name: string; readonly version: string } = { name, version };
