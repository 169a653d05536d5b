/**
 * The place vocabulary of the demo requests and the filling of their templates: `[a|b]`
 * alternatives and `{slot}`s (demo-text-set.ts). Names modelled on Guicheng; demo data, not an
 * authoritative gazetteer.
 */
import { pick, type Rand } from './demo-random';

/** Where one request is: the slots a template may name more than once, the same each time. */
export interface Place {
  community: string;
  road: string;
  estate: string;
  landmark: string;
  year: number;
}

const COMMUNITIES = [
  '东二社区',
  '平西社区',
  '夏南一社区',
  '夏南二社区',
  '夏北社区',
  '平东社区',
  '叠滘社区',
  '石肯社区',
  '林岳社区',
  '灯湖社区',
  '三山社区',
  '桂园社区',
  '海五社区',
  '南约社区',
];
const ROADS = [
  '桂澜北路',
  '桂澜中路',
  '桂澜南路',
  '南海大道北',
  '南海大道中',
  '海八路',
  '海五路',
  '海四路',
  '灯湖东路',
  '灯湖西路',
  '南桂东路',
  '桂平路',
  '佛平路',
  '宝石东路',
  '桂和路',
  '夏平路',
  '叠翠路',
  '天佑三路',
];
const ESTATES = [
  '翠湖花园',
  '桂花苑',
  '海逸华庭',
  '锦绣豪庭',
  '怡翠半岛',
  '千灯湖一号',
  '碧桂园翠湖',
  '保利水城',
  '南海花园',
  '海景华庭',
  '东方广场小区',
  '夏北新村',
  '金域名都',
  '平西新苑',
  '中海金沙湾',
  '灯湖御景',
];
const LANDMARKS = [
  '千灯湖公园',
  '映月湖公园',
  '南海万达广场',
  '环宇城',
  '桂城地铁站',
  '金融高新区',
  '南海区行政服务中心',
  '桂城市场',
  '平洲玉器街',
  '夏北市场',
  '灯湖东路公交站',
  '文翰湖公园',
];
const PARKS = ['千灯湖公园', '映月湖公园', '文翰湖公园', '桂城文化公园', '夏北社区公园'];
const METROS = ['千灯湖站', '金融高新区站', '礌岗站', '南桂路站', '桂城站'];
export const RIVERS = ['佛山水道', '东平水道', '千灯湖', '映月湖', '夏北涌', '石肯涌', '叠滘涌'];
const BUSES = ['K1路', '桂12路', '桂15路', '南海108路', '288路', '桂21路', '南海K8路'];
const SCHOOLS = ['灯湖小学', '夏北小学', '桂城中心小学', '平洲第二小学', '桂江中学', '石肯小学', '叠滘中学'];
const KINDERS = ['灯湖幼儿园', '桂园幼儿园', '夏北幼儿园', '阳光宝贝幼儿园', '小太阳托育中心'];
const HOSPITALS = ['南海区人民医院', '桂城医院', '社区卫生服务中心', '南海区妇幼保健院', '平洲医院'];
const SHOP_NAMES = ['好运', '惠民', '旺角', '阿强', '佳美', '顺德人', '老广', '金记', '华润', '新世纪', '美佳', '安心'];
const SHOP_KINDS = [
  '烧腊店',
  '便利店',
  '五金店',
  '奶茶店',
  '健身房',
  '培训中心',
  '美容院',
  '大排档',
  '烧烤店',
  '超市',
  '药店',
  '餐厅',
  '理发店',
  '水果店',
  '茶餐厅',
  '电动车行',
];
const COMPANY_KINDS = [
  '五金制品厂',
  '电镀厂',
  '家具厂',
  '铝材厂',
  '印染厂',
  '塑料厂',
  '纺织厂',
  '物流公司',
  '汽配厂',
  '陶瓷厂',
];
const FOODS = ['水果', '蔬菜', '烧烤', '糖水', '炒粉', '鸡蛋仔', '煎饼', '海鲜', '熟食', '肠粉', '烧鹅', '奶茶'];
const TIMES = ['晚上十一点', '凌晨一点', '凌晨两点', '半夜十二点', '早上六点', '晚上十点多', '凌晨三点', '晚上十二点'];
const DURATIONS = ['两天', '三天', '四五天', '一个星期', '十多天', '半个月', '一个多月', '两个月', '大半年'];
const SURNAMES = ['陈', '黄', '李', '梁', '何', '罗', '冯', '张', '林', '邓', '谢', '吴'];
const DOGS = ['大型犬', '泰迪', '金毛', '阿拉斯加', '比特犬', '土狗', '哈士奇'];
const HOMETOWNS = ['湖南', '广西', '江西', '湖北', '四川', '河南', '湛江', '茂名'];
const ITEMS = ['食品经营许可证', '营业执照变更', '个体工商户注销', '公共场所卫生许可', '排水许可', '建设工程规划许可'];
const HOLIDAYS = ['春节', '国庆', '五一', '端午', '中秋', '清明'];
const TOPICS = ['停车', '漏水', '噪音', '路灯', '垃圾', '下水道', '电梯'];
const PREFIXES = ['粤E', '粤E', '粤E', '粤A', '粤X', '粤Y'];

