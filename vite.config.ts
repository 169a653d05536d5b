import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const API = 'http://localhost:8080';

/** Vendor chunks: the shell loads react + antd; leaflet and echarts load only with the pages that use them. */
const vendorGroups: Array<{ name: string; test: RegExp; priority: number }> = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
    priority: 30,
  },
  { name: 'vendor-leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 30 },
  { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
  {
    name: 'vendor-antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@emotion|stylis|classnames|@babel[\\/]runtime)[\\/]/,
    priority: 20,
  },
];

export default defineConfig({
  // 'src/web', resolved from this file so a build from any working directory finds index.html.
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // antd + its rc-components are one ~1 MB chunk shared by every page; warn only beyond that.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    // Anchored patterns: a bare '/api' prefix would also catch our own module /api.ts.
    proxy: {
      '^/api(/|$)': { target: API, changeOrigin: false, ws: true },
      '^/open311(/|$)': { target: API, changeOrigin: false },
    },
  },
});
