/** A case document (model/documents.ts data) as one printable A4 HTML page. Pure; every text is escaped. */
import type { CaseDocument } from './model';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );
const multiline = (s: string) => esc(s).replace(/\n/g, '<br>');

const STYLE = `
@page { size: A4; margin: 25mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.7; color: #000; margin: 0; }
.page { width: 170mm; margin: 0 auto; }
h1 { font-size: 20pt; text-align: center; letter-spacing: 4pt; margin: 0 0 4mm; }
.no { text-align: right; margin-bottom: 6mm; }
table { width: 100%; border-collapse: collapse; margin: 4mm 0 6mm; }
th, td { border: 1px solid #000; padding: 2mm 3mm; vertical-align: top; text-align: left; }
th { width: 32mm; font-weight: normal; background: #f3f3f3; }
p { text-indent: 2em; margin: 0 0 2mm; }
p.addressee { text-indent: 0; }
.issuer { margin-top: 14mm; text-align: right; }
@media screen { body { background: #eee; } .page { background: #fff; padding: 20mm; margin: 10mm auto; min-height: 297mm; width: 210mm; } }
`;

export function documentHtml(d: CaseDocument): string {
  const rows = d.fields.map((f) => `<tr><th>${esc(f.label.zh)}</th><td>${multiline(f.value)}</td></tr>`).join('\n');
  const lines = d.lines
    .map((l, i) => (i === 0 && l.endsWith('：') ? `<p class="addressee">${esc(l)}</p>` : `<p>${esc(l)}</p>`))
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(d.title.zh)} ${esc(d.number)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
<h1>${esc(d.title.zh)}</h1>
<div class="no">${esc(d.number)}</div>
<table>
${rows}
</table>
${lines}
<div class="issuer">${esc(d.issuer)}<br>${esc(d.issuedDate)}</div>
</div>
</body>
</html>
`;
}
