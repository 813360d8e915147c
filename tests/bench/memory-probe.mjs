// Loaded into a server by the share-image bench (NODE_OPTIONS=--import=…): on SIGUSR2 it runs a
// full garbage collection and prints the process's memory as one line, so the bench can tell
// what the server retains from garbage not yet collected, and the JavaScript heap from native
// memory (RSS minus heap: libvips, WebAssembly, malloc's arenas).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

process.on('SIGUSR2', () => {
  gc();
  console.log(`memory-probe ${JSON.stringify(process.memoryUsage())}`);
});
