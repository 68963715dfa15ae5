/**
 * GB 3304 nation (民族) codes as stored in bytes 32–35 of the resident card
 * text block (DOMAIN.md §1). Built from the GB list only: 46 is 德昂 (not the
 * misspelt 德昴 seen in one public file) and there is no 穿青 entry.
 */

/** One GB 3304 entry. */
export interface Nation {
  /** Two-digit code as stored on the card, e.g. `01`. */
  readonly code: string;
  /** Name as printed on the card, e.g. `汉`. */
  readonly name: string;
  /** Name with 族 where GB 3304 has it, e.g. `汉族`; 97/98 have no 族 form. */
  readonly fullName: string;
}

const GB_3304: ReadonlyArray<readonly [code: string, name: string]> = [
  ['01', '汉'],
  ['02', '蒙古'],
  ['03', '回'],
  ['04', '藏'],
  ['05', '维吾尔'],
  ['06', '苗'],
  ['07', '彝'],
  ['08', '壮'],
  ['09', '布依'],
  ['10', '朝鲜'],
  ['11', '满'],
  ['12', '侗'],
  ['13', '瑶'],
  ['14', '白'],
  ['15', '土家'],
  ['16', '哈尼'],
  ['17', '哈萨克'],
  ['18', '傣'],
  ['19', '黎'],
  ['20', '傈僳'],
  ['21', '佤'],
  ['22', '畲'],
  ['23', '高山'],
  ['24', '拉祜'],
  ['25', '水'],
  ['26', '东乡'],
  ['27', '纳西'],
  ['28', '景颇'],
  ['29', '柯尔克孜'],
  ['30', '土'],
  ['31', '达斡尔'],
  ['32', '仫佬'],
  ['33', '羌'],
  ['34', '布朗'],
  ['35', '撒拉'],
  ['36', '毛南'],
  ['37', '仡佬'],
  ['38', '锡伯'],
  ['39', '阿昌'],
  ['40', '普米'],
  ['41', '塔吉克'],
  ['42', '怒'],
  ['43', '乌孜别克'],
  ['44', '俄罗斯'],
  ['45', '鄂温克'],
  ['46', '德昂'],
  ['47', '保安'],
  ['48', '裕固'],
  ['49', '京'],
  ['50', '塔塔尔'],
  ['51', '独龙'],
  ['52', '鄂伦春'],
  ['53', '赫哲'],
  ['54', '门巴'],
  ['55', '珞巴'],
  ['56', '基诺'],
  ['97', '其他'],
  ['98', '外国血统中国籍人士'],
];

/** The 56 nations plus 97 其他 and 98 外国血统中国籍人士, in GB order. */
export const NATIONS: readonly Nation[] = Object.freeze(
  GB_3304.map(([code, name]) => Object.freeze({ code, name, fullName: Number(code) <= 56 ? `${name}族` : name })),
);

const BY_CODE = new Map(NATIONS.map((n) => [n.code, n]));
const BY_NAME = new Map(NATIONS.flatMap((n) => [[n.name, n] as const, [n.fullName, n] as const]));

/**
 * Looks a nation up by its code: `'01'`, `'1'` or `1` all give 汉.
 * Returns `undefined` for codes GB 3304 does not define.
 */
export function nationByCode(code: string | number): Nation | undefined {
  const text = typeof code === 'number' ? String(code) : code.trim();
  if (!/^\d{1,2}$/.test(text)) return undefined;
  return BY_CODE.get(text.padStart(2, '0'));
}

/** Looks a nation up by its printed name (`回`) or its full name (`回族`). */
export function nationByName(name: string): Nation | undefined {
  return BY_NAME.get(name.trim());
}
