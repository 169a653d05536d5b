import { AreaCollection, ImportBody, ImportResult, Located, LookupQuery, PlaceCollection } from './contract';
import type { Http } from '../../platform/http';
import { auditContext } from '../../platform/request-context';
import type { GeographyService } from './service';

export function geographyRoutes(app: Http, geo: GeographyService) {
  const layer = (path: string, l: 'boundary' | 'community' | 'grid', summary: string) =>
    app.get(
      path,
      {
        config: { permission: 'geo.read' },
        schema: { tags: ['geography'], summary, response: { 200: AreaCollection } },
      },
      async () => geo.layer(l),
    );
  layer('/api/geo/boundary', 'boundary', '街道边界 / street boundary (GeoJSON, WGS-84)');
  layer('/api/geo/communities', 'community', '社区 / communities (GeoJSON, WGS-84)');
  layer('/api/geo/grids', 'grid', '网格 / grids (GeoJSON, WGS-84)');

  app.get(
    '/api/geo/places',
    {
      config: { permission: 'geo.read' },
      schema: { tags: ['geography'], summary: '地点 / named places', response: { 200: PlaceCollection } },
    },
    async () => geo.places(),
  );

  app.get(
    '/api/geo/lookup',
    {
      config: { permission: 'geo.read' },
      schema: {
        tags: ['geography'],
        summary: '坐标定位社区/网格 / which community and grid a point is in',
        querystring: LookupQuery,
        response: { 200: Located },
      },
    },
    async (req) => geo.locate(req.query.lng, req.query.lat, req.query.crs ?? 'WGS84'),
  );

  app.post(
    '/api/geo/import',
    {
      config: { permission: 'geo.manage' },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['geography'],
        summary: '导入辖区图层（整层替换）/ replace a layer with a GeoJSON FeatureCollection',
        body: ImportBody,
        response: { 200: ImportResult },
      },
    },
    async (req) =>
      geo.importLayer(auditContext(req), req.body.layer, req.body.featureCollection, req.body.crs ?? 'WGS84'),
  );
}
