/** Fetch a file with the session cookie and offer it as a download (errors come back as ApiError). */
import { fetchBlob } from '../../../../api';

export async function downloadFile(url: string, filename: string): Promise<void> {
  const blob = await fetchBlob(url);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 2000);
}
