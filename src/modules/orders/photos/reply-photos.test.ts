import { describe, expect, it } from 'vitest';
import { refusePhotos } from './reply-photos';
import type { StoredFileFacts } from './photos.repo';

const file = (id: string, over: Partial<StoredFileFacts> = {}): StoredFileFacts => ({
  id,
  content_type: 'image/png',
  created_by: 'u1',
  created_at: 0,
  ...over,
});

describe('refusePhotos', () => {
  const files = [
    file('a'),
    file('b'),
    file('pdf', { content_type: 'application/pdf' }),
    file('x', { created_by: 'u2' }),
  ];
  it('accepts own, unattached images (none at all too)', () => {
    expect(refusePhotos(['a', 'b'], files, 'u1', [])).toBeNull();
    expect(refusePhotos([], [], 'u1', [])).toBeNull();
  });
  it('refuses in a fixed order: too many, repeats, unknown or foreign, not images, in use', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `f${i}`);
    expect(
      refusePhotos(
        ten,
        ten.map((id) => file(id)),
        'u1',
        [],
      )?.code,
    ).toBe('too_many_photos');
    expect(refusePhotos(['a', 'a'], files, 'u1', [])?.code).toBe('duplicate_photo');
    expect(refusePhotos(['a', 'nope'], files, 'u1', [])).toMatchObject({ code: 'unknown_attachment', ids: ['nope'] });
    expect(refusePhotos(['x'], files, 'u1', [])).toMatchObject({ code: 'unknown_attachment', ids: ['x'] });
    expect(refusePhotos(['a'], files, null, [])?.code).toBe('unknown_attachment');
    expect(refusePhotos(['a', 'pdf'], files, 'u1', [])).toMatchObject({ code: 'not_an_image', ids: ['pdf'] });
    expect(refusePhotos(['a', 'b'], files, 'u1', ['b'])).toMatchObject({ code: 'attachment_in_use', ids: ['b'] });
  });
});
