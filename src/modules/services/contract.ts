/** The services module's API as TypeBox schemas (the web imports this file): the catalogue's and the sites'. */
export * from './catalogue/catalogue.contract';
export * from './sites/sites.contract';
