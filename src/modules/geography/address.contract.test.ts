import { describe, expect, it } from 'vitest';
import { chineseNumber, normaliseAddress, sameAddressKey } from './address.contract';

describe('normaliseAddress', () => {
  it('folds full-width letters, digits and punctuation, drops spaces and punctuation', () => {
    expect(normaliseAddress('南海大道北３８号　（Ａ座）')).toBe('南海大道北38号a座');
    expect(normaliseAddress(' 桂澜路 1 号，东门。')).toBe('桂澜路1号东门');
    expect(normaliseAddress('3#楼-201')).toBe('3号楼201');
  });

  it('drops the province, city, district and street prefixes, in any combination', () => {
    const want = '南海大道北38号';
    for (const s of [
      '广东省佛山市南海区桂城街道南海大道北38号',
      '佛山市南海区南海大道北38号',
      '南海区 桂城街道 南海大道北38号',
      '桂城街道南海大道北38号',
      '佛山市 南海大道北38号',
    ])
      expect(normaliseAddress(s)).toBe(want);
    // 佛山 alone is a name (佛山水道), not a prefix
    expect(normaliseAddress('佛山水道南岸')).toBe('佛山水道南岸');
  });

  it('writes Chinese numerals before 号/栋/座/楼/… as digits, leaves names alone', () => {
    expect(normaliseAddress('南海大道北三十八号')).toBe('南海大道北38号');
    expect(normaliseAddress('怡翠花园十二栋二单元')).toBe('怡翠花园12栋2单元');
    expect(normaliseAddress('海三路一二三号')).toBe('海三路123号');
    expect(normaliseAddress('两幢')).toBe('2栋');
    expect(normaliseAddress('东二社区')).toBe('东二社区');
    expect(normaliseAddress('二洲河堤')).toBe('二洲河堤');
    expect(normaliseAddress('千灯湖公园')).toBe('千灯湖公园');
  });

  it('is empty for nothing', () => {
    expect(normaliseAddress(null)).toBe('');
    expect(normaliseAddress('  ，。 ')).toBe('');
  });
});

describe('chineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['三十八', 38],
    ['一百零五', 105],
    ['两千零一十', 2010],
    ['一二三', 123],
    ['二〇二六', 2026],
  ])('%s = %d', (s, n) => expect(chineseNumber(s)).toBe(n));

  it.each(['', '百', '二三十', '十百'])('%s is not a number', (s) => expect(chineseNumber(s)).toBeNull());
});

describe('sameAddressKey', () => {
  const k = normaliseAddress;
  it('equal keys match; too-short ones never do', () => {
    expect(sameAddressKey(k('佛山市南海区南海大道北38号'), k('南海大道北三十八号'))).toBe('equal');
    expect(sameAddressKey(k('门口'), k('门口'))).toBeNull();
  });

  it('one inside the other when the shorter is long enough', () => {
    expect(sameAddressKey(k('南海大道北38号'), k('南海大道北38号东门'))).toBe('contains');
    expect(sameAddressKey(k('南海大道北38号东门'), k('南海大道北38号'))).toBe('contains');
    expect(sameAddressKey(k('南海大道'), k('南海大道北38号'))).toBeNull(); // a whole road is not a place
  });

  it('never cuts a house number', () => {
    expect(sameAddressKey(k('1号楼东侧门口'), k('怡翠花园21号楼东侧门口'))).toBeNull();
    expect(sameAddressKey(k('桂澜路1号'), k('桂澜路12号'))).toBeNull();
    expect(sameAddressKey(k('桂澜路12号'), k('桂澜路12号旁'))).toBe('contains');
  });
});
