// `npm start`: builds the app and serves it, printing the address to open.
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const port = process.env.PORT ?? '4173';
const preview = spawn('npx', ['vite', 'preview', '--port', port, '--strictPort'], {
  stdio: 'inherit',
});
console.log(`\nPodlab is ready: open http://localhost:${port}/  (Ctrl-C to stop)\n`);
preview.on('exit', (code) => process.exit(code ?? 0));
