/**
 * WPML text → a plain tree, for text fast-xml-parser's XMLValidator has already passed as well-formed.
 * fast-xml-parser's own object builder took four times as long on a 500-waypoint wayline (1.4 MB) and
 * alone broke the import's 100 ms budget; WPML needs far less: elements by local name (namespace prefix
 * dropped), text content, no attributes. A leaf is its trimmed text; an element with children is an
 * object; names in `arrays` are always lists; for any other repeated name the first one is kept.
 */

export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

// one token at a time, anchored (sticky): comment | CDATA | processing instruction | tag | text
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*?)?(\/?)>|([^<]+)/y;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export class XmlShapeError extends Error {}

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, dec: string, hex: string, named: string) =>
    named ? NAMED[named] : String.fromCodePoint(Number.parseInt(dec ?? hex, dec ? 10 : 16)),
  );
}

const localName = (q: string) => {
  const i = q.indexOf(':');
  return i < 0 ? q : q.slice(i + 1);
};

function attach(parent: XmlNode, name: string, value: XmlValue, arrays: ReadonlySet<string>): void {
  if (arrays.has(name)) {
    const list = parent[name];
    if (Array.isArray(list)) list.push(value);
    else parent[name] = [value];
  } else if (!(name in parent)) parent[name] = value;
}

export function readXml(xml: string, arrays: ReadonlySet<string>): XmlNode {
  const root: XmlNode = {};
  const nodes: XmlNode[] = [root];
  const names: string[] = [];
  const children: boolean[] = [];
  let text = '';
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    if (!m) throw new XmlShapeError(`unreadable markup at character ${at}`);
    if (m[5] !== undefined) {
      if (names.length > 0) text += decode(m[5]);
      continue;
    }
    if (m[1] !== undefined) {
      text += m[1];
      continue;
    }
    const qname = m[3];
    if (qname === undefined) continue; // comment or processing instruction
    const parent = nodes[nodes.length - 1];
    if (m[2] === '/') {
      if (names.pop() !== qname) throw new XmlShapeError(`</${qname}> closes another element`);
      const node = nodes.pop()!;
      const hadChildren = children.pop()!;
      attach(nodes[nodes.length - 1], localName(qname), hadChildren ? node : text.trim(), arrays);
      text = '';
    } else if (m[4] === '/') {
      if (names.length === 0) throw new XmlShapeError('an empty root element');
      children[children.length - 1] = true;
      attach(parent, localName(qname), '', arrays);
    } else {
      if (names.length > 0) children[children.length - 1] = true;
      else if (Object.keys(root).length > 0) throw new XmlShapeError('more than one root element');
      nodes.push({});
      names.push(qname);
      children.push(false);
      text = '';
    }
  }
  if (names.length > 0) throw new XmlShapeError(`<${names[names.length - 1]}> is never closed`);
  return root;
}
