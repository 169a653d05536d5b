/**
 * The text of a demo request: a template of its category (demo-texts.ts), dressed as the channel
 * would carry it — the hotline agent's opening, the inspector's patrol note, a drone's or
 * camera's detection — with a closing that fits the request type and, now and then, a second
 * matter the caller mentions on the side.
 */
import type { CategoryLeaf } from '../categories/categories-seed';
import { pick, type Rand } from './demo-random';
import type { DemoChannel, DemoUrgency } from './request-kinds';
import type { DemoTextSet } from './demo-text-set';
import { DEMO_TEXTS as TEXTS } from './demo-texts';
import { expandTemplate, RIVERS, type Place } from './request-places';

const HOTLINE_OPENING = ['市民来电反映：', '来电人反映：', '市民来电称：', '来电反映：', '市民来电：'];
const HOTLINE_OPENING_ASK = ['市民来电咨询：', '来电人咨询：', '市民来电询问：'];
const ONLINE_OPENING = ['', '', '你好，', '您好，', '我是{estate}的居民，', '我住在{community}，', '反映一个问题：'];
const CLOSING: Record<CategoryLeaf['requestType'], string[]> = {
  complaint: ['', '请相关部门核实处理。', '希望尽快解决。', '要求处理并回复。', '已多次反映未果，请督办。'],
  report: ['', '请依法查处。', '请相关部门核实处理。', '希望尽快处理。'],
  help: ['', '请尽快处理。', '请派人来看看。', '希望尽快解决。'],
  consultation: ['', '请予以解答。', '请告知。', '麻烦回复一下。'],
  suggestion: ['', '请相关部门研究采纳。', '望采纳。'],
  praise: ['', '请转达谢意。', '特此表扬。'],
};

/** The request's text and the id of the template it came from. */
export function composeText(
  leaf: CategoryLeaf,
  set: DemoTextSet,
  channel: DemoChannel,
  urgency: DemoUrgency,
  r: Rand,
  place: Place,
): { text: string; templateId: string } {
  const code = leaf.code;
  if ((channel === 'drone' || channel === 'camera') && set.ai) {
    const where =
      channel === 'drone'
        ? pick(r, [place.community, pick(r, RIVERS), place.road])
        : `${place.road}${place.landmark}附近`;
    const score = (0.6 + r() * 0.39).toFixed(2);
    const head =
      channel === 'drone'
        ? pick(r, ['【无人机巡查】', '【机场自动巡检】'])
        : pick(r, ['【视频AI识别】', '【智能视频巡查】']);
    return {
      text: `${head}${where}发现疑似${set.ai.label}，识别置信度${score}，请核查处置。`,
      templateId: `${code}:ai`,
    };
  }
  if (channel === 'grid' && set.p && r() < 0.85) {
    const i = Math.floor(r() * set.p.length);
    return { text: expandTemplate(set.p[i], r, place), templateId: `${code}:p${i}` };
  }
  const i = Math.floor(r() * set.t.length);
  let body = expandTemplate(set.t[i], r, place);
  // One in twenty-five callers mentions a second, unrelated matter: realistic noise.
  if (r() < 0.04) body += `另外，${sideRemark(code, r, place)}。`;
  // An emergency ends with a plea for speed instead of the usual closing.
  const closing =
    urgency === 'emergency'
      ? pick(r, ['情况紧急，请马上派人处理。', '十分紧急，请尽快到场。', '情况危急，请立即处理！'])
      : pick(r, CLOSING[leaf.requestType]);
  let text: string;
  if (channel === 'hotline') {
    const opening = pick(r, leaf.requestType === 'consultation' && r() < 0.6 ? HOTLINE_OPENING_ASK : HOTLINE_OPENING);
    text = `${urgency === 'emergency' ? '【紧急】' : ''}${opening}${body}${closing}`;
  } else if (channel === 'grid') {
    text = `网格员入户走访，居民反映：${body}${closing}`;
  } else {
    text = `${expandTemplate(pick(r, ONLINE_OPENING), r, place)}${body}${closing}${r() < 0.3 ? '谢谢！' : ''}`;
  }
  return { text, templateId: `${code}:t${i}` };
}

/** The first clause of another category's text. */
function sideRemark(code: string, r: Rand, place: Place): string {
  const others = Object.keys(TEXTS).filter((c) => c !== code);
  const text = expandTemplate(pick(r, TEXTS[pick(r, others)].t), r, place);
  return text.split(/[，。？！]/)[0];
}
