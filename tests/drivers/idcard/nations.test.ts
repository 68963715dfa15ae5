import { describe, expect, it } from 'vitest';
import { NATIONS, nationByCode, nationByName } from '../../../drivers/idcard/nations';

const GB_ORDER =
  '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'.split(
    ' ',
  );

describe('nations (GB 3304)', () => {
  it('holds 01–56 in GB order, then 97 and 98', () => {
    expect(NATIONS).toHaveLength(58);
    expect(GB_ORDER).toHaveLength(56);
    GB_ORDER.forEach((name, i) => {
      const code = String(i + 1).padStart(2, '0');
      expect(NATIONS[i]).toEqual({ code, name, fullName: `${name}族` });
    });
    expect(NATIONS[56]).toEqual({ code: '97', name: '其他', fullName: '其他' });
    expect(NATIONS[57]).toEqual({ code: '98', name: '外国血统中国籍人士', fullName: '外国血统中国籍人士' });
  });

  it('uses 德昂 for 46, and has no 德昴 or 穿青', () => {
    expect(nationByCode('46')?.name).toBe('德昂');
    expect(nationByName('德昴')).toBeUndefined();
    expect(nationByName('穿青')).toBeUndefined();
    expect(NATIONS.some((n) => n.name.includes('昴') || n.name.includes('穿青'))).toBe(false);
  });

  it('looks up by code in several forms', () => {
    expect(nationByCode('01')?.name).toBe('汉');
    expect(nationByCode('1')?.name).toBe('汉');
    expect(nationByCode(3)?.name).toBe('回');
    expect(nationByCode('56')?.fullName).toBe('基诺族');
    expect(nationByCode('97')?.name).toBe('其他');
    expect(nationByCode('00')).toBeUndefined();
    expect(nationByCode('57')).toBeUndefined();
    expect(nationByCode('99')).toBeUndefined();
    expect(nationByCode('1a')).toBeUndefined();
    expect(nationByCode('')).toBeUndefined();
  });

  it('looks up by name with or without 族', () => {
    expect(nationByName('回')?.code).toBe('03');
    expect(nationByName('回族')?.code).toBe('03');
    expect(nationByName('土')?.code).toBe('30');
    expect(nationByName('土家族')?.code).toBe('15');
    expect(nationByName('外国血统中国籍人士')?.code).toBe('98');
  });

  it('has unique codes and names', () => {
    expect(new Set(NATIONS.map((n) => n.code)).size).toBe(NATIONS.length);
    expect(new Set(NATIONS.map((n) => n.name)).size).toBe(NATIONS.length);
  });
});
