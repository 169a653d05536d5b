import { Type as T } from '@sinclair/typebox';
import type { Http } from '../../platform/http';
import { auditContext } from '../../platform/request-context';
import type { GeographyService } from './service';

const Crs = T.Union([T.Literal('WGS84'), T.Literal('GCJ02'), T.Literal('BD09')]);

export function geographyRoutes(app: Http, geo: GeographyService) {
  const layer = (path: string, l: 'boundary' | 'community' | 'grid', summary: string) =>
    app.get(path, { config: { permission: 'geo.read' }, schema: { tags: ['geography'], summary } }, async () =>
      geo.layer(l),
    );
  layer('/api/geo/boundary', 'boundary', '街道边界 / street boundary (GeoJSON, WGS-84)');
  layer('/api/geo/communities', 'community', '社区 / communities (GeoJSON, WGS-84)');
  layer('/api/geo/grids', 'grid', '网格 / grids (GeoJSON, WGS-84)');

  app.get(
    '/api/geo/places',
    { config: { permission: 'geo.read' }, schema: { tags: ['geography'], summary: '地点 / named places' } },
    async () => geo.places(),
  );

  app.get(
    '/api/geo/lookup',
    {
      config: { permission: 'geo.read' },
      schema: {
        tags: ['geography'],
        summary: '坐标定位社区/网格 / which community and grid a point is in',
        querystring: T.Object(
          { lng: T.Number(), lat: T.Number(), crs: T.Optional(Crs) },
          { additionalProperties: false },
        ),
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
        body: T.Object(
          {
            layer: T.Union([T.Literal('boundary'), T.Literal('communities'), T.Literal('grids'), T.Literal('places')]),
            crs: T.Optional(Crs),
            featureCollection: T.Object({
              type: T.Literal('FeatureCollection'),
              features: T.Array(T.Unknown(), { maxItems: 20000 }),
            }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      geo.importLayer(auditContext(req), req.body.layer, req.body.featureCollection, req.body.crs ?? 'WGS84'),
  );
}
