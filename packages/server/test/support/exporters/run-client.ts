import { spawn } from 'node:child_process';

/** Runs a command-line client with `input` on stdin; resolves its stdout, rejects with its stderr on failure. */
export function runClient(command: string, args: readonly string[], input: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    // A client that fails early (say, the server is not up yet) closes stdin unread: its exit code tells.
    child.stdin.on('error', () => undefined);
    child.once('exit', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`));
    });
    child.stdin.end(input);
  });
}
