/* Prints the synthesized JSON of the determinism program (run in a separate node process). */
import { Testing } from 'cdktf';
import { buildProgram } from './program';

process.stdout.write(Testing.synth(buildProgram(Testing.app())));