/** Where a request is: a community, a road, an estate and a landmark. */
export function drawPlace(r: Rand, year: number): Place {
  return {
    community: pick(r, COMMUNITIES),
    road: pick(r, ROADS),
    estate: pick(r, ESTATES),
    landmark: pick(r, LANDMARKS),
    year,
  };
}

/** One `{slot}`: the request's own place, or a fresh draw from the slot's list. */
function slot(name: string, r: Rand, place: Place): string {
  switch (name) {
    case 'community':
      return place.community;
    case 'road':
      return place.road;
    case 'estate':
      return place.estate;
    case 'landmark':
      return place.landmark;
    case 'road2': {
      const other = ROADS.filter((x) => x !== place.road);
      return pick(r, other);
    }
    case 'park':
      return pick(r, PARKS);
    case 'metro':
      return pick(r, METROS);
    case 'river':
      return pick(r, RIVERS);
    case 'bus':
      return pick(r, BUSES);
    case 'school':
      return pick(r, SCHOOLS);
    case 'kinder':
      return pick(r, KINDERS);
    case 'hospital':
      return pick(r, HOSPITALS);
    case 'shop':
      return pick(r, SHOP_NAMES) + pick(r, SHOP_KINDS);
    case 'company':
      return pick(r, SHOP_NAMES) + pick(r, COMPANY_KINDS);
    case 'food':
      return pick(r, FOODS);
    case 'time':
      return pick(r, TIMES);
    case 'duration':
      return pick(r, DURATIONS);
    case 'num':
      return String(2 + Math.floor(r() * 9));
    case 'floor':
      return String(2 + Math.floor(r() * 31));
    case 'building':
      return `${1 + Math.floor(r() * 20)}${pick(r, ['座', '栋', '幢'])}`;
    case 'money':
      return String(pick(r, [200, 380, 500, 800, 1200, 1500, 2000, 2600, 3800, 5000, 6800, 12000]));
    case 'plate':
      return `${pick(r, PREFIXES)}${String.fromCharCode(65 + Math.floor(r() * 26))}${Math.floor(10000 + r() * 89999)}`;
    case 'person':
      return pick(r, SURNAMES) + pick(r, ['师傅', '同志', '姐', '医生', '警官', '主任']);
    case 'dog':
      return pick(r, DOGS);
    case 'hometown':
      return pick(r, HOMETOWNS);
    case 'item':
      return pick(r, ITEMS);
    case 'holiday':
      return pick(r, HOLIDAYS);
    case 'topic':
      return pick(r, TOPICS);
    case 'year':
      return String(place.year + (r() < 0.5 ? 0 : 1));
    case 'month':
      return `${1 + Math.floor(r() * 12)}月`;
    default:
      throw new Error(`unknown template slot {${name}}`);
  }
}

/** Expand `[a|b]` alternatives, then `{slot}`s. */
export function expandTemplate(template: string, r: Rand, place: Place): string {
  return template
    .replace(/\[([^[\]]*)\]/g, (_, alts: string) => pick(r, alts.split('|')))
    .replace(/\{(\w+)\}/g, (_, name: string) => slot(name, r, place));
}
