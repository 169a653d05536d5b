/** Phone photos are large: shrink them before upload (max 1920 px, JPEG), keeping small ones as they are. */

const MAX_SIDE = 1920;
const SHRINK_ABOVE = 1.5 * 1024 * 1024;

export async function shrinkImage(file: File): Promise<{ blob: Blob; name: string }> {
  if (!file.type.startsWith('image/') || file.type === 'image/gif' || file.size <= SHRINK_ABOVE)
    return { blob: file, name: file.name };
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) return { blob: file, name: file.name };
    return { blob, name: file.name.replace(/\.[^.]+$/, '') + '.jpg' };
  } catch {
    // a format the browser cannot decode (e.g. HEIC): send it as it is; the server says if it refuses
    return { blob: file, name: file.name };
  }
}
