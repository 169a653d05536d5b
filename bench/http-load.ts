/**
 * HTTP load generator, run as its own process so the client's work does not share the server's
 * event loop: POSTs JSON bodies at a fixed concurrency over keep-alive connections, then prints
 * one JSON line with every latency and the elapsed time.
 *
 *   tsx bench/http-load.ts <url> <bodies.json> <concurrency> <warmup> [header:value ...]
 * The first <warmup> bodies are sent (same concurrency) and not measured.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [url, file, concArg, warmArg, ...headerArgs] = process.argv.slice(2);
const bodies: unknown[] = JSON.parse(readFileSync(file, 'utf8'));
const concurrency = Number(concArg);
const warmup = Number(warmArg);
const target = new URL(url);
const extra = Object.fromEntries(headerArgs.map((h) => [h.slice(0, h.indexOf(':')), h.slice(h.indexOf(':') + 1)]));
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function post(body: unknown): Promise<{ status: number; ms: number }> {
  const payload = Buffer.from(JSON.stringify(body));
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length, ...extra },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function run(list: unknown[]) {
  const latencies: number[] = new Array(list.length);
  const statuses: Record<number, number> = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < list.length) {
        const i = next++;
        const r = await post(list[i]);
        latencies[i] = r.ms;
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      }
    }),
  );
  return { latencies, statuses, elapsedMs: performance.now() - t0 };
}

const warm = await run(bodies.slice(0, warmup));
const cpu0 = process.cpuUsage();
const measured = await run(bodies.slice(warmup));
const cpu = process.cpuUsage(cpu0);
agent.destroy();
process.stdout.write(
  JSON.stringify({
    warmup: { statuses: warm.statuses, elapsedMs: warm.elapsedMs },
    ...measured,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
  }) + '\n',
);
