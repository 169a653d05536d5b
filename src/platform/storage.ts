import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where uploaded files live. The local folder is the default; the interface fits an object store. */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
}

export class LocalStorage implements Storage {
  constructor(private root: string) {}

  private pathOf(key: string): string {
    if (!/^[\w./-]+$/.test(key) || key.includes('..')) throw new Error(`bad storage key ${key}`);
    return join(this.root, key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // write then rename: a crash never leaves a half-written file under the real name
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }
}

export const sha256Hex = (data: Buffer) => createHash('sha256').update(data).digest('hex');
