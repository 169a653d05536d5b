/**
 * Leaflet with everything local: its CSS and the default marker images are bundled by Vite,
 * so maps work with no internet. Import Leaflet through this file.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';

// Leaflet guesses the image folder from its CSS, which fails once the images are hashed;
// give it the bundled URLs instead.
delete (L.Icon.Default.prototype as unknown as { _getIconUrl?: unknown })._getIconUrl;
L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl });

export { L };
