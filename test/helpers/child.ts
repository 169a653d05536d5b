import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A port nothing listens on right now: bind to 0, read the port, let it go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A child process whose output is collected, with helpers to wait for a line and for the exit. */
export interface Child {
  proc: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout line matching `re` (already printed or still to come). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (signal name if killed) once the process has ended. */
  exited(timeoutMs?: number): Promise<number | string>;
  send(line: string): void;
}

/**
 * Environment for a child: the parent's, minus anything that would point the child at the
 * developer's or CI's services instead of the ones the test chose.
 */
export function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of [
    'DATABASE_URL',
    'MQTT_URL',
    'PORT',
    'MQTT_PORT',
    'DATA_DIR',
    'NODE_ID',
    'JOBS',
    'HOST',
    'LOG_LEVEL',
    'NODE_OPTIONS',
  ])
    delete env[k];
  for (const k of Object.keys(env)) if (k.startsWith('S3_')) delete env[k];
  // the embedded object store on any free port: children running side by side never fight over 9000
  env.S3_PORT = '0';
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export function spawnNode(args: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string }): Child {
  const proc = spawn(process.execPath, args, { cwd: opts.cwd ?? ROOT, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((w) => w());
  proc.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    wake();
  });
  proc.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    wake();
  });
  let exit: number | string | null = null;
  const exitP = new Promise<number | string>((resolve) => {
    proc.once('close', (code, signal) => {
      exit = code ?? signal ?? -1;
      wake();
      resolve(exit);
    });
  });
  const describe = () => `\n--- stdout ---\n${out.slice(-4000)}\n--- stderr ---\n${err.slice(-4000)}`;
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    waitFor(re, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = out.split('\n').find((l) => re.test(l));
          if (line !== undefined) return done(() => resolve(line));
          if (exit !== null)
            return done(() => reject(new Error(`process exited (${exit}) before printing ${re}${describe()}`)));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`no line matching ${re} within ${timeoutMs} ms${describe()}`))),
          timeoutMs,
        );
        const done = (f: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          f();
        };
        waiters.add(check);
        check();
      });
    },
    exited(timeoutMs = 15_000) {
      return Promise.race([
        exitP,
        new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new Error(`process did not exit within ${timeoutMs} ms${describe()}`)),
            timeoutMs,
          ).unref(),
        ),
      ]);
    },
    send(line) {
      proc.stdin.write(line + '\n');
    },
  };
}

/** Kills a child that is still running (test clean-up after a failure). */
export function killIfRunning(c: Child | undefined): void {
  if (c && c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
}
